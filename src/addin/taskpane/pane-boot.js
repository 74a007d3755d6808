/* global window, document, setTimeout, FileReader */
/*
 * Safety net of the task pane, loaded before Office.js and the bundle. Hand-written ES5 (no build step)
 * so it runs in every engine Office shows add-ins in, Trident (IE 11) included.
 *
 * The pane must never stay blank. This script shows a message in Chinese (with one English line) when:
 * - Office.js fails to load (its <script> fires an error: Microsoft's server is unreachable, as on most
 *   government intranets, or the local copy is missing), or has not arrived after WAIT_MS;
 * - Office.js is there but the pane has not started after WAIT_MS (Office.onReady never came: the page
 *   was opened outside Office, or the bundle could not run in this engine);
 * - the engine lacks what no polyfill can add (typed arrays, FileReader…).
 * The bundle calls window.zwgkPaneStarted() once Office.onReady has fired; that removes any message
 * shown meanwhile (a slow PC may need longer than WAIT_MS).
 */
(function () {
  'use strict';

  var WAIT_MS = 8000;
  var OFFLINE =
    '也可以改用离线网页版“zwgk.html”校验年报：向上级政务公开办或本单位信息化部门索取，用 Edge、Chrome 等浏览器打开即可，不需要网络，文件不会上传。';

  var MESSAGES = {
    'office-cdn': {
      title: '任务窗格无法启动：未能加载 Office.js',
      lines: [
        '加载项需要从微软的服务器（appsforoffice.microsoft.com）加载 Office.js，本机现在访问不到该服务器。政务外网、内网的电脑常有这种情况。',
        '请把这条信息转告本单位信息化部门：他们可以部署把 Office.js 放在本单位服务器上的加载项版本（OFFICE_JS=local，见部署指南）。',
        OFFLINE
      ],
      en: 'Office.js could not be loaded from Microsoft\u2019s server. Ask IT for the OFFICE_JS=local build, or use the offline web page zwgk.html.'
    },
    'office-local': {
      title: '任务窗格无法启动：未能加载 Office.js',
      lines: [
        '加载项站点上的 Office.js 文件（office-js/office.js）没有加载成功。',
        '请把这条信息转告本单位信息化部门：检查加载项站点上的 office-js 文件夹是否完整、能否用 https 访问。',
        OFFLINE
      ],
      en: 'Office.js could not be loaded from this site (office-js/office.js). Ask IT to check the add-in site, or use the offline web page zwgk.html.'
    },
    'not-started': {
      title: '任务窗格没有连接到 Excel',
      lines: [
        '如果是在浏览器里直接打开了这个页面：请改在 Excel 中打开，方法是点击“开始”选项卡上的“校验年报”按钮。',
        '如果已经是在 Excel 中：请关闭任务窗格后重新打开；仍不行时重启 Excel，或请信息化部门清除 Office 加载项缓存（见部署指南）。',
        OFFLINE
      ],
      en: 'The pane did not connect to Excel. Open it from Excel (Home \u2192 Check report), or restart Excel. The offline web page zwgk.html also works.'
    },
    'old-engine': {
      title: '本机 Excel 无法运行此加载项',
      lines: [
        '这台电脑上的 Excel 用来显示加载项的浏览器组件过旧，缺少加载项需要的功能。',
        OFFLINE
      ],
      en: 'This Excel shows add-ins in a browser engine that is too old for this add-in. Use the offline web page zwgk.html.'
    }
  };

  var started = false;
  var shown = null;
  var box = null;

  function officeJsMode() {
    var meta = document.querySelector ? document.querySelector('meta[name="zwgk-office-js"]') : null;
    return meta && meta.getAttribute('content') === 'local' ? 'local' : 'cdn';
  }

  function render() {
    if (!shown || started || !document.body) return;
    var text = MESSAGES[shown];
    if (box && box.parentNode) box.parentNode.removeChild(box);
    box = document.createElement('div');
    box.id = 'boot-message';
    box.className = 'pane';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h1');
    h.className = 'pane-title';
    h.appendChild(document.createTextNode(text.title));
    box.appendChild(h);
    for (var i = 0; i < text.lines.length; i++) {
      var p = document.createElement('p');
      if (i === 0) p.className = 'message message-error';
      p.appendChild(document.createTextNode(text.lines[i]));
      box.appendChild(p);
    }
    var en = document.createElement('p');
    en.className = 'hint';
    en.setAttribute('lang', 'en');
    en.appendChild(document.createTextNode(text.en));
    box.appendChild(en);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function show(kind) {
    if (started) return;
    shown = kind;
    render();
  }

  /** Called by the bundle when Office.onReady has fired: the pane takes over, any message goes. */
  window.zwgkPaneStarted = function () {
    started = true;
    if (box && box.parentNode) box.parentNode.removeChild(box);
    box = null;
  };

  function isOfficeJs(src) {
    return /(^|\/)office(\.debug)?\.js(\?|#|$)/i.test(src || '');
  }

  // Failed <script> loads fire "error" on the element only; a capturing listener on window sees them.
  if (window.addEventListener) {
    window.addEventListener(
      'error',
      function (e) {
        var t = e && e.target;
        if (t && t.tagName === 'SCRIPT') show(isOfficeJs(t.src) ? 'office-' + officeJsMode() : 'not-started');
      },
      true
    );
    document.addEventListener('DOMContentLoaded', render, false);
  }

  // What no polyfill can supply: the workbook reader needs typed arrays, the 汇总 tab FileReader.
  var capable =
    typeof Uint8Array === 'function' || typeof Uint8Array === 'object'
      ? typeof ArrayBuffer !== 'undefined' && typeof DataView !== 'undefined' && typeof FileReader !== 'undefined' &&
        typeof JSON !== 'undefined' && !!document.querySelector && !!window.addEventListener
      : false;
  if (!capable) {
    window.zwgkUnsupported = true;
    show('old-engine');
  }

  setTimeout(function () {
    if (started || shown) return;
    show(typeof window.Office === 'undefined' ? 'office-' + officeJsMode() : 'not-started');
  }, WAIT_MS);
})();
