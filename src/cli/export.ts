import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';
import {
  type CompiledLexicon, type EncodingChoice, type GroupBy, type Lexicon, compileLexicon, fileSafeCoder, formatOf, formatVariableProblem, mergeVariables, parseSidecar,
  readFrontMatter, reanchorAll, reanchorPair, restoreAnalysis,
} from '../core';
import {
  type ExportArticle, type ExportFormat, type ExportLanguage, type ExportProblem, type ExportRequest, type ExportSummary, type ExportWhat, FORMATS_FOR, defaultWhat, exportArticles,
  isExportFormat, isExportWhat, supports,
} from '../core/export';
import { MOST_PER_BATCH, Processors } from './corpus';
import { type FileError, type ListedFile, listFiles } from './files';
import { coderSidecarFileOf, codersWithSidecar, sidecarFileOf } from './sidecarFiles';
import { Interrupted, inOrder } from './pool';
import { type FileOutcome, type WorkOptions, fileWorker } from './work';
import { writeError } from './errors';
import { loadLexicon } from './lexicon';
import { VariableTables } from './variables';

/** Where the command writes its messages: one line per call, without the newline. */
export interface ExportIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The `export` command line, as parsed by main.ts. */
export interface ExportOptions {
  readonly format?: string;
  readonly what?: string;
  readonly out?: string;
  readonly lang?: string;
  readonly lexicon: readonly string[];
  /** How articles are decoded (`--encoding`); auto by default. */
  readonly encoding?: EncodingChoice;
  /** Sidecars live under `<root>/.tension/` (tensionLens.sidecar.location = folder). */
  readonly sidecarFolder?: string;
  /** `--by`: the Markdown export and the HTML report add the groups, crosstab and trend of this grouping. */
  readonly groupBy?: GroupBy;
  /** `--cooccur`: the HTML report adds the co-occurrence matrix. */
  readonly cooccurrence?: ExportRequest['cooccurrence'];
  /** `--kwic`: the HTML report adds the concordance. */
  readonly concordance?: ExportRequest['concordance'];
  /** `--coder NAME|all`: that coder's sidecars (`a.md.tension.NAME.json`), or the single sidecar and every coder's; default: the single sidecar. */
  readonly coder?: string;
  readonly version: string;
  /** The export's time; `SOURCE_DATE_EPOCH` (seconds) or now by default, so builds can be reproducible. */
  readonly now?: Date;
}

const slash = (p: string): string => p.split(path.sep).join('/');

function usage(io: ExportIo, message: string): number {
  io.err(`tension-lens: ${message}\nRun 'tension-lens --help' for usage.`);
  return 2;
}

/** The document language: --lang, else the locale's (zh… → Chinese), else English. */
function languageOf(lang: string | undefined): ExportLanguage | undefined {
  const value = lang ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') return undefined;
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function createdAt(now: Date | undefined): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (now ?? (process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date())).toISOString();
}

type ArticleAnnotations = Pick<ExportArticle, 'annotations' | 'coders'>;

/**
 * The annotations `--coder` asks for: the single sidecar (no `--coder`), one coder's sidecar, or (`all`) the single
 * sidecar and every coder's, each carrying its coder. Undefined when there are none; a problem when one cannot be used.
 */
function readAnnotations(file: string, text: string, root: string | undefined, coder: string | undefined): ArticleAnnotations | ExportProblem | undefined {
  if (coder === undefined) {
    const single = readSidecar(text, sidecarFileOf(file, root));
    return single && 'message' in single ? single : single ? { annotations: single } : undefined;
  }
  const names = coder === 'all' ? codersWithSidecar(file, root) : [fileSafeCoder(coder)];
  const sets: NonNullable<ExportArticle['annotations']>[] = [];
  for (const name of names) {
    const set = readSidecar(text, coderSidecarFileOf(file, name, root));
    if (set && 'message' in set) return set;
    if (set) sets.push({ ...set, coder: name });
  }
  const single = coder === 'all' ? readSidecar(text, sidecarFileOf(file, root)) : undefined;
  if (single && 'message' in single) return single;
  const [first, ...rest] = single ? [single, ...sets] : sets;
  return first ? { annotations: first, ...(rest.length > 0 ? { coders: rest } : {}) } : undefined;
}

/** Reads a sidecar: undefined when there is none; a problem when it cannot be used. */
function readSidecar(text: string, sidecarPath: string): ExportArticle['annotations'] | ExportProblem | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(sidecarPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return { path: sidecarPath, message: `cannot read annotations (${code ?? String(e)})` };
  }
  const parsed = parseSidecar(raw, sidecarPath);
  if ('problems' in parsed) {
    const [first] = parsed.problems;
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
    const where = first ? `line ${first.line + 1}, column ${first.character + 1}: ${first.path ? `${first.path}: ` : ''}${first.message}` : 'unusable sidecar';
    return { path: sidecarPath, message: `${where}${more} — fix the sidecar, or export --what terms` };
  }
  const pairs = (parsed.sidecar.pairs ?? []).map((pair) => reanchorPair(pair, text));
  return {
    tags: parsed.sidecar.tags, anchors: reanchorAll(parsed.sidecar.annotations, text).anchors,
    ...(parsed.sidecar.memo === undefined ? {} : { memo: parsed.sidecar.memo }), ...(pairs.length > 0 && { pairs }),
  };
}

