/**
 * Section 6, second part: the dashboard's workspace scan of 10,000 articles as the extension host runs it — in a
 * worker thread (dist/row-worker.js, the desktop host) and in the host's own thread yielding every 10 ms (the web
 * worker host) — with the longest stall of the host's event loop in each (perf_hooks.monitorEventLoopDelay). The
 * files are in memory: what is compared is where the analysis runs, not the disk.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { type ArticleInput, type ArticleRow, type Lexicon, analyseArticle, compileLexicon } from '../src/core';
import type { RowAnswer, RowRequest } from '../src/extension/dashboard/rowWorker';
import { nowMs } from './stats';

export interface ScanWay {
  readonly ms: number;
  /** The longest the event loop waited for its turn while the scan ran (ms). */
  readonly longestStallMs: number;
  readonly rows: number;
}

export interface DashboardScanResult {
  readonly articles: number;
  readonly bytes: number;
  readonly worker: ScanWay;
  readonly inThread: ScanWay;
}

const SLICE_MS = 10;
const IN_FLIGHT = 16;

async function watched(run: () => Promise<number>): Promise<ScanWay> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = nowMs();
  const rows = await run();
  const ms = nowMs() - start;
  delay.disable();
  return { ms, longestStallMs: delay.max / 1e6, rows };
}

/** Scans `count` articles cut from `text` both ways. `root` holds dist/row-worker.js (built by the caller). */
export async function benchDashboardScan(root: string, text: string, count: number, lexicon: Lexicon): Promise<DashboardScanResult> {
  const size = Math.max(1, Math.floor(text.length / count));
  const inputs: ArticleInput[] = Array.from({ length: count }, (_, i) => ({
    path: `articles/${String(i).padStart(5, '0')}.md`, text: text.slice(i * size, (i + 1) * size), format: 'markdown' as const,
  }));
  const compiled = compileLexicon(lexicon);
  const inThread = await watched(async () => {
    let rows = 0;
    let slice = nowMs();
    for (const input of inputs) {
      if (analyseArticle(input, compiled)) rows++;
      if (nowMs() - slice > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        slice = nowMs();
      }
    }
    return rows;
  });
  const worker = new Worker(path.join(root, 'dist', 'row-worker.js'), { workerData: lexicon });
  try {
    const pending = new Map<number, (row: ArticleRow | undefined) => void>();
    worker.on('message', (answer: RowAnswer) => {
      pending.get(answer.id)?.('row' in answer ? answer.row : undefined);
      pending.delete(answer.id);
    });
    const analyse = (id: number): Promise<ArticleRow | undefined> => new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, input: inputs[id] as ArticleInput } satisfies RowRequest);
    });
    const inWorker = await watched(async () => {
      let rows = 0;
      const queue: Promise<ArticleRow | undefined>[] = [];
      let next = 0;
      for (let done = 0; done < inputs.length; done++) {
        while (next < inputs.length && queue.length < IN_FLIGHT) queue.push(analyse(next++));
        if (await queue.shift()) rows++;
      }
      return rows;
    });
    return { articles: count, bytes: Buffer.byteLength(text), worker: inWorker, inThread };
  } finally {
    await worker.terminate();
  }
}
