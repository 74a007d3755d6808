#!/usr/bin/env node
'use strict';
/**
 * Writes docs/checks.md from the rule files, the code registry and the catalogue.
 * Runs on the compiled code in dist/: `npm run docs:checks`. A test checks the committed file.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const { checksMarkdown } = require(join(dist, 'core', 'codes', 'checks-doc.js'));
const { loadRuleSet } = require(join(dist, 'core', 'validator.js'));
const { readRuleSources } = require(join(dist, 'io', 'load-rules.js'));

const out = join(__dirname, '..', 'docs', 'checks.md');
writeFileSync(out, checksMarkdown(loadRuleSet(readRuleSources())));
console.log(`wrote ${out}`);
