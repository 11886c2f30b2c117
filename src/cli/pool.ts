import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CountsSum, type PartialCounts } from '../core';
import type { ListedFile } from './files';
import { type FileOutcome, type WorkOptions, fileWorker } from './work';
import type { WorkAnswer, WorkRequest } from './worker';

/** Thrown into every pending batch when the run is interrupted (Ctrl+C). */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** Does batches of files, one promise each; `stop` ends the work at once (pending batches reject with `Interrupted`). */
export interface Processor {
  /** Does files consecutive in path order, the first being the run's `first`-th; their outcomes in the same order. */
  process(files: readonly ListedFile[], first: number): Promise<FileOutcome[]>;
  /** Once every batch is done: the stats summed over all of them (undefined for scan). */
  finish(): Promise<PartialCounts | undefined>;
  /** Ends the workers. */
  close(): Promise<void>;
  stop(): void;
}

/** The files done in this thread, one per turn of the event loop, so Ctrl+C is heard between two files. */
export function inProcess(options: WorkOptions): Processor {
  const worker = fileWorker(options);
  let stopped = false;
  const one = (file: ListedFile, index: number): Promise<FileOutcome> => new Promise((resolve, reject) => setImmediate(() => {
    if (stopped) reject(new Interrupted());
    else {
      try {
        resolve(worker.work(file, index));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }));
  return {
    async process(files, first) {
      const outcomes: FileOutcome[] = [];
      for (const [i, file] of files.entries()) outcomes.push(await one(file, first + i));
      return outcomes;
    },
    finish: () => Promise.resolve(worker.partial()),
    close: () => Promise.resolve(),
    stop: () => {
      stopped = true;
    },
  };
}

interface Pending {
  readonly resolve: (outcomes: FileOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  partial?: (counts: PartialCounts | undefined) => void;
  failed?: Error;
}

/**
 * `jobs` worker threads running `workerFile`, each with its own compiled lexicon; a batch goes to the worker with
 * the fewest batches pending, so a long file does not hold up the batches behind it on other workers. Workers start
 * loading as soon as the pool is made: give it the options before listing the files, and the two overlap.
 */
export function workerPool(options: WorkOptions, jobs: number, workerFile: string): Processor & { readonly ready: Promise<void> } {
  let nextId = 0;
  let ready = (): void => undefined;
  const loaded = new Promise<void>((resolve) => (ready = resolve));
  const fail = (slot: Slot, error: Error): void => {
    slot.failed ??= error;
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };
  const slots: Slot[] = Array.from({ length: jobs }, () => {
    const slot: Slot = { worker: new Worker(workerFile, { workerData: options }), pending: new Map() };
    slot.worker.on('message', (answer: WorkAnswer) => {
      if (answer.kind === 'ready') {
        ready();
        return;
      }
      if (answer.kind === 'partial') {
        slot.partial?.(answer.counts);
        return;
      }
      const p = slot.pending.get(answer.id);
      if (!p) return;
      slot.pending.delete(answer.id);
      if (answer.kind === 'batch') p.resolve([...answer.outcomes]);
      else p.reject(new Error(`worker failed: ${answer.error}`));
    });
    slot.worker.on('error', (e) => fail(slot, e));
    slot.worker.on('exit', (code) => fail(slot, new Error(`a worker stopped (exit code ${code})`)));
    return slot;
  });
  return {
    ready: loaded,
    process(files, first) {
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (slot.failed) return reject(slot.failed);
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ kind: 'batch', id, files, first } satisfies WorkRequest);
      });
    },
    async finish() {
      const parts = await Promise.all(slots.map((slot) => new Promise<PartialCounts | undefined>((resolve, reject) => {
        if (slot.failed) return reject(slot.failed);
        slot.partial = resolve;
        slot.worker.postMessage({ kind: 'finish' } satisfies WorkRequest);
      })));
      if (parts.every((p) => p === undefined)) return undefined;
      const sum = new CountsSum();
      for (const part of parts) if (part) sum.merge(part);
      return sum.partial();
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

interface Waiting {
  readonly files: readonly ListedFile[];
  readonly first: number;
  readonly resolve: (outcomes: FileOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The pool, with this thread doing the first batches itself, one at a time, until a worker has loaded: a worker
 * takes as long to start (its bundle, its lexicon) as this thread took, so without this the first output waited
 * for two start-ups in a row. Once any worker is ready, every batch not yet begun goes to the pool. Outcomes and
 * stats are the same whoever did a batch (the same `fileWorker`; partial sums merge in any order).
 */
export function startingInProcess(pool: Processor & { readonly ready: Promise<void> }, options: WorkOptions): Processor {
  let local: Processor | undefined;
  let busy = false;
  let ready = false;
  const waiting: Waiting[] = [];
  const pump = (): void => {
    if (ready) {
      for (const w of waiting.splice(0)) pool.process(w.files, w.first).then(w.resolve, w.reject);
      return;
    }
    const next = busy ? undefined : waiting.shift();
    if (!next) return;
    busy = true;
    local ??= inProcess(options);
    local.process(next.files, next.first).then(next.resolve, next.reject).finally(() => {
      busy = false;
      pump();
    });
  };
  void pool.ready.then(() => {
    ready = true;
    pump();
  });
  return {
    process: (files, first) => new Promise((resolve, reject) => {
      waiting.push({ files, first, resolve, reject });
      pump();
    }),
    async finish() {
      const [mine, theirs] = await Promise.all([local?.finish(), pool.finish()]);
      if (!mine || !theirs) return mine ?? theirs;
      const sum = new CountsSum();
      sum.merge(mine);
      sum.merge(theirs);
      return sum.partial();
    },
    close: () => pool.close(),
    stop() {
      local?.stop();
      pool.stop();
      for (const w of waiting.splice(0)) w.reject(new Interrupted());
    },
  };
}

/** The worker bundle beside this one (dist/cli-worker.js), or undefined when running from sources (tests under tsx). */
export function workerBundle(): string | undefined {
  const file = path.join(__dirname, 'cli-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * How many files go in one batch: few near the end, so the workers finish together; at most `most`. One message per
 * batch instead of per file is what keeps the main thread from being the bottleneck.
 */
export function batchSize(remaining: number, jobs: number, most: number): number {
  return Math.max(1, Math.min(most, Math.ceil(remaining / (jobs * 4))));
}

/**
 * The outcomes of `files` in their order, each with its file, as soon as it and those before it are done. At most
 * `window` batches of at most `most` files are in flight or waiting for their turn, so memory is bounded by the
 * window, not by the number of files.
 */
export async function* inOrder(
  files: readonly ListedFile[], processor: Processor, jobs: number, most: number,
): AsyncGenerator<{ file: ListedFile; outcome: FileOutcome }> {
  const queue: { first: number; batch: Promise<FileOutcome[]> }[] = [];
  const window = jobs * 4;
  let next = 0;
  const submit = (): void => {
    const first = next;
    next += batchSize(files.length - next, jobs, most);
    const batch = processor.process(files.slice(first, next), first);
    // Rejections are awaited in turn below; this keeps one that arrives early from counting as unhandled.
    batch.catch(() => undefined);
    queue.push({ first, batch });
  };
  while (next < files.length && queue.length < window) submit();
  while (queue.length > 0) {
    const head = queue.shift() as (typeof queue)[number];
    const outcomes = await head.batch;
    if (next < files.length) submit();
    for (const [i, outcome] of outcomes.entries()) yield { file: files[head.first + i] as ListedFile, outcome };
  }
}
