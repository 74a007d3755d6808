/**
 * The per-file guard of a batch: reads each workbook in a worker thread with a time limit, so one
 * pathological file (a parse that never ends, a parse that eats all memory) becomes an 'unreadable'
 * answer for that file and the batch goes on.
 *
 * One worker is kept for the whole batch and replaced only after a timeout or a crash: starting a
 * worker (loading SheetJS) takes about 0.35 s, while handing a file over and cloning the Snapshot
 * back costs well under a millisecond, and the next file is read ahead while the main thread
 * validates the current one. Measured on 240 example files on two cores: 6.2–8.6 s in-process,
 * 6.6–8.1 s with the guard (about 55 MB more memory), so the guard is on by default. Validation
 * stays in the main thread: it works on a Snapshot of the catalogue's fixed size, never on the file.
 *
 * Without the compiled worker (running from the TypeScript sources) or with --timeout 0, files are
 * read in-process, without a time limit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors';
import type { LocalisedText } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { readWorkbookFile, type ReadLimits } from '../io/read-workbook';

export const DEFAULT_TIMEOUT_SECONDS = 30;
/**
 * Heap of the worker: far above any real report workbook (a few tens of MB), below what takes a
 * machine down. Not lower: V8 sizes the young generation from this limit, and at 1 GB the worker
 * spent about 70 % more CPU per file collecting garbage than at 2 GB.
 */
export const DEFAULT_WORKER_MEMORY_MB = 2048;

export interface GuardRequest {
  id: number;
  file: string;
  limits?: Partial<ReadLimits>;
}

export type GuardReply =
  | { id: 0; kind: 'ready' }
  | { id: number; kind: 'read'; snapshot: Snapshot }
  | { id: number; kind: 'refused'; code: string; messages: LocalisedText }
  | { id: number; kind: 'failed'; message: string };

export interface GuardOptions {
  /** Seconds one file may take; 0 or less reads in-process without a limit. */
  timeoutSeconds: number;
  limits?: Partial<ReadLimits>;
  /** Compiled worker script; default guard-worker.js next to this module. */
  workerScript?: string;
  memoryMb?: number;
}

export function timedOut(file: string, seconds: number): UserError {
  return new UserError('timeout', {
    'zh-CN': `文件“${file}”在 ${seconds} 秒内未能读完，已跳过：它可能含有异常庞大或损坏的内容，请在 Excel 或 WPS 中打开检查后另存为 .xlsx 再试（也可用 --timeout 放宽时限）。`,
    en: `The file "${file}" could not be read within ${seconds} seconds and was skipped: it may hold abnormally large or damaged content; open it in Excel or WPS, save it as .xlsx and try again (or allow more time with --timeout).`,
  });
}

export function outOfMemory(file: string, megabytes: number): UserError {
  return new UserError('out-of-memory', {
    'zh-CN': `文件“${file}”读取时所需内存超过 ${megabytes} MB 的上限，已跳过：年报工作簿不会这么大，请删除多余的工作表或大量空行后另存为 .xlsx 再试。`,
    en: `Reading the file "${file}" needed more than the ${megabytes} MB memory limit, so it was skipped: a report workbook is never this large; delete extra sheets or masses of empty rows, save it as .xlsx and try again.`,
  });
}

function crashed(file: string, detail: string): UserError {
  return new UserError('reader-crashed', {
    'zh-CN': `读取文件“${file}”时读取程序意外终止（${detail}），已跳过：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`,
    en: `The reader stopped unexpectedly on the file "${file}" (${detail}), so it was skipped: open it in Excel or WPS, save it as .xlsx and try again.`,
  });
}

export function defaultWorkerScript(): string {
  return join(__dirname, 'guard-worker.js');
}

interface Job {
  file: string;
  resolve: (s: Snapshot) => void;
  reject: (e: unknown) => void;
}

interface Running extends Job {
  id: number;
  timer: NodeJS.Timeout;
}

export class ReadGuard {
  readonly mode: 'worker' | 'in-process';
  private worker: Worker | null = null;
  /** The worker has loaded its modules: the time limit of a file starts only then. */
  private ready = false;
  private running: Running | null = null;
  private readonly queue: Job[] = [];
  private readonly ahead = new Map<string, Promise<Snapshot>>();
  private nextId = 1;
  /** Workers started so far (1 + one per timeout or crash). */
  starts = 0;

