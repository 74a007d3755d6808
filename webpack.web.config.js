/**
 * Builds the offline web page (dist/web by default):
 *
 *   dist/web/index.html + zwgk.js + zwgk.css   for an intranet web server or a folder (file://)
 *   dist/web/zwgk.html                          the same page as one self-contained file
 *
 *   npm run build:web                 production build
 *   WEB_OUT_DIR=…                     output folder (tests build into a temp folder)
 *
 * Two compilations: first the Web Worker (reading and validating one workbook), whose code is then
 * embedded into the page's script as a string, because a page opened from file:// may start a
 * worker only from a blob: URL. The rule-file schema check is compiled by ajv at build time
 * (standalone code), so the page needs no 'unsafe-eval'. Nothing is loaded from anywhere else: the
 * Content-Security-Policy allows the page's own files, blob: workers, and inline code by hash only.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const { inputsHash, STAMP } = require('./scripts/web-build');

const ROOT = __dirname;
const GENERATED = path.join(ROOT, 'node_modules', '.cache', 'zwgk-web');

/** ES5 only: it must run in any browser, to say that the browser is too old. */
const LEGACY_CHECK = path.join(ROOT, 'src/web/legacy-check.js');
const TEMPLATE = path.join(ROOT, 'src/web/index.html');
const CSS = path.join(ROOT, 'src/web/page.css');

function tsRule() {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      // Type checking is `npm run typecheck`; the bundle only needs the transpiled code.
      options: { transpileOnly: true, compilerOptions: { target: 'ES2020', module: 'es2020', sourceMap: false } },
    },
  };
}

/** The rule-file schema check as standalone code (ajv compiles it here instead of in the browser). */
function writeSchemaCheck() {
  const Ajv = require('ajv');
  const standaloneCode = require('ajv/dist/standalone').default;
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  fs.mkdirSync(GENERATED, { recursive: true });
  const file = path.join(GENERATED, 'rule-schema-check.js');
  fs.writeFileSync(file, code);
  return file;
}

function common(production, schemaCheckFile) {
  return {
    mode: production ? 'production' : 'development',
    devtool: false,
    resolve: {
      extensions: ['.ts', '.js'],
      alias: { 'zwgk-rule-schema-check$': schemaCheckFile },
    },
    module: { rules: [tsRule()] },
    // The browser bundles must not pull in Node built-ins.
    node: false,
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false, emitOnErrors: false },
    stats: 'errors-warnings',
  };
}

function compile(config) {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    }),
  );
}

/** The worker's script, built into the cache folder and returned as text. */
async function buildWorker(production, schemaCheckFile) {
  const out = path.join(GENERATED, 'worker');
  await compile({
    ...common(production, schemaCheckFile),
    target: ['webworker', 'es2020'],
    entry: { worker: './src/web/worker.ts' },
    output: { path: out, filename: '[name].js', clean: true, chunkFormat: false, iife: true },
  });
  const code = fs.readFileSync(path.join(out, 'worker.js'), 'utf8');
  requireEs2020(code, 'worker.js');
  const licenses = path.join(out, 'worker.js.LICENSE.txt');
  return { code, licenses: fs.existsSync(licenses) ? fs.readFileSync(licenses, 'utf8') : '' };
}

/**
 * The minimum browsers (Chromium 86, Firefox 115) run ES2020: a dependency that ships newer syntax
 * would break the page there, so the build stops instead.
 */
function requireEs2020(code, name) {
  try {
    require('acorn').parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  } catch (e) {
    throw new Error(`${name} is not ES2020 (needed by Chromium 86 / Firefox 115): ${e.message}`);
  }
}

function sha256(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Script text that may sit inside <script>…</script>: "</script" would end the element and "<!--"
 * changes how the HTML parser reads the rest. Both only occur inside strings, regular expressions
 * and comments, where "\x3C" means "<" too.
 */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

function page({ csp, style, scripts }) {
  return fs
    .readFileSync(TEMPLATE, 'utf8')
    .replace('%CSP%', () => csp)
    .replace('%STYLE%', () => style)
    .replace('%SCRIPTS%', () => scripts);
}

/**
 * Marks the pages as final: webpack's minimizer also rewrites HTML and CSS assets emitted later,
 * which would change the inline code after its hash is in the Content-Security-Policy.
 */
const DONE = { minimized: true };

/** The licence notices the minifier moved out of the scripts, as an HTML comment for the single file. */
function licenceComment(texts) {
  const text = texts.filter(Boolean).join('\n').replace(/--/g, '- -').trim();
  return text ? `<!--\nLicences of the bundled libraries:\n${text}\n-->\n` : '';
}

/** Writes index.html (scripts and style as files) and zwgk.html (everything inline). */
class PagesPlugin {
  constructor(workerLicences) {
    this.workerLicences = workerLicences;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ZwgkPages', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ZwgkPages', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const { RawSource } = webpack.sources;
        const legacy = inlineSafe(fs.readFileSync(LEGACY_CHECK, 'utf8'));
        const css = fs.readFileSync(CSS, 'utf8');
        const script = compilation.getAsset('zwgk.js').source.source().toString();
        requireEs2020(script, 'zwgk.js');
        const main = inlineSafe(script);
        const licences = licenceComment([compilation.getAsset('zwgk.js.LICENSE.txt')?.source.source().toString(), this.workerLicences]);
        compilation.emitAsset('zwgk.css', new RawSource(css), DONE);
        // What the page was built from: scripts/web-build.js rebuilds when the sources change. A build
        // with errors gets no stamp, so it is never taken for a current one.
        if (compilation.errors.length === 0) compilation.emitAsset(STAMP, new RawSource(`${inputsHash()}\n`), DONE);
        const common = "default-src 'none'; worker-src blob:; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";
        compilation.emitAsset(
          'index.html',
          new RawSource(
            page({
              csp: `${common}; script-src 'self' ${sha256(legacy)}; style-src 'self'; connect-src 'none'; font-src 'self'`,
              style: '<link rel="stylesheet" href="zwgk.css">',
              scripts: `<script>${legacy}</script>\n<script src="zwgk.js" defer></script>`,
            }),
          ),
          DONE,
        );
        compilation.emitAsset(
          'zwgk.html',
          new RawSource(
            page({
              csp: `${common}; script-src ${sha256(legacy)} ${sha256(main)}; style-src ${sha256(css)}; connect-src 'none'; font-src 'none'`,
              style: `${licences}<style>${css}</style>`,
              // Inline scripts cannot be deferred: the page script starts on DOMContentLoaded itself.
              scripts: `<script>${legacy}</script>\n<script>${main}</script>`,
            }),
          ),
          DONE,
        );
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.WEB_MODE || 'production') !== 'development';
  const outDir = path.resolve(process.env.WEB_OUT_DIR || path.join(ROOT, 'dist/web'));
  const schemaCheckFile = writeSchemaCheck();
  const worker = await buildWorker(production, schemaCheckFile);
  return {
    ...common(production, schemaCheckFile),
    target: ['web', 'es2020'],
    entry: { zwgk: './src/web/main.ts' },
    output: { path: outDir, filename: '[name].js', clean: true, chunkFormat: false, iife: true },
    plugins: [new webpack.DefinePlugin({ __ZWGK_WORKER_SOURCE__: JSON.stringify(worker.code) }), new PagesPlugin(worker.licenses)],
  };
};
