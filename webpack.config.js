/**
 * Builds the Excel task pane (dist/addin by default).
 *
 *   npm run build            production build; ADDIN_BASE_URL=https://intranet.example.gov.cn/zwgk/ sets the
 *                            URL the manifest points to (default: the dev server https://localhost:3000/)
 *   npm run dev-server       https://localhost:3000 with the Office dev certificates (office-addin-dev-certs)
 *   OFFICE_JS=local          serve Office.js from this site (copied from @microsoft/office-js) instead of the
 *                            Microsoft CDN, for intranets without internet access. Microsoft supports only the CDN.
 *   OFFICE_JS=fake           tests only: load fake-office.js (a fake Office host) instead of Office.js
 *   ADDIN_TEMPLATE_XLSX      the standard template to embed for "insert template sheets"; by default the template
 *                            writer of the CLI build (dist/io/template-writer.js) is used when it has been built
 *   ADDIN_OUT_DIR            output folder (tests build into a temp folder)
 *
 * Office.js is never bundled: it is loaded by a <script> tag (its loader checks its own file name).
 *
 * Office 2016 and 2019 (volume licence) and Office 2021 on older Windows show add-ins in Trident (the IE 11
 * engine), so everything this build writes is ES5: TypeScript goes through ts-loader (types only) and then
 * Babel (preset-env, target IE 11) with core-js polyfills added for what the code uses; the packages that end
 * up in the bundle (json-rules-engine and its dependencies, SheetJS, fflate…) go through Babel too, and the
 * webpack runtime itself is ES5 (target es5). tests/addin-es5.test.ts parses every .js with an ES5-only parser.
 * pane-boot.js (hand-written ES5, loaded before Office.js) shows a Chinese message when Office.js or the
 * bundle cannot start, so the pane is never blank.
 */
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * `new RegExp("…", "u")` with literal arguments → the regular-expression literal, so that preset-env can
 * rewrite its `u`/`s` flags and \p{…} classes for IE 11 (Trident throws on those flags when the pattern
 * is built at run time). The `docx` package builds such a pattern when it loads.
 */
