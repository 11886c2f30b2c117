import {
  type ArticleFormat, type Cooccurrence, type CooccurrenceOf, type EncodingChoice, type KwicLine, type TensionCounts, type TextEncodingName,
  type WindowKind, analyze, compileLexicon, concordance, cooccurrenceOf, formatOf, parseQuery,
} from '../core';
import { palette } from './colors';
import { FileError, readBytes, decodeArticleBytes } from './files';
import { loadLexicon } from './lexicon';
import { scanRecord, scanSummary } from './report';
import { taggedSpansOf } from './taggedSpans';

/**
 * What is done with each file: its `scan --json`/`--jsonl` record, its readable `scan` summary, its counts, its
 * concordance lines (`kwic`) or its co-occurrence matrix (`cooccur`).
 */
export type Task = 'scan-json' | 'scan-text' | 'stats' | 'kwic' | 'cooccur';

/** What `kwic` and `cooccur` look for: plain data, like the rest of the options. */
export interface RetrievalOptions {
  /** kwic: the query (already checked by the main thread). */
  readonly query?: string;
  readonly width?: number;
  /** cooccur: the windows counted in and the labels counted. */
  readonly window?: WindowKind;
  readonly of?: CooccurrenceOf;
  /** Whether sidecars are read (a `tag:` in the query, or tags counted). */
  readonly tags?: boolean;
  /** Sidecars under `<sidecarFolder>/.tension/` instead of beside each article. */
  readonly sidecarFolder?: string;
}

/** Everything a worker needs to do the work on its own: plain data, so it crosses to a worker thread as is. */
export interface WorkOptions {
  readonly task: Task;
  readonly lexiconFiles: readonly string[];
  readonly encoding: EncodingChoice;
  readonly stdinFormat: ArticleFormat;
  readonly color: boolean;
  readonly retrieval?: RetrievalOptions;
}

/** One file's result, in plain data (it is posted back from a worker). `bytes` is its size on disk. */
export type FileOutcome =
  | {
    readonly ok: true; readonly path: string; readonly bytes: number; readonly encoding: TextEncodingName;
    /** The file's piece of output; UTF-8 bytes when it comes from a worker (moved, not copied, to the main thread). */
    readonly output?: string | Uint8Array;
    readonly counts?: TensionCounts;
    readonly lines?: readonly KwicLine[];
    readonly cooccurrence?: Cooccurrence;
    /** Something to tell the user that did not stop the file (an unusable sidecar). */
    readonly warning?: string;
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
  const retrieval = options.retrieval ?? {};
  const query = options.task === 'kwic' ? parseQuery(retrieval.query ?? '') : undefined;
  return (file) => {
    let bytes = 0;
    try {
      const raw = readBytes(file);
      bytes = raw.byteLength;
      const { text, encoding } = decodeArticleBytes(file, raw, options.encoding);
      const analysis = analyze(text, file === '-' ? options.stdinFormat : formatOf(file), compiled);
      const tagged = retrieval.tags ? taggedSpansOf(file, text, retrieval.sidecarFolder) : undefined;
      const article = { text, analysis, ...(tagged ? { tags: tagged.spans } : {}) };
      const warning = tagged?.problem === undefined ? {} : { warning: tagged.problem };
      switch (options.task) {
        case 'scan-json': return { ok: true, path: file, bytes, encoding, output: JSON.stringify({ ...scanRecord(file, analysis), encoding }) };
        case 'scan-text': return { ok: true, path: file, bytes, encoding, output: scanSummary(file, analysis, lexicon, c, encoding) };
        case 'stats': return { ok: true, path: file, bytes, encoding, counts: analysis.counts };
        case 'kwic': return { ok: true, path: file, bytes, encoding, lines: concordance(file, article, query ?? parseQuery(''), retrieval.width), ...warning };
        case 'cooccur':
          return { ok: true, path: file, bytes, encoding, cooccurrence: cooccurrenceOf(article, retrieval.window ?? 'sentence', retrieval.of ?? 'poles'), ...warning };
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      return { ok: false, path: file, bytes, message: e.message };
    }
  };
}
