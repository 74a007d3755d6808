/**
 * The generated report in examples/ matches what `npm run examples` writes today (compared part by
 * part), and passes `zwgk validate` as the workbook it came from does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { EXAMPLE_REPORT, exampleReportDocx } from '../src/examples/report';
import { readWorkbookFile } from '../src/io/read-workbook';
import { validator } from './helpers/rules';

const FILE = join(__dirname, '..', 'examples', EXAMPLE_REPORT.file);

it('the committed example report is in step with the generator (run npm run examples otherwise)', async () => {
  const committed = unzipSync(new Uint8Array(readFileSync(FILE)));
  const fresh = unzipSync(await exampleReportDocx());
  expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
  for (const name of Object.keys(fresh)) expect([name, strFromU8(committed[name])]).toEqual([name, strFromU8(fresh[name])]);
});

it('the example report validates without findings, like its workbook', async () => {
  const report = await validator.validate(await readWorkbookFile(FILE), { now: new Date('2026-11-25T00:00:00Z') });
  expect(report.unit).toEqual({ name: 'XX县司法局', code: null, type: null, year: 2025 });
  expect(report.findings).toEqual([]);
});
