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
 */
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function baseUrl(production) {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) {
    if (production) console.warn('ADDIN_BASE_URL is not set: the manifest keeps pointing to ' + DEV_URL);
    return DEV_URL;
  }
  if (!/^https:\/\//.test(url)) throw new Error('ADDIN_BASE_URL must be an https:// URL (Office loads add-ins only over https)');
  return url.endsWith('/') ? url : url + '/';
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
    { from: 'src/addin/taskpane.css', to: 'taskpane.css' },
    { from: 'src/addin/support.html', to: 'support.html' },
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
    copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' });
  }

  const entry = {
    taskpane: './src/addin/taskpane.ts',
    commands: './src/addin/commands.ts',
  };
  // Tests only: a fake Office host (Office and Excel globals over an in-memory workbook), loaded by the
  // pages in place of Office.js.
  if (officeJs === 'fake') entry['fake-office'] = './tests/e2e/fake-office-entry.ts';

  const config = {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry,
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; the bundle only needs the transpiled code.
            options: { transpileOnly: true, compilerOptions: { target: 'ES2020', module: 'es2020', sourceMap: true } },
          },
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
        template: './src/addin/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/addin/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJsUrl },
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
