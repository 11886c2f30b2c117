import {
  type ArticleFormat, type ArticleVariables, type EncodingChoice, type TensionCounts, type TextEncodingName, type VariableProblem, analyze, compileLexicon,
  formatOf, readFrontMatter,
} from '../core';
import { palette } from './colors';
import { FileError, readBytes, decodeArticleBytes } from './files';
import { loadLexicon } from './lexicon';
import { scanRecord, scanSummary } from './report';

/** What is done with each file: its `scan --json`/`--jsonl` record, its readable `scan` summary, or its counts. */
export type Task = 'scan-json' | 'scan-text' | 'stats';

/** Everything a worker needs to do the work on its own: plain data, so it crosses to a worker thread as is. */
export interface WorkOptions {
  readonly task: Task;
  readonly lexiconFiles: readonly string[];
  readonly encoding: EncodingChoice;
  readonly stdinFormat: ArticleFormat;
  readonly color: boolean;
  /** stats: also read each Markdown file's front-matter variables (for `--by`). */
  readonly variables?: boolean;
}

/** One file's result, in plain data (it is posted back from a worker). `bytes` is its size on disk. */
export type FileOutcome =
  | {
    readonly ok: true; readonly path: string; readonly bytes: number; readonly encoding: TextEncodingName;
    /** The file's piece of output; UTF-8 bytes when it comes from a worker (moved, not copied, to the main thread). */
    readonly output?: string | Uint8Array;
    readonly counts?: TensionCounts;
    /** stats: the text's length in UTF-16 units, as the dashboard counts characters. */
    readonly characters?: number;
    /** stats with `variables`: the front matter's variables and the problems of the values left out. */
    readonly variables?: ArticleVariables;
    readonly variableProblems?: readonly VariableProblem[];
  }
  | { readonly ok: false; readonly path: string; readonly bytes: number; readonly message: string };

/**
 * Does the work for one file after another, with the lexicon compiled once. The same code runs in the main thread
 * (`--jobs 1`, stdin) and in each worker of the pool, so their output is the same byte for byte.
 */
export function fileWorker(options: WorkOptions): (file: string) => FileOutcome {
  const lexicon = loadLexicon(options.lexiconFiles);
  const compiled = compileLexicon(lexicon);
  const c = palette(options.color);
  return (file) => {
    let bytes = 0;
    try {
      const raw = readBytes(file);
      bytes = raw.byteLength;
      const { text, encoding } = decodeArticleBytes(file, raw, options.encoding);
      const analysis = analyze(text, file === '-' ? options.stdinFormat : formatOf(file), compiled);
      switch (options.task) {
        case 'scan-json': return { ok: true, path: file, bytes, encoding, output: JSON.stringify({ ...scanRecord(file, analysis), encoding }) };
        case 'scan-text': return { ok: true, path: file, bytes, encoding, output: scanSummary(file, analysis, lexicon, c, encoding) };
        case 'stats': {
          if (!options.variables || analysis.format !== 'markdown') return { ok: true, path: file, bytes, encoding, counts: analysis.counts, characters: analysis.length };
          const read = readFrontMatter(text, file);
          return { ok: true, path: file, bytes, encoding, counts: analysis.counts, characters: analysis.length, variables: read.variables, variableProblems: read.problems };
        }
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      return { ok: false, path: file, bytes, message: e.message };
    }
  };
}
