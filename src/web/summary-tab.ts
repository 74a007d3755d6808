/**
 * 汇总: the same workbook as `zwgk summary` for a coordinator with only a browser. The submissions
 * (and last year's files) are read in the workers; validation, the checks across units and years,
 * the roster and the sums run here with the same core code (SummaryBatch) as the CLI, and the
 * workbook is written by the CLI's summary writer (ExcelJS, into memory) and downloaded.
 */
import { UNIT_TYPES } from '../core/catalogue';
import { creditCodeProblem } from '../core/credit-code';
import { isUserError } from '../core/errors';
import type { Snapshot } from '../core/snapshot';
import { SummaryBatch, type PreviousMatch } from '../core/summary/batch';
import { matchedByNameFinding, noPreviousFinding, previousWrongYearFinding } from '../core/summary/cross-year';
import { matchRoster, notOnRoster, type RosterEntry } from '../core/summary/roster';
import { addFindingsToRow, issueRow, unitCells } from '../core/summary/unit-row';
import { unitInfo } from '../core/validator';
import { PreviousIndex, type PreviousEntry, type PreviousIndexProblem } from '../io/previous-lookup';
import { rosterFromBytes } from '../io/roster-rows';
import { summaryWorkbookBytes } from '../io/summary-writer';
import type { Locale } from '../core/report';
import type { App } from './app';
import { byId, fill, h } from './dom';
import { saveFile, stamp, XLSX_TYPE } from './download';
import { dropZone, fromInput, type PickedFile } from './files';
import { tr } from './i18n';
import { errorOf } from './results';

function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function baseName(name: string): string {
  return name.split('/').pop() ?? name;
}

type Slot = 'submissions' | 'roster' | 'previous';

export class SummaryTab {
  private picked: Record<Slot, PickedFile[]> = { submissions: [], roster: [], previous: [] };
  private last: { name: string; bytes: Uint8Array } | null = null;

  constructor(private readonly app: App) {
    for (const slot of ['submissions', 'roster', 'previous'] as const) {
      byId(`sum-${slot}-files`).addEventListener('click', () => this.pick(slot, false));
      if (slot !== 'roster') byId(`sum-${slot}-folder`).addEventListener('click', () => this.pick(slot, true));
    }
    dropZone(byId('sum-drop'), (files) => this.set('submissions', files), (err) => this.say(`${tr('failed', this.app.locale)}${errorOf(err).messages[this.app.locale]}`));
    const type = byId<HTMLSelectElement>('sum-unit-type');
    type.append(h('option', { value: '' }), ...UNIT_TYPES.map((t) => h('option', { value: t }, t)));
    byId('sum-make').addEventListener('click', () => void this.make());
    byId('sum-again').addEventListener('click', () => {
      if (this.last) saveFile(this.last.name, this.last.bytes, XLSX_TYPE);
    });
    app.onChange(() => this.renderPicked());
    this.renderPicked();
  }

  private pick(slot: Slot, folder: boolean): void {
    const input = h('input', { type: 'file', multiple: slot !== 'roster', webkitdirectory: folder, class: 'offscreen', accept: slot === 'roster' ? '.xlsx,.xlsm,.xls,.ods,.csv,.txt' : undefined });
    input.addEventListener('change', () => {
      this.set(slot, fromInput(input.files));
      input.remove();
    });
    document.body.append(input);
    input.click();
  }

  private set(slot: Slot, files: PickedFile[]): void {
    this.picked[slot] = files;
    this.renderPicked();
  }

  private renderPicked(): void {
    const L = this.app.locale;
    for (const slot of ['submissions', 'roster', 'previous'] as const) {
      const files = this.picked[slot];
      const text =
        files.length === 0 ? tr('noneChosen', L) : files.length === 1 ? files[0].name : `${files.length} ${tr('filesChosen', L)}（${files[0].name} …）`;
      fill(byId(`sum-${slot}-chosen`), text);
    }
    const type = byId<HTMLSelectElement>('sum-unit-type');
    (type.options[0] as HTMLOptionElement).textContent = tr('typeAny', L);
  }

  private say(...lines: string[]): void {
    fill(byId('sum-status'), ...lines.flatMap((l, i) => (i === 0 ? [l] : [h('br'), l])));
  }

