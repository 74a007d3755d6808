/**
 * The add-in's marks: conditional formats (ExcelApi 1.6) whose custom formula carries MARK_TAG, so they
 * are recognised by content, not by ConditionalFormat.id (which is only a priority and shifts), and
 * notes (ExcelApi 1.18) that start with NOTE_PREFIX. Their ranges are remembered in the workbook's
 * settings for this add-in; clearing deletes exactly the tagged rules on those ranges. Cell fills,
 * borders and number formats are never written.
 */
import type { Finding, Locale, Severity } from '../../core/report';
import type { MarkLocation } from './addresses';
import type { HostCapabilities } from './capabilities';

/** Tag inside the formula of every conditional format the add-in adds. */
export const MARK_TAG = 'zwgk-mark';
/** Prefix of every note the add-in adds. */
export const NOTE_PREFIX = '【年报校验】';
/** Key of the add-in setting that remembers where marks were added. */
export const MARK_STORE_KEY = 'zwgk.marks.v1';

export const MARK_FILL: Readonly<Record<Severity, string>> = {
  error: '#FDE7E9',
  warning: '#FFF4CE',
  info: '#DEECF9',
};

export function markFormula(severity: Severity): string {
  // ISTEXT of a string constant is always TRUE: the rule always applies, and the constant is our tag.
  return `=ISTEXT("${MARK_TAG}:${severity}")`;
}

export function isOurMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}:`);
}

/** What the add-in added, kept in the workbook's add-in settings. */
export interface MarkStore {
  cf: MarkLocation[];
  notes: MarkLocation[];
}

export interface MarkResult {
  cells: number;
  notes: number;
}

/** A mark to add: where, how bad, and the messages for its note. */
export interface WantedMark {
  loc: MarkLocation;
  severity: Severity;
  lines: string[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

function parseStore(value: unknown): MarkStore {
  const empty: MarkStore = { cf: [], notes: [] };
  if (typeof value !== 'string' || value === '') return empty;
  try {
    const parsed = JSON.parse(value) as Partial<MarkStore>;
    const valid = (l: unknown): l is MarkLocation =>
      typeof l === 'object' && l !== null && typeof (l as MarkLocation).sheet === 'string' && typeof (l as MarkLocation).address === 'string';
    return {
      cf: Array.isArray(parsed.cf) ? parsed.cf.filter(valid) : [],
      notes: Array.isArray(parsed.notes) ? parsed.notes.filter(valid) : [],
    };
  } catch {
    return empty;
  }
}

/** One wanted mark per cell: the worst severity among the findings on it, and their messages for the note. */
export function marksByCell(findings: readonly Finding[], locale: Locale): WantedMark[] {
  const worst = new Map<string, { loc: MarkLocation; severity: Severity; lines: string[] }>();
  for (const f of findings) {
    for (const c of f.cells) {
      const key = `${c.sheet}\u0000${c.address}`;
      const entry = worst.get(key) ?? { loc: { sheet: c.sheet, address: c.address }, severity: f.severity, lines: [] };
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[entry.severity]) entry.severity = f.severity;
      const line = f.messages[locale] ?? f.message;
      if (!entry.lines.includes(line)) entry.lines.push(line);
      worst.set(key, entry);
    }
  }
  return [...worst.values()];
}

/**
 * Deletes the add-in's marks and adds `wanted` in 3 syncs (the store of our marks; the conditional
 * formats and notes to look at; all deletes and adds in one batch). Run it as a write.
 */
export async function replaceMarks(
  context: Excel.RequestContext,
  wanted: readonly WantedMark[],
  caps: Pick<HostCapabilities, 'conditionalFormats' | 'notes'>,
): Promise<MarkResult & { removed: number }> {
  const workbook = context.workbook;
  // 1: where our marks are, and which sheets still exist.
  const setting = workbook.settings.getItemOrNullObject(MARK_STORE_KEY);
  setting.load('value');
  const sheets = workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const store = setting.isNullObject ? { cf: [], notes: [] } : parseStore(setting.value);
  const stillThere = (l: MarkLocation): boolean => existing.has(l.sheet);
  const targets = wanted.filter((w) => stillThere(w.loc));

  // 2: the conditional formats on our ranges, our notes, and any note already on a target cell.
  const oldCf = store.cf.filter(stillThere).map((loc) => {
    const collection = sheets.getItem(loc.sheet).getRange(loc.address).conditionalFormats;
    collection.load('items/type,items/customOrNullObject/rule/formula');
    return collection;
  });
  const noteKey = (l: MarkLocation): string => `${l.sheet}\u0000${l.address}`;
  const notesToRead = new Map<string, MarkLocation>();
  if (caps.notes) {
    for (const l of store.notes.filter(stillThere)) notesToRead.set(noteKey(l), l);
    for (const t of targets) notesToRead.set(noteKey(t.loc), t.loc);
  }
  const notes = new Map<string, Excel.Note>();
  for (const [key, l] of notesToRead) {
    const note = sheets.getItem(l.sheet).notes.getItemOrNullObject(l.address);
    note.load('content');
    notes.set(key, note);
  }
  if (oldCf.length > 0 || notes.size > 0) await context.sync();

  // 3: delete ours, add the new ones, remember them — one batch.
  let removed = 0;
  for (const collection of oldCf) {
    for (const cf of collection.items) {
      if (cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurMarkFormula(cf.customOrNullObject.rule.formula)) {
        cf.delete();
        removed += 1;
      }
    }
  }
  const ourNote = (n: Excel.Note | undefined): boolean =>
    n !== undefined && !n.isNullObject && typeof n.content === 'string' && n.content.startsWith(NOTE_PREFIX);
  const freedNoteCells = new Set<string>();
  for (const l of store.notes.filter(stillThere)) {
    const n = notes.get(noteKey(l));
    if (n && ourNote(n)) {
      n.delete();
      removed += 1;
      freedNoteCells.add(noteKey(l));
    }
  }

  const added: MarkStore = { cf: [], notes: [] };
  if (caps.conditionalFormats) {
    for (const t of targets) {
      const cf = sheets.getItem(t.loc.sheet).getRange(t.loc.address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(t.severity);
      cf.custom.format.fill.color = MARK_FILL[t.severity];
      added.cf.push(t.loc);
    }
  }
  if (caps.notes) {
    for (const t of targets) {
      const key = noteKey(t.loc);
      const current = notes.get(key);
      const free = current === undefined || current.isNullObject || freedNoteCells.has(key);
      // A note the unit wrote itself is never overwritten.
      if (!free) continue;
      const range = sheets.getItem(t.loc.sheet).getRange(t.loc.address);
      workbook.notes.add(range, `${NOTE_PREFIX}\n${t.lines.join('\n')}`);
      added.notes.push(t.loc);
    }
  }
  if (added.cf.length > 0 || added.notes.length > 0) {
    workbook.settings.add(MARK_STORE_KEY, JSON.stringify(added));
  } else if (!setting.isNullObject) {
    setting.delete();
  }
  await context.sync();
  return { cells: added.cf.length, notes: added.notes.length, removed };
}