function constantRegExpToLiteral({ types: t }) {
  return {
    visitor: {
      NewExpression(path) {
        const { callee, arguments: args } = path.node;
        if (!t.isIdentifier(callee, { name: 'RegExp' }) || path.scope.hasBinding('RegExp', true)) return;
        if (args.length < 1 || args.length > 2 || !args.every((a) => t.isStringLiteral(a))) return;
        const pattern = args[0].value;
        const flags = args[1] ? args[1].value : '';
        // Lookbehind has no ES5 form: such a pattern stays as it is (it only fails in IE if it runs).
        if (pattern === '' || /[/\n\r\u2028\u2029]|\(\?<[=!]/.test(pattern) || !/^[dgimsuy]*$/.test(flags)) return;
        path.replaceWith(t.regExpLiteral(pattern, flags));
      },
    },
  };
}

/** Babel for the task pane: IE 11 syntax, core-js 3 polyfills for the built-ins the code uses. */
const BABEL_OPTIONS = {
  babelrc: false,
  configFile: false,
  // Packages mix ES modules and CommonJS; let Babel tell which one each file is.
  sourceType: 'unambiguous',
  compact: true,
  cacheDirectory: true,
  // The option only keys babel-loader's cache (a plugin function does not change the cache key).
  plugins: [[constantRegExpToLiteral, { revision: 2 }]],
  presets: [
    [
      '@babel/preset-env',
      {
        targets: { ie: '11' },
        useBuiltIns: 'usage',
        corejs: require('core-js/package.json').version,
        // webpack handles import/export (and tree-shakes them).
        modules: false,
      },
    ],
  ],
};

/** Packages that must not go through Babel: the polyfills themselves and webpack's own helpers. */
const NO_BABEL = /[\\/]node_modules[\\/](core-js|webpack|regenerator-runtime|@babel[\\/]runtime)[\\/]/;

function baseUrl(production) {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) {
    if (production) console.warn('ADDIN_BASE_URL is not set: the manifest keeps pointing to ' + DEV_URL);
    return DEV_URL;
  }
  if (!/^https:\/\//.test(url)) throw new Error('ADDIN_BASE_URL must be an https:// URL (Office loads add-ins only over https)');
  return url.endsWith('/') ? url : url + '/';
}

/**
 * Trident has no CSS custom properties: before each declaration that uses var(--x), the same declaration
 * with the value from :root is written, which Trident uses and newer engines override.
 */
function cssWithFallbacks(css) {
  const vars = {};
  for (const m of css.matchAll(/(--[\w-]+)\s*:\s*([^;{}]+);/g)) vars[m[1]] = m[2].trim();
  return css.replace(/([{;]\s*)([a-z][a-z-]*)\s*:\s*([^;{}]*var\(--[\w-]+\)[^;{}]*)/g, (all, lead, prop, value) => {
    const plain = value.replace(/var\((--[\w-]+)\)/g, (v, name) => vars[name] ?? v);
    return plain.includes('var(') ? all : `${lead}${prop}: ${plain.trim()}; ${prop}: ${value.trim()}`;
  });
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || 'cdn').toLowerCase();
  if (!['cdn', 'local', 'fake'].includes(mode)) throw new Error('OFFICE_JS must be cdn, local or fake');
  return mode;
}

async function templateBase64() {
  const file = process.env.ADDIN_TEMPLATE_XLSX;
  if (file) return fs.readFileSync(path.resolve(file)).toString('base64');
  const writer = path.resolve(__dirname, 'dist/io/template-writer.js');
  if (fs.existsSync(writer)) {
    const bytes = await require(writer).writeTemplate();
    return Buffer.from(bytes).toString('base64');
  }
  return '';
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJs = officeJsMode();
  const officeJsUrl = officeJs === 'cdn' ? CDN_OFFICE_JS : officeJs === 'local' ? 'office-js/office.js' : 'fake-office.js';
  const urlProd = baseUrl(production);
  const outDir = path.resolve(process.env.ADDIN_OUT_DIR || path.join(__dirname, 'dist/addin'));

  const copies = [
    { from: 'src/addin/taskpane/taskpane.css', to: 'taskpane.css', transform: (content) => cssWithFallbacks(content.toString()) },
    { from: 'src/addin/support.html', to: 'support.html' },
    { from: 'src/addin/taskpane/pane-boot.js', to: 'pane-boot.js' },
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        return production ? content.toString().split(DEV_URL).join(urlProd) : content;
      },
    },
  ];
  if (officeJs === 'local') {
    // Microsoft's files as they are: marked minimized so Terser does not spend minutes re-minifying them.
    copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } });
  }

  // The polyfills module comes first: the webpack runtime needs Promise for the lazy chunks.
  const entry = {
    taskpane: ['./src/addin/taskpane/polyfills.ts', './src/addin/taskpane/taskpane.ts'],
    commands: './src/addin/commands/commands.ts',
  };
  // Tests only: a fake Office host (Office and Excel globals over an in-memory workbook), loaded by the
  // pages in place of Office.js.
  if (officeJs === 'fake') entry['fake-office'] = './tests/e2e/fake-office-entry.ts';

  const config = {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    target: ['web', 'es5'],
    entry,
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            { loader: 'babel-loader', options: BABEL_OPTIONS },
            {
              loader: 'ts-loader',
              // Type checking is `npm run typecheck`; here TypeScript only strips the types, Babel does the rest.
              options: { transpileOnly: true, compilerOptions: { target: 'ES2020', module: 'es2020', sourceMap: true } },
            },
          ],
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: NO_BABEL,
          use: { loader: 'babel-loader', options: BABEL_OPTIONS },
        },
      ],
    },
    // The browser bundle must not pull in Node built-ins.
    node: false,
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __ZWGK_TEMPLATE_BASE64__: JSON.stringify(await templateBase64()) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl, officeJsMode: officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/addin/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJsUrl, officeJsMode: officeJs },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      static: { directory: outDir },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // No injected reload client: the pane's CSP allows no extra scripts or sockets. Reload the pane by hand.
      hot: false,
      liveReload: false,
      client: false,
    },
  };

  if (serving) {
    // Certificates are created and trusted on first use (office-addin-dev-certs asks once for permission).
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