  private async make(): Promise<void> {
    const L = this.app.locale;
    const button = byId<HTMLButtonElement>('sum-make');
    byId('sum-again').hidden = true;
    if (this.picked.submissions.length === 0) return this.say(tr('summaryNoFiles', L));
    const value = (id: string): string | undefined => byId<HTMLInputElement>(id).value.trim() || undefined;
    const unitCode = value('sum-unit-code')?.toUpperCase();
    if (unitCode && creditCodeProblem(unitCode) !== null) return this.say(`${tr('unitCode', L)} ${unitCode} ${tr('badCode', L)}`);
    button.disabled = true;
    this.say(tr('working', L));
    try {
      const roster: RosterEntry[] | null = this.picked.roster[0]
        ? rosterFromBytes(new Uint8Array(await this.picked.roster[0].file.arrayBuffer()), this.picked.roster[0].name)
        : null;
      // As `zwgk summary`: a credit code Excel stored as a number has lost digits; that line is matched by name.
      const notes = (roster ?? [])
        .filter((e) => e.codeLostDigits !== undefined)
        .map((e) =>
          L === 'en'
            ? `Roster line ${e.line}: the credit code was stored by Excel as a number (${e.codeLostDigits}) and has lost its last digits; this line is matched by unit name. Format the column as Text and type the codes again.`
            : `名册第 ${e.line} 行：统一社会信用代码被 Excel 存成了数字（${e.codeLostDigits}），后几位已丢失，本行按单位名称匹配。请把该列设为“文本”后重新输入代码。`,
        );
      byId('sum-notes').hidden = notes.length === 0;
      fill(byId('sum-notes'), ...notes.flatMap((n, i) => (i === 0 ? [n] : [h('br'), n])));
      const previous = this.picked.previous.length ? await this.previousFinder(this.picked.previous, L) : null;
      await this.summarise(roster, previous, {
        unitName: value('sum-unit-name'),
        unitCode,
        unitType: byId<HTMLSelectElement>('sum-unit-type').value || undefined,
        contact: value('sum-contact'),
        phone: value('sum-phone'),
      });
    } catch (e) {
      this.say(`${tr('failed', L)}${errorOf(e).messages[L]}`);
    } finally {
      button.disabled = false;
    }
  }

  /** Reads last year's files once; the unit details index them, as `--previous` does. */
  private async previousFinder(files: PickedFile[], locale: Locale): Promise<(s: Snapshot) => Promise<PreviousMatch>> {
    const entries: PreviousEntry[] = [];
    const problems: PreviousIndexProblem[] = [];
    const snapshots = new Map<string, Snapshot>();
    await Promise.all(
      files.map(async (f) => {
        try {
          const { snapshot } = await this.app.pool.read(f.file, f.name, { validate: false });
          snapshots.set(f.name, snapshot);
        } catch (e) {
          // As `--previous`: a file of last year that cannot be read is skipped.
          if (isUserError(e)) problems.push({ path: f.name, error: e });
        }
      }),
    );
    // In the order the files were given (reads finish in any order).
    for (const f of files) {
      const s = snapshots.get(f.name);
      if (!s) continue;
      const u = unitInfo(s);
      entries.push({ path: f.name, code: u.code, name: u.name, year: u.year });
    }
    const index = new PreviousIndex(entries, problems);
    const localise = (f: ReturnType<typeof noPreviousFinding>): typeof f => ({ ...f, message: f.messages[locale] });
    return async (snapshot) => {
      const unit = unitInfo(snapshot);
      const cells = unitCells(snapshot);
      const match = index.lookup(unit);
      const prev = match ? snapshots.get(match.path) : undefined;
      if (!match) {
        // As `--previous`: a folder of the wrong year says so, rather than "not found" for every unit.
        const years = index.entries.map((e) => e.year).filter((y): y is number => y !== null);
        if (unit.year !== null && years.length > 0 && !years.includes(unit.year - 1)) {
          return { snapshot: null, note: localise(previousWrongYearFinding(unit, years, unit.year - 1, cells.code)) };
        }
      }
      if (!match || !prev) return { snapshot: null, note: localise(noPreviousFinding(unit, cells.code)) };
      const note = match.matchedBy === 'name' ? localise(matchedByNameFinding(unit, baseName(match.path), match.entry.code, cells.name)) : undefined;
      return { snapshot: prev, note };
    };
  }