/** Writes `bytes` to `target` through a temp file in the same folder and a rename: all of it or nothing. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    throw e;
  }
}

const NOTHING: Readonly<Record<ExportWhat, string>> = {
  annotations: 'no annotations in the given files (annotate text in VS Code first, or export --what terms)',
  terms: 'no tension terms in the given files',
  stats: 'no tension terms in the given files',
  sites: 'no tension sites (sentences holding both poles of an axis) in the given files',
  report: 'no tension terms and no annotations in the given files',
};

/** "3 annotations, 141 term occurrences, 23 tension sites from 1 file". */
export function describeSummary(summary: ExportSummary): string {
  const parts = [
    summary.annotations > 0 ? `${summary.annotations} annotation${summary.annotations === 1 ? '' : 's'}` : '',
    summary.terms > 0 ? `${summary.terms} term occurrence${summary.terms === 1 ? '' : 's'}` : '',
    summary.sites > 0 ? `${summary.sites} tension site${summary.sites === 1 ? '' : 's'}` : '',
  ].filter((p) => p);
  return `${parts.join(', ')} from ${summary.articles} file${summary.articles === 1 ? '' : 's'}`;
}

/** A command line checked and ready: what to export, and the files to read. */
interface ExportPlan {
  readonly what: ExportWhat;
  readonly format: ExportFormat;
  readonly language: ExportLanguage;
  readonly lexicon: Lexicon;
  readonly compiled: CompiledLexicon;
  readonly files: readonly ListedFile[];
  readonly skipped: ExportProblem[];
  readonly work: WorkOptions;
}

/** Checks the command line; a usage error is reported on `io` and its exit code returned instead. */
function plan(paths: readonly string[], options: ExportOptions, io: ExportIo): ExportPlan | number {
  const { format } = options;
  if (!isExportFormat(format)) return usage(io, `export needs --format csv|json|md|html|w3c|qdpx${format === undefined ? '' : `, not '${format}'`}`);
  if (options.what !== undefined && !isExportWhat(options.what)) return usage(io, `--what must be annotations, terms, stats, sites or report, not '${options.what}'`);
  const what = isExportWhat(options.what) ? options.what : defaultWhat(format);
  if (!supports(what, format)) {
    const fits = Object.entries(FORMATS_FOR).filter(([, formats]) => formats.includes(format)).map(([w]) => w).join(', ');
    return usage(io, `--format ${format} cannot hold --what ${what}; it holds ${fits}`);
  }
  const language = languageOf(options.lang);
  if (!language) return usage(io, `--lang must be zh or en, not '${options.lang ?? ''}'`);
  if (format === 'qdpx' && options.out === undefined) return usage(io, 'a .qdpx project is a zip file: give --out FILE.qdpx');
  if (paths.includes('-')) return usage(io, 'export reads each article with the sidecar beside it; stdin has none');

  const lexicon = loadLexicon(options.lexicon);
  const compiled = compileLexicon(lexicon);
  const { files, errors } = listFiles(paths);
  const work: WorkOptions = { task: 'export', lexiconFiles: options.lexicon, encoding: options.encoding ?? 'auto', stdinFormat: 'plaintext', color: false };
  return { what, format, language, lexicon, compiled, files, skipped: errors.map(problemOf), work };
}

/** A FileError's message starts with its file; the problem keeps the two apart. */
function problemOf(e: FileError): ExportProblem {
  return { path: e.file, message: e.message.slice(e.file.length + 2) };
}

/** Turns each file's outcome into an article to export (with its sidecar) or a problem, in path order. */
class ArticleCollector {
  readonly articles: ExportArticle[] = [];
  /** Lines for stderr: unusable variable values (the article keeps its other variables). */
  readonly notes: string[] = [];
  readonly tables = new VariableTables();
  private readonly outDir: string;
  private readonly withAnnotations: boolean;

  constructor(private readonly plan: ExportPlan, private readonly options: ExportOptions) {
    this.outDir = options.out === undefined ? process.cwd() : path.dirname(path.resolve(options.out));
    this.withAnnotations = plan.what === 'annotations' || plan.what === 'report';
  }

