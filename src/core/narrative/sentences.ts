/**
 * Sentences and clauses of a narrative, as a reader of a Chinese official text cuts them: a
 * sentence ends at 。！？； (or a line break), never inside brackets; a clause ends at ，：
 * and at a bracket. 、 joins items of one clause ("行政复议10件、行政诉讼3件") and does not cut.
 */

export interface Span {
  text: string;
  /** Offset of the span in the text it was cut from. */
  start: number;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '\r']);
const OPEN = new Set(['（', '(', '【', '[', '“', '《']);
const CLOSE = new Set(['）', ')', '】', ']', '”', '》']);

/** Splits a text into sentences; each keeps its closing mark. Empty sentences are dropped. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let start = 0;
  const chars = Array.from(text);
  let offset = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t !== '') out.push({ text: t, start: start + lead });
    start = end;
  };
  for (const ch of chars) {
    offset += ch.length;
    if (OPEN.has(ch)) depth += 1;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (SENTENCE_END.has(ch) && (depth === 0 || ch === '\n' || ch === '\r')) {
      depth = 0;
      push(offset);
    }
  }
  push(text.length);
  return out;
}

/** Characters that end a clause inside a sentence. */
export const CLAUSE_MARK = /[，,：:（()）【】；;。！？!?\n]/u;

/** Splits a sentence into clauses at ，：and brackets (offsets relative to the sentence). */
export function splitClauses(sentence: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i += 1) {
    if (i === sentence.length || CLAUSE_MARK.test(sentence[i])) {
      if (i > start) out.push({ text: sentence.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}
