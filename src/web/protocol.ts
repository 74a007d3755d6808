/**
 * Messages between the page and its reading workers (see pool.ts and worker.ts). A File object is
 * handed over as it is (browsers clone it without copying its bytes); the answer is the Snapshot
 * and, when asked for, the WorkbookReport (each finding carries its message in every language, so
 * the page switches language without reading the file again).
 */
import type { LocalisedText, WorkbookReport } from '../core/report';
import type { RuleSource } from '../core/rules/types';
import type { Snapshot } from '../core/snapshot';
import type { ReadLimits } from '../io/reader/workbook-bytes';

export type WorkerRequest =
  /** Replaces the local rule files (null: the standard rules only). Sent before the jobs that need them. */
  | { kind: 'rules'; sources: RuleSource[] | null }
  | { kind: 'read'; id: number; file: Blob; name: string; limits: ReadLimits; validate: boolean; previous?: Snapshot | null };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'read'; id: number; snapshot: Snapshot; report: WorkbookReport | null }
  | { kind: 'refused'; id: number; code: string; messages: LocalisedText }
  | { kind: 'failed'; id: number; message: string };
