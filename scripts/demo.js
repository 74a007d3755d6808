#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: validates the bundled example submissions and explains the result. Five of the
 * six examples carry errors on purpose, so exit code 1 of `zwgk validate` is the expected outcome
 * here and the demo itself succeeds.
 */
const { join } = require('node:path');
const { main } = require(join(__dirname, '..', 'dist', 'cli', 'main.js'));

main(['validate', join('examples')]).then((code) => {
  if (code === 1) {
    process.stderr.write(
      '\n示例中有 5 份故意带有错误，所以 zwgk validate 的退出码是 1（有错误）。对自己的文件运行：npx zwgk validate 文件或文件夹\n',
    );
    process.exitCode = 0;
  } else {
    process.exitCode = code;
  }
});
