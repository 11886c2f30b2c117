import {
  type ArticleFormat, type Cooccurrence, type CooccurrenceOf, DEFAULT_KWIC_WIDTH, type EncodingChoice, type KwicLine, type PartialCounts, type PortableAnalysis,
  type TextEncodingName, TermTally, type WindowKind, analyze, collectEvidence, hitAtomOccurrences, isHitAtom, kwicLinesOf, compileLexicon, concordance, cooccurrenceOf, formatOf, hasChinese, parseQuery, portableAnalysis,
  type ArticleVariables, type BuiltAutomata, type TensionCounts, type VariableProblem, readFrontMatter,
} from '../core';
import { isTensionLensExport } from '../core/export';
import { palette } from './colors';
import { kwicPiece } from './kwicFormat';
import { FileError, type ListedFile, ReusedReader, decodeArticleBytes, startsLikeExport } from './files';
import { loadLexicon } from './lexicon';
import { loadReference } from './reference';
import { scanRecord, scanSummary } from './report';
import { taggedSpansOf } from './taggedSpans';

/**
 * What is done with each file: its `scan --json`/`--jsonl` record, its readable `scan` summary, its counts, (export)
 * its text and analysis, its concordance lines (`kwic`), its co-occurrence matrix (`cooccur`) or the evidence it gives
 * `suggest` (a FileEvidence as JSON).
 */
export type Task = 'scan-json' | 'scan-text' | 'stats' | 'export' | 'kwic' | 'cooccur' | 'suggest';

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
  /** kwic in path order: the lines come back printed (`kwicPiece`) as `output`, not as objects. */
  readonly stream?: 'text' | 'json';
}

/** Everything a worker needs to do the work on its own: plain data, so it crosses to a worker thread as is. */
export interface WorkOptions {
  readonly task: Task;
  readonly lexiconFiles: readonly string[];
  readonly encoding: EncodingChoice;
  readonly stdinFormat: ArticleFormat;
  readonly color: boolean;
  readonly retrieval?: RetrievalOptions;
  /**
   * stats: also read each Markdown file's front-matter variables (for `--by`): the counts then come back per file,
   * with the variables, to be grouped in the main thread, instead of summed in the worker.
   */
  readonly variables?: boolean;
  /**
   * The lexicon's automata as this thread's pool built them, so that a worker takes them over rather than spend its
   * start building them again (`compileLexicon` checks they are this lexicon's).
   */
  readonly automata?: BuiltAutomata;
}

/**
 * One file's result, in plain data (it is posted back from a worker): `bytes` is its size on disk. A file found in a
 * directory that turns out to be an export of Tension Lens is `export`: left out, as if it had not been listed.
 */
export type FileOutcome =
  | {
    readonly kind: 'done'; readonly bytes: number; readonly encoding: TextEncodingName;
    /** The file's piece of output (scan); UTF-8 bytes when it comes from a worker (moved, not copied). */
    readonly output?: string | Uint8Array;
    /** export: the article's text and analysis; absent when the file has no Chinese (not an article). */
    readonly article?: { readonly text: string; readonly analysis: PortableAnalysis };
    readonly lines?: readonly KwicLine[];
    readonly cooccurrence?: Cooccurrence;
    /** Something to tell the user that did not stop the file (an unusable sidecar). */
    readonly warning?: string;
    /** stats with `variables`: the file's counts, its length in UTF-16 units (as the dashboard counts characters), its
     * front matter's variables and the problems of the values left out. */
    readonly counts?: TensionCounts;
    readonly characters?: number;
    readonly variables?: ArticleVariables;
    readonly variableProblems?: readonly VariableProblem[];
  }
  | { readonly kind: 'failed'; readonly bytes: number; readonly message: string }
  | { readonly kind: 'export'; readonly bytes: number };

/** Does files one after another with the lexicon compiled once; stats are summed here, not sent per file. */
export interface FileWorker {
  /** Does `file`, the `index`-th of the run in path order (which orders the terms of the summed counts). */
  work(file: ListedFile, index: number): FileOutcome;
  /** The counts of every file done so far (stats), to be merged with the other workers'. */
  partial(): PartialCounts | undefined;
}

/**
 * The same code runs in the main thread (`--jobs 1`, stdin) and in each worker of the pool, so their output is the
 * same byte for byte.
 */
