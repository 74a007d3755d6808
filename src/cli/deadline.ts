/**
 * A time limit on synchronous work in the main thread. A worker thread can be terminated when a
 * parse never ends; the main thread cannot, except through V8's own watchdog, which node:vm offers:
 * a script run with `timeout` is stopped (TerminateExecution) when the time is up, together with
 * every function it calls synchronously, and the thread goes on. Asynchronous work started inside is
 * not covered, so only synchronous steps go through here.
 */
import { createContext, Script } from 'node:vm';

/** The job slot of the one context every call uses (creating a context costs about a millisecond). */
interface Slot {
  job: (() => unknown) | null;
}

const slot: Slot = { job: null };
const context = createContext(slot);
const call = new Script('job()');

/** What runWithin returns when the time was up. */
export const OUT_OF_TIME: unique symbol = Symbol('out of time');

/**
 * Runs `job` synchronously, stopped after `ms` milliseconds (a positive whole number). Returns its
 * value, or OUT_OF_TIME when it was stopped; an exception of the job is thrown on unchanged.
 */
export function runWithin<T>(ms: number, job: () => T): T | typeof OUT_OF_TIME {
  slot.job = job;
  try {
    return call.runInContext(context, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return OUT_OF_TIME;
    throw e;
  } finally {
    slot.job = null;
  }
}
