/**
 * A small pool of reading workers (worker.ts), as many as the computer has cores, two to four.
 * Each file is read under the same limits as `zwgk validate`: the size and zip-bomb budgets inside
 * the reader, and a time limit here: a worker that has not answered in time is terminated (it may be
 * stuck in a synchronous parse) and replaced, and the file gets the 'timeout' answer. A worker that
 * dies gets the file the 'reader-crashed' answer. One bad file never stops the others.
 */
import { UserError } from '../core/errors';
import type { WorkbookReport } from '../core/report';
import type { RuleSource } from '../core/rules/types';
import type { Snapshot } from '../core/snapshot';
import { DEFAULT_LIMITS, type ReadLimits } from '../io/reader/workbook-bytes';
import type { WorkerReply, WorkerRequest } from './protocol';

/** The CLI's default time limit for reading one file. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface ReadResult {
  snapshot: Snapshot;
  /** The findings, when the read asked for validation. */
  report: WorkbookReport | null;
}

export interface ReadOptions {
  validate: boolean;
  previous?: Snapshot | null;
}

/** The answer for a file not read in time (code and wording of `zwgk validate`, without its command-line option). */
export function timedOut(file: string, seconds: number): UserError {
  return new UserError('timeout', {
    'zh-CN': `文件“${file}”在 ${seconds} 秒内未能读取和校验完，已跳过：它可能含有异常庞大或损坏的内容，请在 Excel 或 WPS 中打开检查后另存为 .xlsx 再试。`,
    en: `The file "${file}" could not be read and checked within ${seconds} seconds and was skipped: it may hold abnormally large or damaged content; open it in Excel or WPS, save it as .xlsx and try again.`,
  });
}

export function crashed(file: string, detail: string): UserError {
  return new UserError('reader-crashed', {
    'zh-CN': `读取文件“${file}”时读取程序意外终止（${detail}），已跳过：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`,
    en: `The reader stopped unexpectedly on the file "${file}" (${detail}), so it was skipped: open it in Excel or WPS, save it as .xlsx and try again.`,
  });
}

interface Job {
  id: number;
  file: Blob;
  name: string;
  opts: ReadOptions;
  resolve: (r: ReadResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface PoolOptions {
  /** Creates one worker (the page makes it from a blob: URL of the embedded worker script). */
  createWorker: () => Worker;
  size?: number;
  timeoutSeconds?: number;
  limits?: ReadLimits;
}

/** Workers for this computer: one per core, at least two (reading waits on the disk too), at most four. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(2, Math.min(4, cores));
}

export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private rules: RuleSource[] | null = null;
  private nextId = 1;
  readonly size: number;
  readonly timeoutSeconds: number;
  readonly limits: ReadLimits;
  /** Workers started so far (the initial ones, plus one per timeout or crash). */
  starts = 0;

  constructor(private readonly opts: PoolOptions) {
    this.size = opts.size ?? poolSize();
    this.timeoutSeconds = opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    this.limits = opts.limits ?? { ...DEFAULT_LIMITS };
  }

  /** Local rule files for the validation in the workers (null: standard rules only). */
  setRules(sources: RuleSource[] | null): void {
    this.rules = sources;
    for (const s of this.slots) s.worker.postMessage({ kind: 'rules', sources } satisfies WorkerRequest);
  }

  /** Reads (and validates) one file; rejects with a UserError naming the file when it cannot be read. */
  read(file: Blob, name: string, opts: ReadOptions): Promise<ReadResult> {
    return new Promise<ReadResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, name, opts, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; reads not yet answered are rejected. */
  close(): void {
    const closed = new Error('closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    for (const s of this.slots.splice(0)) {
      if (s.timer) clearTimeout(s.timer);
      s.worker.terminate();
      s.job?.reject(closed);
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      if (slot.ready) this.send(slot);
    }
  }

  private start(): Slot {
    const worker = this.opts.createWorker();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.starts++;
    if (this.rules) worker.postMessage({ kind: 'rules', sources: this.rules } satisfies WorkerRequest);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.answer(slot, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.replace(slot, (name) => crashed(name, event.message || 'error'));
    };
    this.slots.push(slot);
    return slot;
  }

  /** Hands the slot's job to its worker; the clock starts now, once the worker has loaded. */
  private send(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    slot.timer = setTimeout(() => this.replace(slot, (name) => timedOut(name, this.timeoutSeconds)), this.timeoutSeconds * 1000);
    const req: WorkerRequest = { kind: 'read', id: job.id, file: job.file, name: job.name, limits: this.limits, validate: job.opts.validate, previous: job.opts.previous ?? null };
    slot.worker.postMessage(req);
  }

  private answer(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      slot.ready = true;
      this.send(slot);
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (reply.kind === 'read') job.resolve({ snapshot: reply.snapshot, report: reply.report });
    else if (reply.kind === 'refused') job.reject(new UserError(reply.code, reply.messages));
    else job.reject(new Error(reply.message));
    this.pump();
  }

  /** Terminates a stuck or dead worker; its file gets `error`, and a fresh worker takes the next file. */
  private replace(slot: Slot, error: (name: string) => UserError): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    slot.worker.terminate();
    const job = slot.job;
    slot.job = null;
    if (job) job.reject(error(job.name));
    this.pump();
  }
}
