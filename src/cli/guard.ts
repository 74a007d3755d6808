/**
 * The per-file guard of a batch: all the work done for one file (read, last year's workbook,
 * validation, the marked copy; see file-job.ts) runs as one job in a worker thread, under one time
 * limit and one memory limit, so one pathological file (a parse that never ends, a cell of a
 * hundred million characters, a rule that backtracks, a parse that eats all memory) becomes an
 * 'unreadable' answer for that file and the batch goes on. Reads of last year's folder go through
 * the same guard.
 *
 * The jobs run in a pool of workers, one per core (at most MAX_WORKERS): each takes the next file of
 * the queue, reads and validates it and posts back only the small result. A worker is kept for the
 * whole batch and replaced only after a timeout or a crash: starting one (loading SheetJS and the
 * rules) takes a few hundred milliseconds, while handing a file over and cloning the small result
 * back costs well under a millisecond. The batch announces the files that follow the one it asks
 * for, so every worker has a file waiting while the main thread handles the current answer, and
 * answers still come back in the batch's order. A worker is started only when a file is waiting
 * for one, one at a time, and a small batch gets fewer workers than cores (FILES_PER_WORKER).
 *
 * Without the compiled worker (running from the TypeScript sources) or with --timeout 0, jobs run
 * in-process, without a time limit.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors';
import { codedError } from '../core/codes/registry';
import type { LocalisedText } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import type { ReadLimits } from '../io/read-workbook';
import type { RosterEntry } from '../core/summary/roster';
import { diskPathOf } from './batch';
// Types only: the job's modules (readers, rules, SheetJS) load in the workers, and in this thread
// only when a job runs here (environment()); a batch's main thread starts without them.
import type { CheckedFile, FileJob, JobEnvironment, JobResult, JobSetup } from './file-job';

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
  /** Workers at most; default one per core (os.availableParallelism()), at most MAX_WORKERS. */
  workers?: number;
  /**
   * Files in the batch, when known (else given later with plan()): a small batch gets fewer
   * workers (see FILES_PER_WORKER), and a batch of one file is checked in this thread when the time
   * limit can hold here (JobEnvironment.tryInProcess: an .xlsx/.xlsm the named-cell reader takes,
   * the package's own rules, no last year), so no worker is started for it.
   */
  files?: number;
}

/**
 * Starting a worker (loading its modules and the rules, about 200 ms of CPU) costs about as much as
 * checking this many files: a batch gets one worker per so many files, up to one per core.
 */
export const FILES_PER_WORKER = 40;

/**
 * More workers than this bring nothing for report workbooks (a file takes milliseconds; the main
 * thread's share becomes the limit) and each holds its own copy of SheetJS and the rules (tens of MB).
 */
export const MAX_WORKERS = 8;

/**
 * The value of --jobs: a whole number of workers, 1 to 64; undefined when not given; null when it
 * is not such a number (a usage error for the caller).
 */
export function parseJobs(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : null;
}

/** The pool's default size on this machine: one worker per core, 1 to MAX_WORKERS. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
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
  /** Milliseconds the job may take (default: the whole time limit). */
  budgetMs?: number;
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

interface Sent extends Job {
  id: number;
  /** The time limit's timer: set for the job the worker is on (the first one sent), not yet for the next. */
  timer: NodeJS.Timeout | null;
}

/**
 * Jobs handed to one worker at a time: the one it is on and the next, so that it starts the next
 * file as soon as it posts an answer instead of waiting a round trip through this thread for it
 * (a worker waited about a fifth of a batch's time that way).
 */
const PIPELINE = 2;

/** One worker of the pool and the jobs sent to it, in the order it takes them. */
interface Slot {
  worker: Worker;
  /** The worker has loaded its modules and the setup: the time limit of a file starts only then. */
  ready: boolean;
  sent: Sent[];
}

/**
 * Runs the jobs of a batch (guard of every file: see file-job.ts) in a pool of worker threads, with
 * a time limit per file and a memory limit per worker; a timeout or a crash answers that file and
 * its worker is replaced when a file next needs one.
 */
export class ReadGuard {
  readonly mode: 'worker' | 'in-process';
  private readonly wanted: number;
  private batchFiles: number | undefined;
  private slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly ahead = new Map<string, Promise<JobResult>>();
  private nextId = 1;
  private setup: JobSetup;
  private env: Promise<JobEnvironment> | null = null;
  /** Workers started so far (one per worker of the pool the batch needed, and one per timeout or crash). */
  starts = 0;

  constructor(private readonly opts: GuardOptions) {
    const script = opts.workerScript ?? defaultWorkerScript();
    this.mode = opts.timeoutSeconds > 0 && existsSync(script) ? 'worker' : 'in-process';
    this.wanted = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
    this.batchFiles = opts.files;
    this.setup = opts.setup ?? { ruleDirs: [null], locale: 'zh-CN', previous: null };
    if (opts.limits) this.setup = { ...this.setup, limits: { ...opts.limits, ...this.setup.limits } };
  }

