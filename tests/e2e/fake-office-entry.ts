/**
 * The fake Office host of the browser tests, loaded by taskpane.html in place of Office.js
 * (webpack OFFICE_JS=fake). The page URL picks the workbook and the host:
 *   ?lang=zh-CN|en-US  display language    ?api=18  highest ExcelApi 1.x    ?wb=sample|blank|xss|clean
 *   ?platform=PC|OfficeOnline|Mac  Office.context.platform (Mac: the webview cannot save downloads)
 * The host is exposed as window.__fakeHost for the test to inspect and to simulate user edits.
 */
import { FakeHost } from './fake-excel';
import { sampleModel } from './sample-workbook';

const params = new URLSearchParams(window.location.search);
const apiMinor = Number(params.get('api') ?? '18');
const wb = params.get('wb') ?? 'sample';
const model =
  wb === 'blank'
    ? sampleModel({ blank: true, apiMinor })
    : wb === 'xss'
      ? sampleModel({ apiMinor, values: { W_TRAIN: '<img src=x onerror="window.__pwned=1">' } })
      : wb === 'clean'
        ? // The sample with its three problems corrected: no errors, so 生成年度报告 makes the report at once.
          sampleModel({ apiMinor, values: { T3_NEW_SUM: 12, W_PRESS: 12, W_INTERP_MEDIA: 1 } })
        : sampleModel({ apiMinor });
const host = new FakeHost(model);

const office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: params.get('lang') ?? 'zh-CN',
    platform: params.get('platform') ?? 'PC',
    requirements: { isSetSupported: (name: string, version?: string): boolean => host.isSetSupported(name, version) },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
    const info = { host: 'Excel', platform: params.get('platform') ?? 'PC' };
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};

// The globals Office.js would define; typed loosely because the fake covers only what the pane uses.
const w = window as unknown as Record<string, unknown>;
w.Office = office;
w.Excel = { run: host.run, createWorkbook: host.createWorkbook };
w.__fakeHost = host;
