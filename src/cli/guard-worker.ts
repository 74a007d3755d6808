/**
 * The worker side of the guard (see guard.ts): takes the batch's setup, then runs one file's job
 * per message (file-job.ts) and posts back the small result, or the refusal. It lives as long as
 * the guard keeps it, across files.
 */
// First: SheetJS's codepage tables load only when an .xls needs them.
import './lazy-codepages';
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../core/errors';
import { JobEnvironment } from './file-job';
import type { GuardReply, GuardRequest } from './guard';

function replyFor(id: number, e: unknown): GuardReply {
  if (isUserError(e)) return { id, kind: 'refused', code: e.code, messages: { ...e.messages } };
  return { id, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}

if (parentPort) {
  const port = parentPort;
  let env: JobEnvironment | null = null;
  // Messages are handled one after the other: a job waits for the setup before it.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (req: GuardRequest) => {
    chain = chain.then(async () => {
      if (req.kind === 'setup') {
        env = env ? env.withSetup(req.setup) : new JobEnvironment(req.setup);
        try {
          await env.preload();
        } catch {
          // A rule problem was reported by the main thread before any file; a job reports it again.
        }
        // The setup is loaded: the guard starts the clock of each file from here on.
        port.postMessage({ id: 0, kind: 'ready' } satisfies GuardReply);
        return;
      }
      if (!env) throw new Error('job before setup');
      try {
        const result = await env.run(req.job);
        const transfer = result.kind === 'checked' && result.annotated ? [result.annotated.buffer as ArrayBuffer] : [];
        port.postMessage({ id: req.id, kind: 'done', result } satisfies GuardReply, transfer);
      } catch (e) {
        port.postMessage(replyFor(req.id, e));
      }
    });
  });
}
