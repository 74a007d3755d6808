/**
 * What the Word and HTML readers hand to the report finder: the document's paragraphs and tables in
 * reading order, with the tables' merged cells still described as the file describes them.
 */
import type { SourceCell } from './grid';

export type ReadBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: SourceCell[][] };

/** Reading-order content of one report document. */
export interface ReadDocument {
  blocks: ReadBlock[];
  /** Which program wrote the file, when it says (docProps/app.xml Application, HTML generator). */
  generator?: string;
}
