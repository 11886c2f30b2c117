// A worker of the CLI's pool (src/cli/pool.ts), bundled on its own as dist/cli-worker.js: it compiles the lexicon
// once, then reads, decodes and analyses the batches of files it is sent and posts their outcomes back; stats are
// summed here and sent once, when the pool finishes.
import { parentPort, workerData } from 'node:worker_threads';
import type { PartialCounts } from '../core';
import type { ListedFile } from './files';
import { type FileOutcome, type WorkOptions, fileWorker } from './work';

/** A request from the pool: a batch of files consecutive in path order (the first is the run's `first`-th), or the end. */
export type WorkRequest =
  | { readonly kind: 'batch'; readonly id: number; readonly files: readonly ListedFile[]; readonly first: number }
  | { readonly kind: 'finish' };

/** A worker's answer: a batch's outcomes in order, the crash that ended one, or (on `finish`) its summed stats. */
export type WorkAnswer =
  | { readonly kind: 'batch'; readonly id: number; readonly outcomes: readonly FileOutcome[] }
  | { readonly kind: 'crash'; readonly id: number; readonly error: string }
  | { readonly kind: 'partial'; readonly counts: PartialCounts | undefined }
  /** Sent once, when the worker has loaded and compiled its lexicon: from then on it takes batches at once. */
  | { readonly kind: 'ready' };

const port = parentPort;
const encoder = new TextEncoder();
if (port) {
  const worker = fileWorker(workerData as WorkOptions);
  const answer = (message: WorkAnswer, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  answer({ kind: 'ready' });
  port.on('message', (request: WorkRequest) => {
    if (request.kind === 'finish') {
      answer({ kind: 'partial', counts: worker.partial() });
      return;
    }
    try {
      const transfer: ArrayBuffer[] = [];
      const outcomes = request.files.map((file, i): FileOutcome => {
        const outcome = worker.work(file, request.first + i);
        if (outcome.kind !== 'done' || typeof outcome.output !== 'string') return outcome;
        // As bytes in a buffer of their own, handed over without a copy: the main thread then writes bytes and never
        // builds the output as strings of its own, which is what made its memory grow with the corpus.
        const output = encoder.encode(outcome.output);
        transfer.push(output.buffer);
        return { ...outcome, output };
      });
      answer({ kind: 'batch', id: request.id, outcomes }, transfer);
    } catch (e) {
      answer({ kind: 'crash', id: request.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
}