  private async summarise(
    roster: RosterEntry[] | null,
    previous: ((s: Snapshot) => Promise<PreviousMatch>) | null,
    own: { unitName?: string; unitCode?: string; unitType?: string; contact?: string; phone?: string },
  ): Promise<void> {
    const L = this.app.locale;
    const files = this.picked.submissions;
    const includeAll = byId<HTMLInputElement>('sum-include-all').checked;
    const batch = new SummaryBatch(this.app.mainValidator(), { locale: L, includeAll, previous: previous ?? undefined });
    // All reads start at once (the pool runs two to four at a time); the batch takes them in order.
    const reads = files.map((f) => {
      const p = this.app.pool.read(f.file, f.name, { validate: false }).then((r) => r.snapshot);
      p.catch(() => undefined);
      return p;
    });
    for (const [i, f] of files.entries()) {
      this.say(`${tr('checking', L)} ${i + 1}/${files.length}：${f.name}`);
      await batch.add(f.name, () => reads[i]);
    }
    if (!batch.hasReadable) {
      this.say(...batch.issuesSoFar.map((i) => `${i.file}：${i.message}`), tr('summaryNoReadable', L));
      return;
    }
    const byName = new Map(files.map((f) => [f.name, f]));
    const date = todayIso();
    const result = await batch.finish(
      async (name) => (await this.app.pool.read((byName.get(name) as PickedFile).file, name, { validate: false })).snapshot,
      { ...own, date },
    );
    const { rows, issues } = result;
    const en = L === 'en';
    // As `zwgk summary`: a 合计 over no unit would be a table of zeros that looks like a valid report.
    if (result.units === 0 && !byId<HTMLInputElement>('sum-allow-empty').checked) {
      this.say(
        en
          ? `No unit is in the totals (all ${rows.length} files have errors (duplicate submissions of a unit included), are unreadable or belong to another year), so every total would be 0; no summary workbook was made. Have the units fix their errors, or tick "${tr('includeAll', L)}" or "${tr('allowEmpty', L)}".`
          : `没有一个单位计入合计（${rows.length} 个文件都有错误（包括同一单位重复报送）、无法读取或不属于本年度），合计各表将全部为 0，未生成汇总工作簿。请先让单位改正错误；或勾选“${tr('includeAll', L)}”或“${tr('allowEmpty', L)}”。`,
      );
      return;
    }
    // The 合计's unit type is the coordinator's: chosen here, or asked for when the units differ.
    if (!own.unitType) {
      const types = new Map<string, number>();
      for (const r of rows) if (r.inSums && r.unit.type) types.set(r.unit.type, (types.get(r.unit.type) ?? 0) + 1);
      if (types.size > 1) {
        const list = [...types].map(([type, n]) => (en ? `${type}: ${n}` : `${type} ${n} 个`)).join(en ? ', ' : '、');
        this.say(
          en
            ? `The units in the totals are of different types (${list}); choose the coordinating unit's type under "${tr('unitType', L)}". No summary workbook was made.`
            : `计入合计的单位类型不同（${list}），合计表的单位类型要由汇总单位确定：请在“${tr('unitType', L)}”中选择。未生成汇总工作簿。`,
        );
        return;
      }
    }
    let missing: RosterEntry[] | null = null;
    if (roster) {
      const match = matchRoster(roster, rows);
      missing = match.missing;
      // Submitters the roster does not list (another district, a renamed unit, an old roster).
      for (const [index, f] of notOnRoster(roster, rows)) {
        addFindingsToRow(rows[index], [f]);
        issues.push(issueRow(rows[index], f, L));
      }
      match.findings.forEach((f, i) =>
        issues.push({ unitName: match.missing[i].name, file: '', rule: f.rule, severity: f.severity, location: '', message: f.messages[L] }),
      );
    }
    const title = { unitName: own.unitName, year: result.majorityYear, date, units: result.units };
    const bytes = await summaryWorkbookBytes({ locale: L, rows, issues, missing, sums: result.sums, info: result.info, title });
    const name = `${L === 'en' ? 'summary' : '汇总'}-${stamp()}.xlsx`;
    this.last = { name, bytes };
    saveFile(name, bytes, XLSX_TYPE);
    const withErrors = rows.filter((r) => r.status === 'error').length;
    const unreadable = rows.filter((r) => r.status === 'unreadable').length;
    this.say(
      L === 'en'
        ? `${tr('summaryDone', L)} (${name}): ${rows.length} files, ${withErrors} with errors, ${unreadable} unreadable; ${result.units} units in the totals` +
            (missing ? `; ${missing.length} roster units have not submitted` : '') +
            '.'
        : `${tr('summaryDone', L)}（${name}）：${rows.length} 个文件，其中 ${withErrors} 个有错误、${unreadable} 个无法读取；合计计入 ${result.units} 个单位` +
            (missing ? `；名册中 ${missing.length} 个单位未报送` : '') +
            '。',
    );
    byId('sum-again').hidden = false;
    document.body.dataset.summary = name;
  }
}
