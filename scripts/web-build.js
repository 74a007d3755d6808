/**
 * Builds the offline web page when it is missing or older than its sources, for the browser tests
 * and the benchmark (`npm run build:web` builds it for people). A build records a hash of its inputs
 * in build-inputs.txt; a folder whose hash matches the sources is used as it is.
 *
 *   ensureWebBuild()  → the folder holding index.html and zwgk.html
 *
 * dist/web is used when it is current (e.g. right after `npm run build:web`); otherwise a
 * development build (no minifying: a few times faster) is made into node_modules/.cache/zwgk-web/page.
 * Several test files may ask at once: one builds, the others wait for its lock to go.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = 'build-inputs.txt';
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'zwgk-web', 'page');

function listFiles(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** A hash over everything the page is built from (sources, rules, the build config, the lockfile). */
function inputsHash() {
  const files = [
    ...listFiles(path.join(ROOT, 'src'), []),
    ...listFiles(path.join(ROOT, 'rules'), []),
    path.join(ROOT, 'webpack.web.config.js'),
    path.join(ROOT, 'package-lock.json'),
  ].sort();
  const h = crypto.createHash('sha256');
  for (const f of files) {
    h.update(path.relative(ROOT, f));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function isCurrent(dir, hash) {
  const stamp = path.join(dir, STAMP);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === hash && fs.existsSync(path.join(dir, 'zwgk.html'));
}

async function build(outDir, mode) {
  const webpack = require('webpack');
  const saved = process.env.WEB_OUT_DIR;
  process.env.WEB_OUT_DIR = outDir;
  try {
    const config = await require(path.join(ROOT, 'webpack.web.config.js'))({}, { mode });
    await new Promise((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
  } finally {
    if (saved === undefined) delete process.env.WEB_OUT_DIR;
    else process.env.WEB_OUT_DIR = saved;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The folder of a current build of the page; builds one (development mode) when there is none. */
async function ensureWebBuild({ mode = 'development' } = {}) {
  const hash = inputsHash();
  const dist = path.join(ROOT, 'dist', 'web');
  if (isCurrent(dist, hash)) return dist;
  if (isCurrent(CACHE, hash)) return CACHE;
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  const lock = `${CACHE}.lock`;
  for (let waited = 0; ; waited += 500) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: wait for it (a lock older than 10 minutes is stale).
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 600000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (isCurrent(CACHE, hash)) return CACHE;
    await build(CACHE, mode);
    return CACHE;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureWebBuild, inputsHash, STAMP };
