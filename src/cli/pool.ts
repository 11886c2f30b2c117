import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, WorkOptions } from './work';
import { fileWorker } from './work';
import type { WorkRequest } from './worker';

/** Thrown into every pending file when the run is interrupted (Ctrl+C). */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** Does files, one promise each; `stop` ends the work at once (pending files reject with `Interrupted`). */
export interface Processor {
  process(file: string): Promise<FileOutcome>;
  /** Ends the workers once every file handed in is done. */
  close(): Promise<void>;
  stop(): void;
}

/** The files done in this thread, one per turn of the event loop, so Ctrl+C is heard between two files. */
export function inProcess(options: WorkOptions): Processor {
  const work = fileWorker(options);
  let stopped = false;
  return {
    process: (file) => new Promise((resolve, reject) => setImmediate(() => {
      if (stopped) reject(new Interrupted());
      else {
        try {
          resolve(work(file));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    })),
    close: () => Promise.resolve(),
    stop: () => {
      stopped = true;
    },
  };
}

interface Pending {
  readonly resolve: (outcome: FileOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

type WorkAnswer = { id: number; outcome: FileOutcome } | { id: number; crash: string };

/**
 * `jobs` worker threads running `workerFile`, each with its own compiled lexicon; a file goes to the worker with the
 * fewest files pending, so a long file does not hold up the ones behind it on other workers.
 */
export function workerPool(options: WorkOptions, jobs: number, workerFile: string): Processor {
  let nextId = 0;
  const fail = (slot: Slot, error: Error): void => {
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };
  const slots: Slot[] = Array.from({ length: jobs }, () => {
    const slot: Slot = { worker: new Worker(workerFile, { workerData: options }), pending: new Map() };
    slot.worker.on('message', (answer: WorkAnswer) => {
      const p = slot.pending.get(answer.id);
      if (!p) return;
      slot.pending.delete(answer.id);
      if ('outcome' in answer) p.resolve(answer.outcome);
      else p.reject(new Error(`worker failed: ${answer.crash}`));
    });
    slot.worker.on('error', (e) => fail(slot, e));
    slot.worker.on('exit', (code) => fail(slot, new Error(`a worker stopped (exit code ${code})`)));
    return slot;
  });
  return {
    process(file) {
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, file } satisfies WorkRequest);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    stop() {
      for (const slot of slots) {
        fail(slot, new Interrupted());
        void slot.worker.terminate();
      }
    },
  };
}

/** The worker bundle beside this one (dist/cli-worker.js), or undefined when running from sources (tests under tsx). */
export function workerBundle(): string | undefined {
  const file = path.join(__dirname, 'cli-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * The outcomes of `files` in their order, each as soon as it and those before it are done. At most `window` files
 * are in flight or waiting for their turn, so memory is bounded by the window, not by the number of files.
 */
export async function* inOrder(files: readonly string[], processor: Processor, window: number): AsyncGenerator<FileOutcome> {
  const queue: Promise<FileOutcome>[] = [];
  let next = 0;
  const submit = (): void => {
    const p = processor.process(files[next++] ?? '');
    // Rejections are awaited in turn below; this keeps one that arrives early from counting as unhandled.
    p.catch(() => undefined);
    queue.push(p);
  };
  while (next < files.length && queue.length < window) submit();
  while (queue.length > 0) {
    const outcome = await (queue.shift() as Promise<FileOutcome>);
    if (next < files.length) submit();
    yield outcome;
  }
}
