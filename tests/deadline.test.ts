/**
 * The time limit on synchronous work in the main thread (src/cli/deadline.ts), which bounds the
 * check of a one-file batch done without a worker.
 */
import { OUT_OF_TIME, runWithin } from '../src/cli/deadline';
import { UserError } from '../src/core/errors';

test('returns the value of a job done in time', () => {
  expect(runWithin(1000, () => ({ cells: 3 }))).toEqual({ cells: 3 });
});

test('stops a job that never ends at the limit, and the thread goes on', () => {
  const started = Date.now();
  expect(
    runWithin(200, () => {
      for (;;) {
        /* a parse that never ends */
      }
    }),
  ).toBe(OUT_OF_TIME);
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(190);
  expect(took).toBeLessThan(2000);
  expect(runWithin(200, () => 'next')).toBe('next');
});

test('throws on what the job throws, unchanged', () => {
  const refusal = new UserError('not-spreadsheet', { 'zh-CN': '不是表格', en: 'not a spreadsheet' });
  expect(() =>
    runWithin(1000, () => {
      throw refusal;
    }),
  ).toThrow(refusal);
});
