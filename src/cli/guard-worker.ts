/**
 * The worker side of the read guard (see guard.ts): reads one workbook file per message and posts
 * back the Snapshot, or the refusal. It lives as long as the guard keeps it, across files.
 */
// First: SheetJS's codepage tables load only when an .xls needs them.
import './lazy-codepages';
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../core/errors';
import { readWorkbookFile, type ReadLimits } from '../io/read-workbook';
import type { GuardReply, GuardRequest } from './guard';

function replyFor(id: number, e: unknown): GuardReply {
  if (isUserError(e)) return { id, kind: 'refused', code: e.code, messages: { ...e.messages } };
  return { id, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: GuardRequest) => {
    const limits: Partial<ReadLimits> | undefined = req.limits;
    readWorkbookFile(req.file, limits).then(
      (snapshot) => port.postMessage({ id: req.id, kind: 'read', snapshot } satisfies GuardReply),
      (e: unknown) => port.postMessage(replyFor(req.id, e)),
    );
  });
  // The modules above are loaded: the guard starts the clock of each file from here on.
  port.postMessage({ id: 0, kind: 'ready' } satisfies GuardReply);
}
