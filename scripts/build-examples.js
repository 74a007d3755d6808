#!/usr/bin/env node
'use strict';
/**
 * Writes the bundled example submissions (examples/*.xlsx) with the template writer, so they
 * always match it.
 * Runs on the compiled code in dist/: `npm run examples`.
 */
const { writeFileSync, mkdirSync, readdirSync, unlinkSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const { writeTemplate } = require(join(dist, 'io', 'template-writer.js'));
const { EXAMPLE_UNITS } = require(join(dist, 'examples', 'units.js'));

async function main() {
  const dir = join(__dirname, '..', 'examples');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.xlsx')) unlinkSync(join(dir, f));
  for (const unit of EXAMPLE_UNITS) {
    writeFileSync(join(dir, `${unit.file}.xlsx`), await writeTemplate({ values: unit.values }));
    console.log(`examples/${unit.file}.xlsx  ${unit.about}`);
  }
  // One generated annual report (zwgk report) of the clean unit.
  const { EXAMPLE_REPORT, exampleReportDocx } = require(join(dist, 'examples', 'report.js'));
  writeFileSync(join(dir, EXAMPLE_REPORT.file), await exampleReportDocx());
  console.log(`examples/${EXAMPLE_REPORT.file}  zwgk report 由一份合格的工作簿生成的年度报告`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
