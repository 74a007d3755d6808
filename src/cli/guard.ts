/**
 * The per-file guard of a batch: all the work done for one file (read, last year's workbook,
 * validation, the marked copy; see file-job.ts) runs as one job in a worker thread, under one time
 * limit and one memory limit, so one pathological file (a parse that never ends, a cell of a
 * hundred million characters, a rule that backtracks, a parse that eats all memory) becomes an
 * 'unreadable' answer for that file and the batch goes on. Reads of last year's folder go through
 * the same guard.
 *
 * One worker is kept for the whole batch and replaced only after a timeout or a crash: starting a
 * worker (loading SheetJS and the rules) takes under a second, while handing a file over and
 * cloning the small result back costs well under a millisecond, and the next file's job runs
 * while the main thread handles the current answer.
 *
 * Without the compiled worker (running from the TypeScript sources) or with --timeout 0, jobs run
 * in-process, without a time limit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors';
import { codedError } from '../core/codes/registry';
import type { LocalisedText } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import type { ReadLimits } from '../io/read-workbook';
import type { RosterEntry } from '../core/summary/roster';
import { diskPathOf } from './batch';
import { JobEnvironment, type CheckedFile, type FileJob, type JobResult, type JobSetup } from './file-job';

export const DEFAULT_TIMEOUT_SECONDS = 30;
/**
 * Heap of the worker: far above any real report workbook (a few tens of MB), below what takes a
 * machine down. Not lower: V8 sizes the young generation from this limit, and at 1 GB the worker
 * spent about 70 % more CPU per file collecting garbage than at 2 GB.
 */
export const DEFAULT_WORKER_MEMORY_MB = 2048;

export type GuardRequest =
  | { id: number; kind: 'job'; job: FileJob }
  /** Sent to every new worker first, and again when the batch's setup changes; answered by 'ready'. */
  | { id: 0; kind: 'setup'; setup: JobSetup };

export type GuardReply =
  | { id: 0; kind: 'ready' }
  | { id: number; kind: 'done'; result: JobResult }
  | { id: number; kind: 'refused'; code: string; messages: LocalisedText }
  | { id: number; kind: 'failed'; message: string };

export interface GuardOptions {
  /** Seconds one file's whole job may take; 0 or less runs in-process without a limit. */
  timeoutSeconds: number;
  limits?: Partial<ReadLimits>;
  /** Rules, last year's index, language, marked copies; default: standard rules, zh-CN, nothing else. */
  setup?: JobSetup;
  /** Compiled worker script; default guard-worker.js next to this module. */
  workerScript?: string;
  memoryMb?: number;
}

// The texts of these refusals are in the code registry (core/codes/entries); they carry the data.

export function timedOut(file: string, seconds: number): UserError {
  return codedError('timeout', { file, seconds });
}

export function outOfMemory(file: string, megabytes: number): UserError {
  return codedError('out-of-memory', { file, megabytes });
}

function crashed(file: string, detail: string): UserError {
  return codedError('reader-crashed', { file, detail });
}

export function defaultWorkerScript(): string {
  return join(__dirname, 'guard-worker.js');
}

interface Job {
  job: FileJob;
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

interface Running extends Job {
  id: number;
  timer: NodeJS.Timeout;
}

/**
 * Runs the jobs of a batch (guard of every file: see file-job.ts) one after the other in a worker
 * thread, with a time limit per file and a memory limit; a timeout or a crash answers that file and
 * the next file gets a fresh worker.
 */
export class ReadGuard {
  readonly mode: 'worker' | 'in-process';
  private worker: Worker | null = null;
  /** The worker has loaded its modules and the setup: the time limit of a file starts only then. */
  private ready = false;
  private running: Running | null = null;
  private readonly queue: Job[] = [];
  private readonly ahead = new Map<string, Promise<JobResult>>();
  private nextId = 1;
  private setup: JobSetup;
  private env: JobEnvironment | null = null;
  /** Workers started so far (1 + one per timeout or crash). */
  starts = 0;

  constructor(private readonly opts: GuardOptions) {
    const script = opts.workerScript ?? defaultWorkerScript();
    this.mode = opts.timeoutSeconds > 0 && existsSync(script) ? 'worker' : 'in-process';
    this.setup = opts.setup ?? { ruleDirs: [null], locale: 'zh-CN', previous: null };
    if (opts.limits) this.setup = { ...this.setup, limits: { ...opts.limits, ...this.setup.limits } };
  }

