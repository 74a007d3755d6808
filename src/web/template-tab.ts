/**
 * 模板: the blank standard indicator workbook, built by the same writer as `zwgk template` (ExcelJS,
 * into memory), with the same optional year and unit name and the same checks of them.
 */
import { YEAR_MAX, YEAR_MIN } from '../io/template/validation';
import { buildTemplate } from '../io/template-writer';
import type { App } from './app';
import { byId, fill } from './dom';
import { saveFile, XLSX_TYPE } from './download';
import { tr } from './i18n';
import { errorOf } from './results';


/** The template's bytes, as `zwgk template` writes them. */
export async function templateBytes(opts: { year?: number; unitName?: string }): Promise<Uint8Array> {
  const wb = await buildTemplate(opts);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export class TemplateTab {
  constructor(private readonly app: App) {
    byId('tpl-download').addEventListener('click', () => void this.download());
  }

  private async download(): Promise<void> {
    const L = this.app.locale;
    const status = byId('tpl-status');
    const yearText = byId<HTMLInputElement>('tpl-year').value.trim();
    const unitName = byId<HTMLInputElement>('tpl-unit').value.trim() || undefined;
    let year: number | undefined;
    if (yearText !== '') {
      year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < YEAR_MIN || year > YEAR_MAX) {
        fill(status, L === 'en' ? `The year must be a four-digit year from ${YEAR_MIN} to ${YEAR_MAX}; got "${yearText}".` : `报告年度应为 ${YEAR_MIN}–${YEAR_MAX} 之间的四位年份，填写的是“${yearText}”。`);
        return;
      }
    }
    try {
      fill(status, tr('working', L));
      const bytes = await templateBytes({ year, unitName });
      saveFile(L === 'en' ? 'annual-report-template.xlsx' : '政务公开年度报表.xlsx', bytes, XLSX_TYPE);
      fill(status, L === 'en' ? 'Downloaded. Fill in the light-yellow cells.' : '已下载，请在浅黄色单元格中填写。');
    } catch (e) {
      fill(status, `${tr('failed', L)}${errorOf(e).messages[L]}`);
    }
  }
}
