/** Timing and summary statistics: every figure the bench prints is a median of timed runs after warm-up. */

/** Median, minimum and maximum of the timed runs, in milliseconds. */
export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** How many runs to throw away and how many to time. */
export interface RunPlan {
  /** Untimed calls first: at least this many… */
  readonly warmup: number;
  /** …and until this much time has passed, so the JIT has optimised the hot code even for tiny inputs. */
  readonly warmupMs?: number;
  readonly runs: number;
  /**
   * Full collection before each timed run (default true): right for code that allocates, whose runs would
   * otherwise pay for each other's garbage; wrong for allocation-free loops such as the matchers, where it only
   * evicts the caches and times a cold run.
   */
  readonly gcBetweenRuns?: boolean;
}

/** Keeps results alive so the optimiser cannot drop the work that produced them. */
export let sink: unknown;

/** Current time in milliseconds from the monotonic high-resolution clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs a full collection when node was started with `--expose-gc`; a no-op otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Median, min and max of samples (which must not be empty). */
export function summarize(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] ?? 0 : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: sorted.length };
}

/**
 * Times `fn` `plan.runs` times after the warm-up calls. `run` is the call's index (warm-up calls included), so a
 * benchmark can alternate inputs. A full garbage collection runs before the timed calls and, unless the plan says
 * otherwise, before each of them (outside the timing), so no run pays for another run's garbage.
 */
export function measure(fn: (run: number) => unknown, plan: RunPlan): Stat {
  let run = 0;
  const warmupEnd = nowMs() + (plan.warmupMs ?? 0);
  while (run < plan.warmup || nowMs() < warmupEnd) sink = fn(run++);
  const samples: number[] = [];
  collectGarbage();
  for (let i = 0; i < plan.runs; i++) {
    if (plan.gcBetweenRuns ?? true) collectGarbage();
    const start = process.hrtime.bigint();
    sink = fn(run++);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarize(samples);
}

/**
 * Like `measure`, for work on an input that must be made fresh for every call but not timed: `prepare(run)` makes
 * it (untimed), then a collection, then `fn(input)` is timed. Only one input is alive at a time, so the heap stays
 * the size of one — holding them all inflated the timed work's garbage collection fivefold.
 */
export function measureEach<T>(prepare: (run: number) => T, fn: (input: T) => unknown, plan: RunPlan): Stat {
  const samples: number[] = [];
  for (let run = 0; run < plan.warmup + plan.runs; run++) {
    let input: T | undefined = prepare(run);
    if (plan.gcBetweenRuns ?? true) collectGarbage();
    const start = process.hrtime.bigint();
    sink = fn(input);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    input = undefined;
    sink = undefined;
    if (run >= plan.warmup) samples.push(ms);
  }
  return summarize(samples);
}

/** Throughput in MB/s (MB = 2^20 bytes) of processing `bytes` in `ms`. */
export function mbPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / (1024 * 1024) / (ms / 1000) : Infinity;
}