  /** Changes the batch's setup (e.g. once last year's index is built); jobs after this use it. */
  configure(setup: JobSetup): void {
    this.setup = setup;
    this.env = this.env ? this.env.withSetup(setup) : null;
    this.ahead.clear();
    if (this.worker) {
      this.ready = false;
      this.worker.postMessage({ id: 0, kind: 'setup', setup } satisfies GuardRequest);
    }
  }

  /**
   * Reads one file; a refusal, a timeout or a crash rejects with a UserError naming the file.
   * `next`, the batch's following file, is read ahead (see prefetch).
   */
  async read(file: string, next?: string): Promise<Snapshot> {
    const r = await this.submit({ mode: 'read', file }, next);
    if (r.kind !== 'read') throw new Error('the worker answered a read with something else');
    return r.snapshot;
  }

  /** Reads a roster (名册) under the same limits as a submission. */
  async roster(file: string): Promise<RosterEntry[]> {
    const r = await this.submit({ mode: 'roster', file });
    if (r.kind !== 'roster') throw new Error('the worker answered a roster with something else');
    return r.entries;
  }

  /** Reads, validates (with last year's workbook) and marks one file: its whole job under the limits. */
  async check(file: string, next?: string): Promise<CheckedFile> {
    const r = await this.submit({ mode: 'check', file }, next);
    if (r.kind !== 'checked') throw new Error('the worker answered a check with a read');
    return r;
  }

  private submit(job: FileJob, next?: string): Promise<JobResult> {
    const withDisk = (j: FileJob): FileJob => {
      const disk = diskPathOf(j.file);
      return typeof disk === 'string' ? j : { ...j, disk: new Uint8Array(disk) };
    };
    if (this.mode === 'in-process') {
      this.env ??= new JobEnvironment(this.setup);
      return this.env.run(withDisk(job));
    }
    const key = `${job.mode}\u0000${job.file}`;
    const early = this.ahead.get(key);
    if (early) this.ahead.delete(key);
    const running = early ?? this.enqueue(withDisk(job));
    if (next !== undefined) {
      const nextKey = `${job.mode}\u0000${next}`;
      if (!this.ahead.has(nextKey)) {
        // The next file's job runs in the worker while this thread handles the current answer.
        const p = this.enqueue(withDisk({ mode: job.mode, file: next }));
        p.catch(() => undefined); // the rejection is delivered when the file is asked for
        this.ahead.set(nextKey, p);
      }
    }
    return running;
  }

  /** Starts reading a file ahead (no-op in-process); kept for callers that read ahead themselves. */
  prefetch(file: string | undefined): void {
    if (file === undefined || this.mode === 'in-process') return;
    const key = `read\u0000${file}`;
    if (this.ahead.has(key)) return;
    const p = this.enqueue({ mode: 'read', file });
    p.catch(() => undefined);
    this.ahead.set(key, p);
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

  private enqueue(job: FileJob): Promise<JobResult> {
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
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
    const timer = setTimeout(() => this.abandon(timedOut(job.job.file, this.opts.timeoutSeconds)), this.opts.timeoutSeconds * 1000);
    this.running = { ...job, id, timer };
    const req: GuardRequest = { id, kind: 'job', job: job.job };
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
    w.postMessage({ id: 0, kind: 'setup', setup: this.setup } satisfies GuardRequest);
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
      const file = this.running?.job.file ?? this.queue[0]?.job.file ?? '';
      this.failCurrent(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(file, memory) : crashed(file, err.message));
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return; // terminated by us
      this.worker = null;
      const file = this.running?.job.file ?? this.queue[0]?.job.file;
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
    if (reply.kind === 'done') this.finish(null, reply.result);
    else if (reply.kind === 'refused') this.finish(new UserError(reply.code, reply.messages));
    else this.finish(new Error(reply.message));
  }

  /** Ends the running job (with an error or a result) and hands the worker the next file. */
  private finish(err: Error | null, result?: JobResult): void {
    const r = this.running;
    if (!r) return;
    this.running = null;
    clearTimeout(r.timer);
    if (err) r.reject(err);
    else r.resolve(result as JobResult);
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
