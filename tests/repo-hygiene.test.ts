/**
 * The repository itself: no file that git tracks carries merge-conflict markers (a README or a
 * source file with "<<<<<<<" lines reads as broken to every newcomer).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

test('no tracked text file has merge-conflict markers', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const text = files.filter((f) => /\.(ts|js|json|md|html|css|xml|yml|yaml|txt)$|^\.ci\//.test(f));
  const marked = text.filter((f) => {
    let s: string;
    try {
      s = readFileSync(join(root, f), 'utf8');
    } catch {
      return false; // listed but removed in the working tree
    }
    return /^(<{7}|>{7}) /m.test(s) || /^<{7} [^\n]*\n[\s\S]*?^={7}$/m.test(s);
  });
  expect(marked).toEqual([]);
});