  /** The job environment of this thread, loaded on first use. */
  private environment(): Promise<JobEnvironment> {
    this.env ??= import('./file-job').then((m) => new m.JobEnvironment(this.setup));
    return this.env;
  }

  /** Workers at most (1 in-process): as asked or one per core, fewer for a small batch. */
  get size(): number {
    if (this.mode === 'in-process') return 1;
    const worth = this.batchFiles === undefined ? this.wanted : Math.max(1, Math.ceil(this.batchFiles / FILES_PER_WORKER));
    return Math.min(this.wanted, worth);
  }

  /** The number of files of the batch, once the folders are listed (see GuardOptions.files). */
  plan(files: number): void {
    this.batchFiles = files;
  }

  /**
   * Starts a first worker now, while this thread still lists folders and loads the rules, so that
   * it is ready when the first file comes (no-op in-process or when a worker exists). Not for a
   * batch that may be one file: that one is checked without a worker.
   */
  prestart(): void {
    if (this.mode !== 'worker' || this.slots.length > 0) return;
    this.startWorker();
    this.pump(); // an idle worker does not keep the process alive
  }

  /**
   * How many of the following files a caller should announce with each request so that every
   * worker has one waiting (0 in-process: nothing runs ahead there).
   */
  get lookahead(): number {
    return this.mode === 'worker' ? this.size * 2 : 0;
  }

  /** Changes the batch's setup (e.g. once last year's index is built); jobs after this use it. */
  configure(setup: JobSetup): void {
    this.setup = setup;
    this.env = this.env ? this.env.then((e) => e.withSetup(setup)) : null;
    this.ahead.clear();
    for (const slot of this.slots) {
      // A worker on a job takes the setup after it (its messages are handled in order).
      slot.ready = false;
      slot.worker.postMessage({ id: 0, kind: 'setup', setup } satisfies GuardRequest);
    }
  }

  /**
   * Reads one file; a refusal, a timeout or a crash rejects with a UserError naming the file.
   * `ahead`, the batch's following file(s), are read ahead in the pool (up to `lookahead` of them).
   */
  async read(file: string, ahead?: string | readonly string[]): Promise<Snapshot> {
    const r = await this.submit({ mode: 'read', file }, ahead);
    if (r.kind !== 'read') throw new Error('the worker answered a read with something else');
    return r.snapshot;
  }

  /** Reads a roster (名册) under the same limits as a submission. */
  async roster(file: string): Promise<RosterEntry[]> {
    const r = await this.submit({ mode: 'roster', file });
    if (r.kind !== 'roster') throw new Error('the worker answered a roster with something else');
    return r.entries;
  }

  /**
   * Reads, validates (with last year's workbook) and marks one file: its whole job under the limits.
   * `ahead` as for read.
   */
  async check(file: string, ahead?: string | readonly string[]): Promise<CheckedFile> {
    const r = await this.submit({ mode: 'check', file }, ahead);
    if (r.kind !== 'checked') throw new Error('the worker answered a check with a read');
    return r;
  }

  private submit(job: FileJob, ahead?: string | readonly string[]): Promise<JobResult> {
    const withDisk = (j: FileJob): FileJob => {
      const disk = diskPathOf(j.file);
      return typeof disk === 'string' ? j : { ...j, disk: new Uint8Array(disk) };
    };
    if (this.mode === 'in-process') {
      return this.environment().then((env) => env.run(withDisk(job)));
    }
    if (this.batchFiles === 1 && job.mode === 'check' && !this.setup.previous && this.setup.ruleDirs.every((d) => d === null)) {
      // Starting a worker would double the time of a one-file run (a second copy of every module).
      const started = Date.now();
      const here = this.environment().then((env) => env.tryInProcess(withDisk(job), this.opts.timeoutSeconds));
      // Declined here: the worker has what is left of the file's time.
      return here.then((r) => r ?? this.enqueue(withDisk(job), this.opts.timeoutSeconds * 1000 - (Date.now() - started)));
    }
    const key = `${job.mode}\u0000${job.file}`;
    const early = this.ahead.get(key);
    if (early) this.ahead.delete(key);
    const running = early ?? this.enqueue(withDisk(job));
    const following = ahead === undefined ? [] : typeof ahead === 'string' ? [ahead] : ahead.slice(0, this.lookahead);
    for (const next of following) {
      const nextKey = `${job.mode}\u0000${next}`;
      if (this.ahead.has(nextKey)) continue;
      // The following files' jobs run in the pool while this thread handles the current answer.
      const p = this.enqueue(withDisk({ mode: job.mode, file: next }));
      p.catch(() => undefined); // the rejection is delivered when the file is asked for
      this.ahead.set(nextKey, p);
    }
    return running;
  }