  constructor(private readonly opts: GuardOptions) {
    const script = opts.workerScript ?? defaultWorkerScript();
    this.mode = opts.timeoutSeconds > 0 && existsSync(script) ? 'worker' : 'in-process';
  }

  /**
   * Reads one file; a refusal, a timeout or a crash rejects with a UserError naming the file.
   * `next`, the batch's following file, is read ahead (see prefetch).
   */
  read(file: string, next?: string): Promise<Snapshot> {
    if (this.mode === 'in-process') return readWorkbookFile(file, this.opts.limits);
    const early = this.ahead.get(file);
    if (early) this.ahead.delete(file);
    const reading = early ?? this.enqueue(file);
    this.prefetch(next);
    return reading;
  }

  /**
   * Starts reading the batch's next file in the worker while the main thread validates the
   * current one: on two cores this hides most of the hand-over cost. No-op in-process.
   */
  prefetch(file: string | undefined): void {
    if (file === undefined || this.mode === 'in-process' || this.ahead.has(file)) return;
    const p = this.enqueue(file);
    p.catch(() => undefined); // the rejection is delivered by read()
    this.ahead.set(file, p);
  }

  /** Stops the worker and drops reads not yet asked for; a later read starts a new worker. */
  async close(): Promise<void> {
    const closed = new Error('ReadGuard closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    this.ahead.clear();
    const w = this.worker;
    this.worker = null;
    if (this.running) this.finish(closed);
    if (w) await w.terminate();
  }

  private enqueue(file: string): Promise<Snapshot> {
    return new Promise<Snapshot>((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    if (this.queue.length === 0) {
      this.worker?.unref();
      return;
    }
    const worker = this.ensureWorker();
    worker.ref(); // a file is waiting: the process must stay alive for the answer, even during start-up
    if (!this.ready) return; // pumped again on 'ready'
    const job = this.queue.shift() as Job;
    const id = this.nextId++;
    // The clock starts when the worker takes the file, not while it waits in the queue.
    const timer = setTimeout(() => this.abandon(timedOut(job.file, this.opts.timeoutSeconds)), this.opts.timeoutSeconds * 1000);
    this.running = { ...job, id, timer };
    const req: GuardRequest = { id, file: job.file, limits: this.opts.limits };
    worker.postMessage(req);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const memory = this.opts.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    const w = new Worker(this.opts.workerScript ?? defaultWorkerScript(), {
      resourceLimits: { maxOldGenerationSizeMb: memory },
    });
    // An idle worker never keeps the process alive; one with work to do does (see pump).
    w.unref();
    w.on('message', (reply: GuardReply) => {
      if (reply.kind !== 'ready') this.settle(reply);
      else if (this.worker === w) {
        this.ready = true;
        this.pump();
      }
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== w) return;
      this.worker = null;
      const file = this.running?.file ?? this.queue[0]?.file ?? '';
      this.failCurrent(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(file, memory) : crashed(file, err.message));
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return; // terminated by us
      this.worker = null;
      const file = this.running?.file ?? this.queue[0]?.file;
      if (file !== undefined) this.failCurrent(crashed(file, `exit ${code}`));
    });
    this.worker = w;
    this.ready = false;
    this.starts++;
    return w;
  }

  private settle(reply: GuardReply): void {
    const r = this.running;
    if (!r || reply.id !== r.id) return; // a late answer of an abandoned read
    if (reply.kind === 'ready') return;
    if (reply.kind === 'read') this.finish(null, reply.snapshot);
    else if (reply.kind === 'refused') this.finish(new UserError(reply.code, reply.messages));
    else this.finish(new Error(reply.message));
  }

  /** Ends the running read (with an error or a snapshot) and hands the worker the next file. */
  private finish(err: Error | null, snapshot?: Snapshot): void {
    const r = this.running;
    if (!r) return;
    this.running = null;
    clearTimeout(r.timer);
    if (err) r.reject(err);
    else r.resolve(snapshot as Snapshot);
    this.pump();
  }

  /** A worker died: the file it was on (or about to take, if it died starting) gets the answer. */
  private failCurrent(err: UserError): void {
    if (this.running) {
      this.finish(err);
      return;
    }
    this.queue.shift()?.reject(err);
    this.pump();
  }

  /** Timeout: the worker may be stuck in a synchronous parse, so it is terminated, not asked. */
  private abandon(err: UserError): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    this.finish(err);
  }
}
