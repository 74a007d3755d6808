/**
 * The shape of an entry of the code registry: every code the product can emit, with its kind,
 * tags, severity (findings), zh-CN and en message templates and a description.
 *
 * Style of a code, by kind (a test enforces it):
 * - finding: UPPER-KEBAB with a table or area prefix (T3-BALANCE, U-DUPLICATE, Y-NO-PREVIOUS);
 * - refusal (a file that cannot be read) and error (a host or command that cannot go on):
 *   lower-kebab (corrupt, output-exists, addin-timeout).
 * Templates hold {placeholders} filled from the data an error or finding carries.
 */
import type { LocalisedText, Severity } from '../report';

export type CodeKind = 'finding' | 'refusal' | 'error';

/** Where a code comes from: a rule file, the summary across units or years, a reader, a host. */
export type CodeArea = 'rules' | 'across-units' | 'across-years' | 'reader' | 'cli' | 'annotate' | 'summary' | 'addin' | 'web';

export interface CodeEntry {
  code: string;
  kind: CodeKind;
  area: CodeArea;
  /** Short keywords (table, topic) to filter by. */
  tags: readonly string[];
  /** Findings only. */
  severity?: Severity;
  /** The message template per locale, {placeholders} filled from the data. */
  message: LocalisedText;
  /** What the code means: for a finding, what it checks. */
  description: LocalisedText;
  /** The source of a check (format clause, regulation), where one applies. */
  source?: string;
}

/** Data an error or finding carries; the text is rendered from the registry at the edge. */
export type CodeData = Record<string, string | number | null | LocalisedText | { zh: string; en: string }>;
