/** Builds dist/ (the compiled CLI and its worker) when it is missing or older than the sources. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'zwgk.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const worker = join(REPO, 'dist', 'cli', 'guard-worker.js');
  const sources = Math.max(...['core', 'io', 'cli', 'examples'].map((d) => newestSource(join(REPO, 'src', d))));
  if (existsSync(worker) && statSync(worker).mtimeMs >= sources && existsSync(join(REPO, 'dist', 'cli', 'main.js'))) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'pipe' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI; `closeStdoutAfterFirstChunk` closes the reading end as `| head -1` would. */
export function runBin(args: string[], opts: { cwd?: string; closeStdoutAfterFirstChunk?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.closeStdoutAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