  /** Stops the workers and drops reads not yet asked for; a later read starts new workers. */
  async close(): Promise<void> {
    const closed = new Error('ReadGuard closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    this.ahead.clear();
    const slots = this.slots;
    this.slots = [];
    for (const slot of slots) {
      for (const job of slot.sent.splice(0)) {
        if (job.timer) clearTimeout(job.timer);
        job.reject(closed);
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private enqueue(job: FileJob, budgetMs?: number): Promise<JobResult> {
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ job, resolve, reject, budgetMs });
      this.pump();
    });
  }

  /** Hands waiting files to workers with room (PIPELINE), and starts workers while files wait for one. */
  private pump(): void {
    for (let depth = 1; depth <= PIPELINE; depth++) {
      // Every worker gets a file before any gets a second one.
      for (const slot of this.slots) {
        if (this.queue.length === 0) break;
        if (slot.ready && slot.sent.length < depth) this.send(slot, this.queue.shift() as Job);
      }
    }
    // One worker starts at a time: workers starting together on few cores would each take longer,
    // and the batch's first answer with them.
    const starting = this.slots.some((s) => !s.ready);
    if (!starting && this.queue.length > 0 && this.slots.length < this.size) this.startWorker();
    // A worker with a file, or starting while files wait, keeps the process alive for the answer;
    // an idle one never does.
    for (const slot of this.slots) {
      if (slot.sent.length > 0 || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private send(slot: Slot, job: Job): void {
    const sent: Sent = { ...job, id: this.nextId++, timer: null };
    slot.sent.push(sent);
    slot.worker.postMessage({ id: sent.id, kind: 'job', job: job.job } satisfies GuardRequest);
    if (slot.sent.length === 1) this.startClock(slot);
  }

  /** The clock of the job a worker is on starts when it takes the file, not while it waits. */
  private startClock(slot: Slot): void {
    const head = slot.sent[0];
    if (!head || head.timer) return;
    const ms = Math.max(1, head.budgetMs ?? this.opts.timeoutSeconds * 1000);
    head.timer = setTimeout(() => this.abandon(slot, timedOut(head.job.file, this.opts.timeoutSeconds)), ms);
  }

  private startWorker(): void {
    const memory = this.opts.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    const w = new Worker(this.opts.workerScript ?? defaultWorkerScript(), {
      resourceLimits: { maxOldGenerationSizeMb: memory },
    });
    const slot: Slot = { worker: w, ready: false, sent: [] };
    w.postMessage({ id: 0, kind: 'setup', setup: this.setup } satisfies GuardRequest);
    w.on('message', (reply: GuardReply) => {
      if (!this.slots.includes(slot)) return; // a late answer of an abandoned worker
      if (reply.kind !== 'ready') this.settle(slot, reply);
      else {
        slot.ready = true;
        this.pump();
      }
    });
    w.on('error', (err: Error & { code?: string }) => {
      this.lost(slot, (file) => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(file, memory) : crashed(file, err.message)));
    });
    w.on('exit', (code) => this.lost(slot, (file) => crashed(file, `exit ${code}`)));
    this.slots.push(slot);
    this.starts++;
  }

  private settle(slot: Slot, reply: GuardReply): void {
    // A worker answers its jobs in the order they were sent.
    const head = slot.sent[0];
    if (!head || reply.kind === 'ready' || reply.id !== head.id) return;
    slot.sent.shift();
    if (head.timer) clearTimeout(head.timer);
    this.startClock(slot);
    if (reply.kind === 'done') head.resolve(reply.result);
    else if (reply.kind === 'refused') head.reject(new UserError(reply.code, reply.messages));
    else head.reject(new Error(reply.message));
    this.pump();
  }

  /**
   * Takes a worker out of the pool: the job it was on gets `error`; the jobs sent after it go back
   * to the front of the queue for another worker.
   */
  private drop(slot: Slot, error: UserError | null): void {
    this.slots = this.slots.filter((s) => s !== slot);
    const [head, ...rest] = slot.sent.splice(0);
    // Only the job a worker is on has its clock running.
    if (head?.timer) clearTimeout(head.timer);
    this.queue.unshift(...rest.map(({ job, resolve, reject, budgetMs }) => ({ job, resolve, reject, budgetMs })));
    if (head && error) head.reject(error);
  }

  /**
   * A worker died: the file it was on gets the answer; one that died starting answers the next
   * waiting file (a worker that cannot start would otherwise be restarted for ever).
   */
  private lost(slot: Slot, error: (file: string) => UserError): void {
    if (!this.slots.includes(slot)) return; // terminated by us
    const head = slot.sent[0];
    if (head) this.drop(slot, error(head.job.file));
    else {
      this.drop(slot, null);
      if (!slot.ready) {
        const next = this.queue.shift();
        next?.reject(error(next.job.file));
      }
    }
    this.pump();
  }

  /** Timeout: the worker may be stuck in a synchronous parse, so it is terminated, not asked. */
  private abandon(slot: Slot, err: UserError): void {
    if (!this.slots.includes(slot)) return;
    this.drop(slot, err);
    void slot.worker.terminate();
    this.pump();
  }
}
