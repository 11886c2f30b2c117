import fs from 'node:fs';
import path from 'node:path';
import {
  type ArticleVariables, CountsSum, type Group, type TensionCounts, type TextEncodingName, builtAutomata, compareGroupValues, compileLexicon, formatVariableProblem,
} from '../core';
import { loadLexicon } from './lexicon';
import { type ListedFile, listFiles, namesDirectory } from './files';
import { Interrupted, type Processor, type WorkerPool, inOrder, inProcess, sharedWithPool, workerBundle, workerPool } from './pool';
import { TerminalProgress } from './progress';
import type { FileOutcome, WorkOptions } from './work';

/** Where a corpus command writes: stdout (through the caller) or `--out`, and stderr. */
export interface CorpusIo {
  /** Writes a piece of output as is (no newline added); a promise when the caller must wait for the pipe to drain. */
  readonly write: (chunk: string | Uint8Array) => void | Promise<void>;
  readonly err: (line: string) => void;
  /** Raw stderr for the progress line; only given when stderr is a terminal and progress is wanted. */
  readonly progress?: (chunk: string) => void;
  /** Aborted on Ctrl+C: the workers stop at once. */
  readonly signal?: AbortSignal;
  /** Called with each file done, in path order (kwic and cooccur gather their lines and matrices here). */
  readonly onFile?: (path: string, outcome: Extract<FileOutcome, { kind: 'done' }>) => void | Promise<void>;
}

export interface CorpusRun {
  readonly options: WorkOptions;
  readonly jobs: number;
  /** `scan --json`: one JSON document; `scan --jsonl`: one record a line; `text`: the readable summaries; `none`: stats. */
  readonly output: 'json' | 'jsonl' | 'text' | 'none';
  /** stats `--by`: the group of a file from its path and front-matter variables (the workers read those). */
  readonly groupOf?: (path: string, frontMatter: ArticleVariables) => string | null;
}

/** What a finished run hands back to print the stats of the whole. */
export interface CorpusResult {
  readonly files: readonly string[];
  readonly encodings: readonly TextEncodingName[];
  readonly counts: TensionCounts;
  readonly failed: number;
  /** With `groupOf`: the groups in value order, the files without a value last. */
  readonly groups?: readonly Group[];
}

/** At most this many files in one batch: stats send nothing per file but a line, scan sends each file's output. */
export const MOST_PER_BATCH: Readonly<Record<WorkOptions['task'], number>> = { stats: 64, 'scan-json': 8, 'scan-text': 8, export: 8, kwic: 8, cooccur: 16, suggest: 8 };

/** For tests and the bench: which path ran, without changing the output. */
function trace(message: string): void {
  if (process.env.TENSION_LENS_TRACE === 'pool') process.stderr.write(`tension-lens: ${message}\n`);
}

/**
 * What does the files of `args`: with `jobs` above 1, this thread and `jobs - 1` workers sharing the batches
 * (`sharedWithPool`); the workers are started before the files are listed when a directory is named (a corpus: they
 * load while this thread walks the folders), else sized to the files. stdin is read where it is: in this thread.
 */
export class Processors {
  private early: WorkerPool | undefined;
  private options: WorkOptions | undefined;
  private readonly bundle = workerBundle();

  constructor(private readonly run: Pick<CorpusRun, 'options' | 'jobs'>, args: readonly string[]) {
    if (run.jobs > 1 && this.bundle !== undefined && !args.includes('-') && namesDirectory(args)) {
      this.early = workerPool(this.withAutomata(), run.jobs - 1, this.bundle);
    }
  }

  /**
   * The options with the lexicon's automata, built here once: this thread needs them for its own share anyway, and
   * each worker then takes them over instead of building them during its start. A lexicon that does not load is
   * left to the workers to report, as before.
   */
  private withAutomata(): WorkOptions {
    if (this.options) return this.options;
    try {
      this.options = { ...this.run.options, automata: builtAutomata(compileLexicon(loadLexicon(this.run.options.lexiconFiles))) };
    } catch {
      this.options = this.run.options;
    }
    return this.options;
  }

  for(files: readonly ListedFile[]): Processor {
    const jobs = Math.min(this.run.jobs, files.length);
    if (this.early && jobs > 1) {
      trace(`${this.run.jobs} threads: this one and ${this.run.jobs - 1} workers`);
      return sharedWithPool(this.early, this.withAutomata());
    }
    void this.early?.close();
    this.early = undefined;
    const pool = jobs > 1 && this.bundle !== undefined && !files.some((f) => f.path === '-');
    trace(pool ? `${jobs} threads: this one and ${jobs - 1} workers` : 'in process');
    if (!pool || this.bundle === undefined) return inProcess(this.run.options);
    const options = this.withAutomata();
    return sharedWithPool(workerPool(options, jobs - 1, this.bundle), options);
  }
}

function sizes(files: readonly ListedFile[]): number {
  let total = 0;
  for (const f of files) {
    try {
      if (f.path !== '-') total += fs.statSync(f.path).size;
    } catch {
      // reported when the file is read
    }
  }
  return total;
}

/**
 * Runs scan or stats over the files `args` name, with the pool: outcomes arrive in path order and are written as they
 * come (scan); stats are summed in the workers and merged at the end. Memory holds only the window of batches in
 * flight. Bad files get one line each on `err` and never stop the run. Rejects with `Interrupted` when the signal
 * aborts.
 */
