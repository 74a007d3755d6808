/**
 * Signatures of the narrative sections, to find reports that are word for word another's (雷同):
 * the letters and digits of a section (spaces, punctuation and line breaks aside), hashed, with their
 * count. A summary keeps only these, never the texts, so a batch of thousands stays small.
 */
import type { Snapshot } from '../snapshot';
import { SAME_TEXT_MIN_LENGTH, textKey } from './fact';

export interface TextSignature {
  hash: string;
  length: number;
  /** Where the section is, so a finding can point at it. */
  cell: { name: string; sheet: string; address: string };
}

/** The sections compared across units, with their headings. */
export const COMPARED_SECTIONS: ReadonlyArray<{ name: 'TXT_OVERVIEW' | 'TXT_PROBLEMS'; label: string; labelEn: string }> = [
  { name: 'TXT_OVERVIEW', label: '一、总体情况', labelEn: 'I. Overview' },
  { name: 'TXT_PROBLEMS', label: '五、存在的主要问题及改进情况', labelEn: 'V. Main problems and improvements' },
];

/** cyrb53: a fast 53-bit string hash (not cryptographic; a collision needs texts of the same length too). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Signatures of the compared sections long enough to mean something (shorter ones are alike everywhere). */
export function narrativeSignatures(snapshot: Snapshot): Partial<Record<string, TextSignature>> {
  const out: Partial<Record<string, TextSignature>> = {};
  for (const s of COMPARED_SECTIONS) {
    const r = snapshot.cells[s.name];
    const text = !r || r.cls === 'blank' ? '' : r.text !== '' ? r.text : typeof r.raw === 'string' ? r.raw : '';
    const key = textKey(text);
    if (r && key.length >= SAME_TEXT_MIN_LENGTH) {
      out[s.name] = { hash: hash53(key), length: key.length, cell: { name: s.name, sheet: r.sheet, address: r.address, ...(r.location ? { location: r.location } : {}) } };
    }
  }
  return out;
}
