#!/usr/bin/env node
'use strict';
// Entry point of the `zwgk` command. The TypeScript sources are compiled to dist/ by `npm ci`
// (the prepare script) or `npm run build:cli`.
let main;
try {
  ({ main } = require('../dist/cli/main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('zwgk 尚未编译：请先运行 npm ci 或 npm run build:cli。\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
