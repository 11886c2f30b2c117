// A worker of the CLI's pool (src/cli/pool.ts), bundled on its own as dist/cli-worker.js: it compiles the lexicon
// once, then reads, decodes and analyses each file it is sent and posts the outcome back.
import { parentPort, workerData } from 'node:worker_threads';
import { type WorkOptions, fileWorker } from './work';

/** A request from the pool: the file to do, and the id its answer carries. */
export interface WorkRequest {
  readonly id: number;
  readonly file: string;
}

const port = parentPort;
const encoder = new TextEncoder();
if (port) {
  const work = fileWorker(workerData as WorkOptions);
  port.on('message', (request: WorkRequest) => {
    try {
      const outcome = work(request.file);
      if (outcome.ok && typeof outcome.output === 'string') {
        // As bytes in a buffer of its own, handed over without a copy: the main thread then writes bytes and never
        // builds the output as strings of its own, which is what made its memory grow with the corpus.
        const output = encoder.encode(outcome.output);
        port.postMessage({ id: request.id, outcome: { ...outcome, output } }, [output.buffer]);
      } else port.postMessage({ id: request.id, outcome });
    } catch (e) {
      port.postMessage({ id: request.id, crash: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
}
