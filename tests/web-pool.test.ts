/**
 * The page's pool of reading workers (src/web/pool.ts) with fake workers: files are spread over the
 * workers, a file that takes too long gets the 'timeout' answer and its worker is terminated and
 * replaced, a worker that dies gives 'reader-crashed', a refusal keeps its code and messages, and
 * the other files are read all the same.
 */
import { isUserError } from '../src/core/errors';
import type { Snapshot } from '../src/core/snapshot';
import { ReadPool, timedOut } from '../src/web/pool';
import type { WorkerReply, WorkerRequest } from '../src/web/protocol';

const SNAPSHOT = { source: 'x', templateId: null, templateVersion: null, cells: {}, nameIssues: [], sheetOrder: [] } as Snapshot;

/** A worker that answers by file name: "hang…" never answers, "crash…" dies, "refuse…" is refused. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];

  constructor() {
    FakeWorker.all.push(this);
    setTimeout(() => this.reply({ kind: 'ready' }), 5);
  }

  private reply(data: WorkerReply): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }

  postMessage(req: WorkerRequest): void {
    this.received.push(req);
    if (req.kind !== 'read') return;
    if (req.name.startsWith('hang')) return;
    if (req.name.startsWith('crash')) {
      setTimeout(() => this.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent), 5);
      return;
    }
    if (req.name.startsWith('refuse')) {
      setTimeout(() => this.reply({ kind: 'refused', id: req.id, code: 'corrupt', messages: { 'zh-CN': `文件“${req.name}”坏了`, en: `"${req.name}" is broken` } }), 5);
      return;
    }
    setTimeout(() => this.reply({ kind: 'read', id: req.id, snapshot: { ...SNAPSHOT, source: req.name }, report: null }), 5);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function pool(size = 2): ReadPool {
  FakeWorker.all = [];
  return new ReadPool({ createWorker: () => new FakeWorker() as unknown as Worker, size, timeoutSeconds: 0.2 });
}

async function outcome(p: Promise<{ snapshot: Snapshot }>): Promise<string> {
  try {
    return `read ${(await p).snapshot.source}`;
  } catch (e) {
    return isUserError(e) ? `${e.code}: ${e.messages['zh-CN']}` : `failed ${String(e)}`;
  }
}

const blob = new Blob(['x']);

describe('ReadPool', () => {
  it('spreads the files over at most `size` workers and answers each in its own promise', async () => {
    const p = pool(2);
    const names = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx'];
    const results = await Promise.all(names.map((n) => outcome(p.read(blob, n, { validate: true }))));
    expect(results).toEqual(names.map((n) => `read ${n}`));
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all.map((w) => w.received.length).reduce((a, b) => a + b)).toBe(5);
    p.close();
  });

  it('a file that takes too long: timeout, its worker terminated and replaced; the others are read', async () => {
    const p = pool(1);
    const results = await Promise.all(['hang.xlsx', 'ok.xlsx', 'refuse.xlsx', 'crash.xlsx', 'last.xlsx'].map((n) => outcome(p.read(blob, n, { validate: false }))));
    expect(results).toEqual([
      `timeout: ${timedOut('hang.xlsx', 0.2).messages['zh-CN']}`,
      'read ok.xlsx',
      'corrupt: 文件“refuse.xlsx”坏了',
      'reader-crashed: 读取文件“crash.xlsx”时读取程序意外终止（boom），已跳过：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
      'read last.xlsx',
    ]);
    // One worker at a time: the first was terminated on the timeout, the second when it crashed.
    expect(FakeWorker.all.map((w) => w.terminated)).toEqual([true, true, false]);
    expect(p.starts).toBe(3);
    p.close();
  });

  it('hands local rules to every worker, including those started later', async () => {
    const p = pool(1);
    const rules = [{ path: '本县.json', json: { format: 'zwgk-rules/1' } }];
    await outcome(p.read(blob, 'a.xlsx', { validate: true }));
    p.setRules(rules);
    await outcome(p.read(blob, 'hang.xlsx', { validate: true }));
    await outcome(p.read(blob, 'b.xlsx', { validate: true }));
    expect(FakeWorker.all[0].received.map((r) => r.kind)).toEqual(['read', 'rules', 'read']);
    expect(FakeWorker.all[1].received[0]).toEqual({ kind: 'rules', sources: rules });
    p.close();
  });
});
