import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CountsSum, type PartialCounts } from '../core';
import type { ListedFile } from './files';
import { type FileOutcome, type WorkOptions, fileWorker } from './work';
import type { WorkAnswer, WorkRequest } from './worker';
import type { CliErrorName } from './errors';

/** Thrown into every pending batch when the run is interrupted (Ctrl+C). */
export class Interrupted extends Error {
  override readonly name = 'Interrupted' satisfies CliErrorName;

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
  /** Whether the worker has loaded its bundle and lexicon (it answered `ready`). */
  ready: boolean;
  partial?: (counts: PartialCounts | undefined) => void;
  failed?: Error;
}

/** Batches a worker is given ahead of time: one at work and one waiting, so that it never waits for a round trip. */
const AHEAD = 2;

/** A pool of workers: a `Processor`, and what `sharedWithPool` needs to hand it batches only when it can take them. */
export interface WorkerPool extends Processor {
  /** Settles when the first worker has loaded. */
  readonly ready: Promise<void>;
  /** How many more batches the loaded workers can take without any of them holding more than `AHEAD`. */
  room(): number;
}

/**
 * `jobs` worker threads running `workerFile`, each with its own compiled lexicon; a batch goes to the loaded worker
 * with the fewest batches pending, so a long file does not hold up the batches behind it on other workers. Workers
 * start loading as soon as the pool is made: give it the options before listing the files, and the two overlap.
 */
export function workerPool(options: WorkOptions, jobs: number, workerFile: string): WorkerPool {
  let nextId = 0;
  let ready = (): void => undefined;
  const loaded = new Promise<void>((resolve) => (ready = resolve));
  const fail = (slot: Slot, error: Error): void => {
    slot.failed ??= error;
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };
  const slots: Slot[] = Array.from({ length: jobs }, () => {
    const slot: Slot = { worker: new Worker(workerFile, { workerData: options }), pending: new Map(), ready: false };
    slot.worker.on('message', (answer: WorkAnswer) => {
      if (answer.kind === 'ready') {
        slot.ready = true;
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
    room: () => slots.reduce((room, s) => room + (s.ready && !s.failed ? Math.max(0, AHEAD - s.pending.size) : 0), 0),
    process(files, first) {
      // A loaded worker first: one still loading would hold the batch while another could do it.
      const slot = slots.reduce((best, s) => (s.ready > best.ready || (s.ready === best.ready && s.pending.size < best.pending.size) ? s : best));
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
 * This thread and a pool of workers sharing the batches, so that `--jobs N` is N threads at work: this one and N - 1
 * workers. A pool of N workers beside a main thread that mostly waits starts one worker more than there are hands
 * (a bundle loaded, a lexicon compiled and code warmed up once more), and on N cores that start-up is time taken
 * from the work. This thread takes the next batch whenever it is free, from the start (it does not wait for a worker
 * to load, so the first output does not wait for a start-up either); the workers are kept `AHEAD` batches ahead once
 * loaded. Outcomes and stats are the same whoever did a batch (the same `fileWorker`; partial sums merge in any
 * order). Between two files this thread hears the workers' answers and Ctrl+C (`inProcess` does one file a turn).
 */
export function sharedWithPool(pool: WorkerPool, options: WorkOptions): Processor {
  let local: Processor | undefined;
  let busy = false;
  let loaded = false;
  let stopped = false;
  const waiting: Waiting[] = [];
  const pump = (): void => {
    if (stopped) return;
    if (!busy && waiting.length > 0) {
      const next = waiting.shift() as Waiting;
      busy = true;
      local ??= inProcess(options);
      local.process(next.files, next.first).then(next.resolve, next.reject).finally(() => {
        busy = false;
        pump();
      });
    }
    while (loaded && waiting.length > 0 && pool.room() > 0) {
      const next = waiting.shift() as Waiting;
      pool.process(next.files, next.first).then(next.resolve, next.reject).finally(pump);
    }
  };
  void pool.ready.then(() => {
    loaded = true;
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
      stopped = true;
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
  // The first batches grow from one file: the first output (scan, kwic) waits for the whole first batch, done by
  // code not yet optimised, while the rest of the run needs batches large enough to keep messages few.
  let ramp = 1;
  const submit = (): void => {
    const first = next;
    next += Math.min(ramp, batchSize(files.length - next, jobs, most));
    ramp *= 2;
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
