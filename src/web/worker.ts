/**
 * The page's reading worker: reads one workbook or report document per message (the same readers
 * as `zwgk validate`: the named-cell reader for .xlsx/.xlsm, SheetJS otherwise, the document reader
 * for .docx/.html, under the same size and zip-bomb limits) and, when asked, validates it with the page's rules.
 * The page terminates a worker that takes too long (see pool.ts), as the CLI's read guard does.
 */
import { isUserError } from '../core/errors';
import type { Snapshot } from '../core/snapshot';
import type { Validator } from '../core/validator';
import { tooLarge } from '../io/reader/refusals';
import { readWorkbook } from '../io/reader/named-first';
import { isReportDocument, readReportDocument } from '../io/report-reader';
import type { WorkerReply, WorkerRequest } from './protocol';
import { pageValidator } from './rule-set';

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let validator: Validator | null = null;
let localRules: WorkerRequest & { kind: 'rules' } = { kind: 'rules', sources: null };

function currentValidator(): Validator {
  if (!validator) validator = pageValidator(localRules.sources);
  return validator;
}

async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

async function handle(req: WorkerRequest & { kind: 'read' }): Promise<WorkerReply> {
  try {
    // The size is checked before the bytes are read, so a huge file is never loaded into memory.
    if (req.file.size > req.limits.maxBytes) throw tooLarge(req.name, req.file.size, req.limits.maxBytes);
    const bytes = await bytesOf(req.file);
    // A published report (Word document or web page) is read into the same Snapshot, as by the CLI.
    const snapshot: Snapshot = isReportDocument(bytes, req.name)
      ? readReportDocument(bytes, req.name, req.limits.maxUncompressedBytes)
      : readWorkbook(bytes, req.name, req.limits);
    const report = req.validate ? await currentValidator().validate(snapshot, { previous: req.previous ?? null }) : null;
    return { kind: 'read', id: req.id, snapshot, report };
  } catch (e) {
    if (isUserError(e)) return { kind: 'refused', id: req.id, code: e.code, messages: { ...e.messages } };
    return { kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  if (req.kind === 'rules') {
    localRules = req;
    validator = null;
    return;
  }
  void handle(req).then((reply) => scope.postMessage(reply));
};
scope.postMessage({ kind: 'ready' });
