/**
 * One production build of the add-in shared by the tests that need it (ES5 parse, the package for IT,
 * the pane's start-up messages): `scripts/package-addin.js` with OFFICE_JS=local and a test base URL,
 * unzipped. The result is cached in the temp folder under a hash of everything the build reads, so test
 * files (and reruns) reuse a fresh build; a lock keeps two jest workers from building it twice.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';

export const ROOT = path.resolve(__dirname, '../..');
export const PACKAGE_BASE_URL = 'https://zwgk.example.gov.cn/nianbao/addin/';

export interface PackagedAddin {
  /** The .zip the script wrote. */
  zip: string;
  /** The .zip unzipped: the site IT would serve. */
  site: string;
  /** Paths inside the .zip, sorted. */
  entries: string[];
}

const INPUTS = ['webpack.config.js', 'package-lock.json', 'manifest.xml', 'scripts/package-addin.js', 'src', 'rules', 'assets', 'dist/io/template-writer.js'];

function hashInputs(): string {
  const h = crypto.createHash('sha1');
  const add = (rel: string): void => {
    const full = path.join(ROOT, rel);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.join(rel, name));
      return;
    }
    h.update(rel);
    h.update(fs.readFileSync(full));
  };
  for (const rel of INPUTS) add(rel);
  return h.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds of other inputs (about 100 MB each with Office.js) are removed once they are two hours old. */
function pruneOldBuilds(parent: string, keep: string): void {
  for (const name of fs.readdirSync(parent)) {
    const full = path.join(parent, name);
    if (full === keep || name.endsWith('.lock')) continue;
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 2 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** Builds (or reuses) the packaged add-in; throws with the script's output when it fails. */
export function packagedAddin(): PackagedAddin {
  const dir = path.join(os.tmpdir(), 'zwgk-addin-package', hashInputs());
  const done = path.join(dir, 'done.json');
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8')) as PackagedAddin;
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 15 minutes is left over from a killed run.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(1000);
    }
  }
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { recursive: true });
    // The offline web page is left out (ADDIN_WEB_HTML points nowhere) so the package does not depend on other builds.
    const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_BASE_URL: PACKAGE_BASE_URL, OFFICE_JS: 'local', ADDIN_PACKAGE_DIR: out, ADDIN_WEB_HTML: path.join(dir, 'no-web-page') };
    delete env.ADDIN_OUT_DIR;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/package-addin.js')], { cwd: ROOT, env, stdio: 'pipe', timeout: 10 * 60_000 });
    const zipName = fs.readdirSync(out).find((f) => f.endsWith('.zip'));
    if (!zipName) throw new Error(`package-addin.js wrote no .zip into ${out}`);
    const zip = path.join(out, zipName);
    const files = unzipSync(new Uint8Array(fs.readFileSync(zip)));
    const site = path.join(dir, 'site');
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      const target = path.join(site, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
    }
    const result: PackagedAddin = { zip, site, entries: Object.keys(files).filter((n) => !n.endsWith('/')).sort() };
    fs.writeFileSync(done, JSON.stringify(result));
    pruneOldBuilds(path.dirname(dir), dir);
    return result;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
