/**
 * The package's own rule files are loaded without the JSON Schema check (compiling the schema with
 * ajv was a large part of a cold start); this test is what lets them skip it. Rule files from
 * anywhere else are still checked.
 */
import * as path from 'node:path';
import { ajvSchemaCheck, lintRuleSources } from '../src/core/validator';
import { DEFAULT_RULES_DIR, readRuleSources } from '../src/io/load-rules';

describe('bundled rule files', () => {
  const bundled = readRuleSources();

  it('are marked bundled, and each passes the rule-file schema', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(8);
    const check = ajvSchemaCheck();
    for (const s of bundled) {
      expect(s.bundled).toBe(true);
      expect([path.basename(s.path), check(s.json)]).toEqual([path.basename(s.path), []]);
    }
  });

  it('load without ajv; a rule file from elsewhere is still checked with it', () => {
    jest.isolateModules(() => {
      jest.doMock('ajv', () => {
        throw new Error('ajv loaded');
      });
      const loader = require('../src/core/validator') as typeof import('../src/core/validator');
      const reader = require('../src/io/load-rules') as typeof import('../src/io/load-rules');
      const own = reader.readRuleSources(DEFAULT_RULES_DIR + path.sep);
      expect(own.every((s) => s.bundled)).toBe(true);
      expect(loader.lintRuleSources(own)).toEqual([]);
      const copy = own.map((s) => ({ path: s.path.replace(DEFAULT_RULES_DIR, '/elsewhere'), json: s.json }));
      expect(() => loader.lintRuleSources(copy)).toThrow('ajv loaded');
    });
  });
});
