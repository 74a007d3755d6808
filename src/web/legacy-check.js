/*
 * Runs before the page's script, in any browser (ES5 only). If the browser lacks what the page
 * needs (Chromium 86 / Firefox 115 level), or the page's script fails before it has started, the
 * visitor sees a clear message instead of a blank page.
 */
(function () {
  var w = window;
  function show() {
    if (w.__zwgkStarted) return;
    var box = document.getElementById('legacy');
    if (box) box.hidden = false;
    if (box) box.style.display = 'block';
    var app = document.getElementById('app');
    if (app) app.style.display = 'none';
  }
  var ok = false;
  try {
    ok =
      typeof Promise === 'function' &&
      typeof Promise.allSettled === 'function' &&
      typeof String.prototype.replaceAll === 'function' &&
      typeof w.Worker === 'function' &&
      typeof w.Blob === 'function' &&
      typeof w.URL === 'function' &&
      typeof URL.createObjectURL === 'function' &&
      typeof w.TextDecoder === 'function' &&
      typeof w.File === 'function' &&
      typeof File.prototype.arrayBuffer === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flatMap === 'function' &&
      typeof w.globalThis === 'object';
  } catch (e) {
    ok = false;
  }
  w.__zwgkLegacy = !ok;
  if (!ok) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
    return;
  }
  // A syntax error or a crash of the page's script before it started: the same message.
  w.addEventListener('error', function () {
    setTimeout(show, 0);
  });
})();