export async function runCorpus(run: CorpusRun, args: readonly string[], io: CorpusIo): Promise<CorpusResult> {
  const processors = new Processors(run, args);
  const { files, errors } = listFiles(args);
  const processor = processors.for(files);
  const progress = io.progress ? new TerminalProgress(files.length, sizes(files), io.progress) : undefined;
  const err = (line: string): void => (progress ? progress.note(line) : io.err(line));
  const stop = (): void => processor.stop();
  if (io.signal?.aborted) processor.stop();
  io.signal?.addEventListener('abort', stop);
  for (const e of errors) err(`tension-lens: ${e.message}`);
  const done: string[] = [];
  const encodings: TextEncodingName[] = [];
  let counts: TensionCounts = { total: 0, axes: {}, terms: {} };
  // stats --by: counts come back per file (with the variables) and are summed here, in path order.
  const perFile = new CountsSum();
  let position = 0;
  const groups = new Map<string | null, { files: number; characters: number; counts: CountsTotal }>();
  let failed = errors.length;
  let first = true;
  try {
    if (run.output === 'json') await io.write('{"version":1,"files":[');
    for await (const { file, outcome } of inOrder(files, processor, Math.max(1, run.jobs), MOST_PER_BATCH[run.options.task])) {
      progress?.advance(outcome.bytes);
      if (outcome.kind === 'export') continue;
      if (outcome.kind === 'failed') {
        failed++;
        err(`tension-lens: ${outcome.message}`);
        continue;
      }
      done.push(file.path);
      encodings.push(outcome.encoding);
      if (outcome.warning !== undefined) err(`tension-lens: ${outcome.warning}`);
      if (io.onFile) await io.onFile(file.path, outcome);
      if (outcome.counts) perFile.add(outcome.counts, position++);
      for (const p of outcome.variableProblems ?? []) err(`tension-lens: ${formatVariableProblem(p)}`);
      if (run.groupOf && outcome.counts) {
        const value = run.groupOf(file.path, outcome.variables ?? {});
        let group = groups.get(value);
        if (!group) groups.set(value, (group = { files: 0, characters: 0, counts: new CountsTotal() }));
        group.files++;
        group.characters += outcome.characters ?? 0;
        group.counts.add(outcome.counts);
      }
      if (outcome.output !== undefined && run.output !== 'none') {
        const [before, after] = separators(run.output, first);
        if (before) await io.write(before);
        await io.write(outcome.output);
        if (after) await io.write(after);
      }
      first = false;
    }
    if (run.output === 'json') await io.write(']}\n');
    else if (run.output === 'text' && !first) await io.write('\n');
    const partial = await processor.finish();
    if (partial) perFile.merge(partial);
    counts = perFile.value();
  } finally {
    io.signal?.removeEventListener('abort', stop);
    progress?.finish();
    await processor.close();
  }
  if (io.signal?.aborted) throw new Interrupted();
  const grouped = run.groupOf
    ? [...groups].map(([value, g]) => ({ value, files: g.files, characters: g.characters, counts: g.counts.value() })).sort((x, y) => compareGroupValues(x.value, y.value))
    : undefined;
  return { files: done, encodings, counts, failed, ...(grouped ? { groups: grouped } : {}) };
}

/**
 * Counts added up file by file in place — the same sums, with the keys in the same order, as the core's `sumCounts`
 * over every file at once, without a new object per file (on 20,000 files that copying was a tenth of the run).
 */
class CountsTotal {
  private total = 0;
  private readonly axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  private readonly terms: Record<string, number> = {};

  add(counts: TensionCounts): void {
    this.total += counts.total;
    for (const [id, a] of Object.entries(counts.axes)) {
      const sum = (this.axes[id] ??= { total: 0, poles: {} });
      sum.total += a.total;
      for (const [pole, n] of Object.entries(a.poles)) sum.poles[pole] = (sum.poles[pole] ?? 0) + n;
    }
    for (const [term, n] of Object.entries(counts.terms)) this.terms[term] = (this.terms[term] ?? 0) + n;
  }

  value(): TensionCounts {
    return { total: this.total, axes: this.axes, terms: this.terms };
  }
}

/** What goes before and after a file's piece of output: commas between JSON records, a newline after a JSON Line. */
function separators(output: CorpusRun['output'], first: boolean): [string, string] {
  if (output === 'jsonl') return ['', '\n'];
  if (output === 'json') return [first ? '' : ',', ''];
  return [first ? '' : '\n\n', ''];
}

/**
 * An output file written the way `--out` promises: into a temp file beside it, renamed over it only when the run
 * finished; `discard` (on an error or Ctrl+C) removes the temp file, so no partial file is ever left.
 */
export class AtomicOutput {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(readonly target: string) {
    this.temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
    this.fd = fs.openSync(this.temp, 'wx');
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) return;
    if (typeof chunk === 'string') fs.writeSync(this.fd, chunk);
    else fs.writeSync(this.fd, chunk);
  }

  commit(): void {
    this.close();
    fs.renameSync(this.temp, this.target);
  }

  discard(): void {
    this.close();
    try {
      fs.unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }

  private close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
