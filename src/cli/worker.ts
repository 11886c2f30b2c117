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
if (port) {
  const work = fileWorker(workerData as WorkOptions);
  port.on('message', (request: WorkRequest) => {
    try {
      port.postMessage({ id: request.id, outcome: work(request.file) });
    } catch (e) {
      port.postMessage({ id: request.id, crash: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
}