  add(file: string, outcome: FileOutcome): void {
    if (outcome.kind === 'export') return;
    if (outcome.kind === 'failed') {
      this.plan.skipped.push({ path: file, message: outcome.message.slice(file.length + 2) });
      return;
    }
    const { article } = outcome;
    if (!article) return; // no Chinese, not an article: the dashboard and the extension skip it too
    const { text } = article;
    // Document variables: the front matter, overridden by the nearest tension-variables.csv.
    const frontMatter = formatOf(file) === 'markdown' ? readFrontMatter(text, file) : { variables: {}, problems: [] };
    for (const p of frontMatter.problems) this.notes.push(formatVariableProblem(p));
    const variables = mergeVariables(frontMatter.variables, this.tables.variablesOf(file));
    const annotations = this.withAnnotations ? readAnnotations(file, text, this.options.sidecarFolder, this.options.coder) : undefined;
    if (annotations && 'message' in annotations) {
      this.plan.skipped.push(annotations);
      return;
    }
    this.articles.push({
      path: slash(file), uri: pathToFileURL(path.resolve(file)).href, href: slash(path.relative(this.outDir, path.resolve(file))), text,
      analysis: restoreAnalysis(article.analysis, this.plan.compiled), ...(annotations ?? {}),
      ...(Object.keys(variables).length > 0 ? { variables } : {}),
    });
  }
}

/**
 * `tension-lens export`: reads the articles (files or directories, as `scan` does) with their sidecars, exports
 * them through the core's writers, and writes `--out` atomically (or prints a text format). A malformed sidecar
 * skips its article when annotations are exported, with one line saying so. Returns the exit code: 0 success,
 * 1 a file was skipped or could not be written or there was nothing to export, 2 a usage error. Reads in this thread;
 * `runExportCommandWithJobs` reads and analyses with the worker pool.
 */
export function runExportCommand(paths: readonly string[], options: ExportOptions, io: ExportIo): number {
  const p = plan(paths, options, io);
  if (typeof p === 'number') return p;
  const worker = fileWorker(p.work);
  const collector = new ArticleCollector(p, options);
  for (const [i, file] of p.files.entries()) collector.add(file.path, worker.work(file, i));
  return writeExport(p, collector, options, io);
}

/**
 * `runExportCommand` with `jobs` worker threads reading, decoding and analysing the articles (the same pool as scan
 * and stats); the articles reach the writers in path order, so the export is byte for byte that of one job.
 */
export async function runExportCommandWithJobs(paths: readonly string[], options: ExportOptions & { readonly jobs: number; readonly signal?: AbortSignal }, io: ExportIo): Promise<number> {
  const processors = new Processors({ options: { task: 'export', lexiconFiles: options.lexicon, encoding: options.encoding ?? 'auto', stdinFormat: 'plaintext', color: false }, jobs: options.jobs }, paths);
  const p = plan(paths, options, io);
  if (typeof p === 'number') {
    await processors.for([]).close();
    return p;
  }
  const processor = processors.for(p.files);
  const stop = (): void => processor.stop();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop);
  const collector = new ArticleCollector(p, options);
  try {
    for await (const { file, outcome } of inOrder(p.files, processor, options.jobs, MOST_PER_BATCH.export)) collector.add(file.path, outcome);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await processor.close();
  }
  if (options.signal?.aborted) throw new Interrupted();
  return writeExport(p, collector, options, io);
}

/** Exports the articles through the core's writers and writes or prints the result; the exit code. */
function writeExport(p: ExportPlan, collector: ArticleCollector, options: ExportOptions, io: ExportIo): number {
  const { what, format, skipped } = p;
  const { articles } = collector;
  for (const note of [...collector.notes, ...collector.tables.problems.map(formatVariableProblem)]) io.err(`tension-lens: ${note}`);
  for (const problem of skipped) io.err(`tension-lens: skipped ${problem.path}: ${problem.message}`);

  const result = exportArticles({
    what, format, articles, lexicon: p.lexicon, language: p.language, created: createdAt(options.now), skipped, ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    ...(options.cooccurrence ? { cooccurrence: options.cooccurrence } : {}), ...(options.concordance ? { concordance: options.concordance } : {}),
    generator: { name: 'Tension Lens', version: options.version }, pinyin: (t) => pinyin(t, { toneType: 'symbol' }),
  });
  if (!result.ok) {
    io.err(`tension-lens: nothing to export: ${NOTHING[what]}; no file was written`);
    return 1;
  }
  const note = [
    result.summary.orphaned > 0 && format === 'qdpx' ? `${result.summary.orphaned} orphaned annotation${result.summary.orphaned === 1 ? '' : 's'} left out (their text is gone)` : '',
    skipped.length > 0 ? `${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped` : '',
  ].filter((n) => n).join('; ');
  const summary = `${describeSummary(result.summary)}${note ? `; ${note}` : ''}`;
  if (options.out === undefined) {
    io.out(new TextDecoder().decode(result.bytes).replace(/\r?\n$/, ''));
    io.err(`tension-lens: exported ${summary}`);
  } else {
    try {
      writeFileAtomic(options.out, result.bytes);
    } catch (e) {
      io.err(writeError(options.out, e));
      return 1;
    }
    io.out(`tension-lens: wrote ${options.out}: ${summary}`);
  }
  return skipped.length > 0 ? 1 : 0;
}