export function fileWorker(options: WorkOptions): FileWorker {
  const lexicon = loadLexicon(options.lexiconFiles);
  const compiled = compileLexicon(lexicon, options.automata);
  const c = palette(options.color);
  // stats without --by: counts only, summed in typed arrays (no analysis, no counts object per file).
  const tally = options.task === 'stats' && !options.variables ? new TermTally(compiled) : undefined;
  const retrieval = options.retrieval ?? {};
  const query = options.task === 'kwic' ? parseQuery(retrieval.query ?? '') : undefined;
  // One term, pole or axis: its lines come from the matcher alone (the same hits), not from a whole analysis.
  const hitAtom = query && isHitAtom(query) ? query : undefined;
  const reference = options.task === 'suggest' ? loadReference() : undefined;
  const reader = new ReusedReader();
  return {
    work({ path: file, found }, index) {
      let bytes = 0;
      try {
        const raw = reader.read(file);
        bytes = raw.byteLength;
        const { text, encoding } = decodeOrExport(file, raw, found, options.encoding);
        if (text === undefined) return { kind: 'export', bytes };
        const format = file === '-' ? options.stdinFormat : formatOf(file);
        if (tally) {
          tally.add(text, format, index);
          return { kind: 'done', bytes, encoding };
        }
        if (options.task === 'export' && !hasChinese(text)) return { kind: 'done', bytes, encoding };
        if (hitAtom) {
          const lines = kwicLinesOf(file, text, hitAtomOccurrences(hitAtom, text, format, compiled), retrieval.width);
          return retrieval.stream
            ? { kind: 'done', bytes, encoding, output: kwicPiece(lines, retrieval.stream, retrieval.width ?? DEFAULT_KWIC_WIDTH, c) }
            : { kind: 'done', bytes, encoding, lines };
        }
        const analysis = analyze(text, format, compiled);
        switch (options.task) {
          case 'scan-json': return { kind: 'done', bytes, encoding, output: JSON.stringify({ ...scanRecord(file, analysis), encoding }) };
          case 'scan-text': return { kind: 'done', bytes, encoding, output: scanSummary(file, analysis, lexicon, c, encoding) };
          case 'export': return { kind: 'done', bytes, encoding, article: { text, analysis: portableAnalysis(analysis) } };
          case 'suggest': return { kind: 'done', bytes, encoding, output: JSON.stringify(collectEvidence(file, text, analysis, reference ?? loadReference())) };
          case 'stats': {
            const read = analysis.format === 'markdown' ? readFrontMatter(text, file) : { variables: {}, problems: [] };
            return { kind: 'done', bytes, encoding, counts: analysis.counts, characters: analysis.length, variables: read.variables, variableProblems: read.problems };
          }
          case 'kwic':
          case 'cooccur': {
            const tagged = retrieval.tags ? taggedSpansOf(file, text, retrieval.sidecarFolder) : undefined;
            const article = { text, analysis, ...(tagged ? { tags: tagged.spans } : {}) };
            const warning = tagged?.problem === undefined ? {} : { warning: tagged.problem };
            if (options.task === 'kwic') {
              const lines = concordance(file, article, query ?? parseQuery(''), retrieval.width);
              return retrieval.stream
                ? { kind: 'done', bytes, encoding, output: kwicPiece(lines, retrieval.stream, retrieval.width ?? DEFAULT_KWIC_WIDTH, c), ...warning }
                : { kind: 'done', bytes, encoding, lines, ...warning };
            }
            return { kind: 'done', bytes, encoding, cooccurrence: cooccurrenceOf(article, retrieval.window ?? 'sentence', retrieval.of ?? 'poles'), ...warning };
          }
        }
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        return { kind: 'failed', bytes, message: e.message };
      }
    },
    partial: () => tally?.partial(),
  };
}

/**
 * The file's text, or no text when it was found in a directory and is an export of Tension Lens (left out). The
 * export check reads the decoded text: decoding the start of every file a second time just for it was a twentieth
 * of a `stats` run. A file that does not decode is still an export when its first bytes say so.
 */
function decodeOrExport(file: string, raw: Uint8Array, found: boolean, choice: EncodingChoice): { text: string; encoding: TextEncodingName } | { text: undefined; encoding?: undefined } {
  let decoded: { text: string; encoding: TextEncodingName };
  try {
    decoded = decodeArticleBytes(file, raw, choice);
  } catch (e) {
    if (found && e instanceof FileError && startsLikeExport(raw)) return { text: undefined };
    throw e;
  }
  return found && isTensionLensExport(decoded.text) ? { text: undefined } : decoded;
}
