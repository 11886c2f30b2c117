import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type ArticleVariables, formatVariableProblem, groupByText, groupValue, isEncodingChoice, mergeVariables, parseGroupBy } from '../core';
import { palette } from './colors';
import { OPTIONS } from './options';
import { STOP_SIGNALS, stopped, stopsCleanly } from './signals';
import { AtomicOutput, runCorpus } from './corpus';
import { isCliError, writeError } from './errors';
import { runImportCommand } from './import';
import { CODEBOOK_USAGE } from './codebookUsage';
import { loadLexicon } from './lexicon';
import { MergeError, mergeStats, readShard } from './merge';
import { loadPart } from './parts';
import { parseRetrieval } from './retrieveArgs';
import { runRetrieval } from './retrieve';
import { QueryError } from '../core';
import { parseExportSections } from './exportSections';
import { statsSummary } from './report';
import { suggestJson, suggestTerms, suggestText } from './suggest';
import { VariableTables } from './variables';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `tension-lens ${VERSION} — find the tension terms of Chinese articles

Usage:
  tension-lens scan [--json|--jsonl] [--lexicon FILE]... [--format md|txt] [--jobs N] [--encoding E] [--out FILE] PATH...
  tension-lens stats [--json] [--lexicon FILE]... [--jobs N] [--encoding E] [--out FILE] PATH...
  tension-lens stats [--json] --by KEY[:year|:quarter|:month] PATH...
  tension-lens stats --merge [--json] SHARD.json...
  tension-lens annotations [--sidecar-folder ROOT] PATH...
  tension-lens kwic [--json] [--term ID | --pole ID | --axis ID | --tag LABEL | --text STRING | --query Q]
                    [--width N] [--sort left|right|file|position] [--sidecar-folder ROOT] [--jobs N] PATH...
  tension-lens cooccur [--json] [--window sentence|paragraph|section] [--of poles|tags|both] [--sidecar-folder ROOT] PATH...
  tension-lens export --format csv|json|md|html|w3c|qdpx [--what annotations|terms|stats|sites|report]
                      [--out FILE] [--lang zh|en] [--sidecar-folder ROOT] [--jobs N] [--by KEY[:year|:quarter|:month]]
                      [--coder NAME|all] PATH...
  tension-lens export --format html [--by KEY] [--cooccur [--window W] [--of O]] [--kwic Q [--width N] [--sort S]] PATH...
  tension-lens agreement [--json] [--coders A,B] [--sidecar-folder ROOT] PATH...
  tension-lens suggest [--json] [--top N] [--lexicon FILE]... [--jobs N] [--encoding E] [--out FILE] PATH...
  tension-lens import [--out DIR] [--force] FILE...
  ${CODEBOOK_USAGE}

PATH is a file, a directory (scanned recursively for .md, .markdown, .txt) or - for stdin.
import turns each FILE (.html, .htm, .docx, .pdf) into a Markdown article with front matter, beside it or in
--out DIR; an existing .md is never overwritten without --force (see README: "Importing articles").

Options:
  --json          machine-readable output (see README: "CLI JSON")
  --jsonl         scan: one JSON object per file and line, written as each file is done, in path order
  --jobs N        files analysed in parallel by N threads, this one and N-1 workers (default: the number of cores, here ${os.availableParallelism()})
  --encoding E    how files are decoded: auto (UTF-8, else GB18030 or Big5 when the bytes read as Chinese; the
                  default), utf-8, gb18030 or big5; the JSON outputs say which encoding each file was read in
  --merge         stats: sum the 'stats --json' outputs of shards (SHARD.json...) into the stats of the whole
  --by KEY        stats (and export --format md|html): counts per value of the document variable KEY (front matter, or tension-variables.csv in
                  the file's folder or one above it); KEY:year, KEY:quarter or KEY:month group a date by period
  --lexicon FILE  merge a user lexicon (JSON, schemas/lexicon.schema.json) over the built-in one; repeatable
  --format F      format of stdin: md or txt (default txt); files go by their extension
                  export: the file format (w3c = W3C Web Annotation JSON-LD, qdpx = REFI-QDA project)
  --what W        export: what to export (default: report where the format holds one; see README: "Exports")
  --out FILE      write FILE (atomically: all of it or nothing, also on Ctrl+C) instead of printing; required for qdpx
  --lang L        export: language of headings and labels, zh or en (default: from LANG)
  --top N         suggest: how many candidate terms to list, best first (default 30)
  --no-color      plain output even on a terminal (NO_COLOR is honoured too)
  --sidecar-folder ROOT  annotations: sidecars live under ROOT/.tension/ (tensionLens.sidecar.location = folder)
  --term/--pole/--axis ID, --tag LABEL, --text STRING
                  kwic: what to line up (one of them, or --query)
  --query Q       kwic: a query, e.g. 'pole:open NEAR/20 pole:profit', 'term:open-source AND tag:争议焦点',
                  'axis:mission-profit WITHIN sentence' (see README: "Concordance queries")
  --width N       kwic: UTF-16 units of context each side (default 20)
  --sort S        kwic: left (left context, nearest character first), right, file or position (default)
  --window W      cooccur: count per sentence (default), paragraph or section
  --of O          cooccur: poles (default), tags (from the sidecars) or both
  --cooccur       export --format html: add the co-occurrence matrix (--window, --of as for cooccur)
  --kwic Q        export --format html: add the concordance of the query Q (--width, --sort as for kwic)
  --coders A,B    agreement: the two coders compared (their sidecars a.md.tension.A.json, a.md.tension.B.json);
                  default: the two coders found
  --coder NAME|all  export: NAME's annotations (a.md.tension.NAME.json), or all: the single sidecar and every
                  coder's, each annotation with its coder; default: the single sidecar a.md.tension.json
  -h, --help      this help
  -v, --version   the version

Progress (files, MB, rate, time left) is shown on stderr when it is a terminal and the output is not piped.

Exit status: 0 success, 1 a file could not be read, 2 usage error or unusable lexicon, 130 interrupted (Ctrl+C),
143 stopped by SIGTERM, 129 by SIGHUP (scan, stats, export, kwic, cooccur and suggest stop their workers and leave no
--out file behind).`;

/** The commands that take PATHs (import takes FILEs and has its own parser). */
const COMMANDS = ['scan', 'stats', 'annotations', 'export', 'kwic', 'cooccur', 'agreement', 'suggest'] as const;
const COMMAND_LIST = `${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS[COMMANDS.length - 1]}`;

/** Thrown for a command line we cannot run; printed with a hint and exit code 2. */
class UsageError extends Error {}

interface Output {
  /** Prints a line (the newline is added). */
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (colours, progress). */
  isTTY: boolean;
  /** Writes output as is; a promise while the pipe drains. Without it, the output is printed with `out` at the end. */
  write?: (chunk: string | Uint8Array) => void | Promise<void>;
  /** Raw stderr, given when it is a terminal: the progress line goes there. */
  progress?: (chunk: string) => void;
  /** Aborted on Ctrl+C, SIGTERM or SIGHUP, with the signal's name as its reason. */
  signal?: AbortSignal;
}

/** `--out` could not be opened or written: reported with the reason and the fix, exit 1. */
class OutputError extends Error {
  constructor(readonly target: string, override readonly cause: unknown) {
    super(`cannot write ${target}`);
  }
}

/** Opens `--out` for an atomic write, as an `OutputError` when its folder is missing or not writable. */
function openOutput(target: string): AtomicOutput {
  try {
    return new AtomicOutput(target);
  } catch (e) {
    throw new OutputError(target, e);
  }
}

/** Runs the CLI and returns its exit code (kept apart from `process` so tests can call it). */
export async function run(argv: readonly string[], io: Output): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (e) {
    if (isCliError(e, 'Interrupted')) {
      const { message, code } = stopped(io.signal?.reason, argv.some((a) => a === '--out' || a.startsWith('--out=')));
      io.err(message);
      return code;
    }
    if (e instanceof OutputError) {
      io.err(writeError(e.target, e.cause));
      return 1;
    }
    if (e instanceof MergeError) {
      io.err(`tension-lens: cannot merge: ${e.message}`);
      return 1;
    }
    if (e instanceof UsageError || isCliError(e, 'AgreementUsageError')) {
      io.err(`tension-lens: ${e.message}\nRun 'tension-lens --help' for usage.`);
      return 2;
    }
    if (isCliError(e, 'LexiconError')) {
      io.err(`tension-lens: lexicon not usable:\n${e.message}`);
      return 2;
    }
    throw e;
  }
}

async function runCommand(argv: readonly string[], io: Output): Promise<number> {
  // import has its own options (--force, --out DIR): it parses its arguments itself.
  if (argv[0] === 'import') return runImportCommand(argv.slice(1), io);
  // codebook has its own actions and options (export|import, --codebook, --yes).
  if (argv[0] === 'codebook') return (await loadPart('codebook')).runCodebookCommand(argv.slice(1), io, VERSION);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (!command) throw new UsageError(`missing command (${COMMAND_LIST})`);
  const retrieval = command === 'kwic' || command === 'cooccur';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}' (expected ${COMMAND_LIST})`);
  if (values.coders !== undefined && command !== 'agreement') throw new UsageError('--coders is for agreement: tension-lens agreement --coders A,B PATH...');
  if (values.coder !== undefined && command !== 'export') throw new UsageError('--coder is for export: tension-lens export --format csv --coder alice|all PATH...');
  if (values.coder !== undefined && values.coder.trim() === '') throw new UsageError('--coder needs a coder\'s name or all, e.g. --coder alice');
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH (a file, a directory, or - for stdin)`);
  const encoding = values.encoding ?? 'auto';
  if (!isEncodingChoice(encoding)) throw new UsageError(`--encoding must be auto, utf-8, gb18030 or big5, not '${encoding}'`);
  if (values.jsonl && command !== 'scan') throw new UsageError('--jsonl is for scan (stats prints one object: use --json)');
  if (values.json && values.jsonl) throw new UsageError('choose --json or --jsonl, not both');
  if (values.by !== undefined && command !== 'stats' && command !== 'export') throw new UsageError('--by is for stats and export: tension-lens stats --json --by source PATH...');
  const by = values.by === undefined || values.merge ? undefined : parseGroupBy(values.by);
  if (by && 'error' in by) throw new UsageError(`--by: ${by.error}`);
  if (values.merge && command !== 'stats') throw new UsageError('--merge is for stats: tension-lens stats --merge SHARD.json...');
  // A mistyped root would read as "no annotations" everywhere: say so instead.
  const sidecarRoot = values['sidecar-folder'];
  if (sidecarRoot !== undefined && !fs.statSync(sidecarRoot, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--sidecar-folder ${sidecarRoot}: no such folder (give the workspace folder that holds .tension/)`);
  }
  const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not '${values.jobs ?? ''}'`);
  if (values.top !== undefined && command !== 'suggest') throw new UsageError('--top is for suggest');
  const top = values.top === undefined ? 30 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a whole number of at least 1, not '${values.top ?? ''}'`);
  if (values.jobs !== undefined && (command === 'annotations' || command === 'agreement')) {
    throw new UsageError(`--jobs is for scan, stats, export, kwic, cooccur and suggest; ${command} runs in one thread`);
  }
  if ((values.cooccur || values.kwic !== undefined) && command !== 'export') {
    throw new UsageError(`--${values.cooccur ? 'cooccur' : 'kwic'} is for export --format html (the ${values.cooccur ? 'cooccur' : 'kwic'} command prints the same on its own)`);
  }
  if (command === 'export') {
    const { format, what, out, lang, lexicon } = values;
    let sections;
    try {
      sections = parseExportSections(values, lexicon ?? []);
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(e.message);
      throw e;
    }
    const { runExportCommandWithJobs } = await loadPart('export');
    return runExportCommandWithJobs(paths, {
      ...sections,
      lexicon: lexicon ?? [], version: VERSION, encoding, jobs, ...(io.signal ? { signal: io.signal } : {}), ...(format === undefined ? {} : { format }), ...(what === undefined ? {} : { what }),
      ...(out === undefined ? {} : { out }), ...(lang === undefined ? {} : { lang }), ...(by && !('error' in by) ? { groupBy: by } : {}),
      ...(values['sidecar-folder'] === undefined ? {} : { sidecarFolder: values['sidecar-folder'] }),
      ...(values.coder === undefined ? {} : { coder: values.coder.trim() }),
    }, io);
  }
  if (command === 'agreement') {
    const root = values['sidecar-folder'];
    const { runAgreementCommand } = await loadPart('agreement');
    return runAgreementCommand(paths, {
      json: values.json ?? false, ...(values.coders === undefined ? {} : { coders: values.coders.split(',') }),
      ...(root === undefined ? {} : { location: 'folder', workspaceRoot: root }),
    }, io);
  }
  if (command === 'annotations') {
    const root = values['sidecar-folder'];
    const { runAnnotationsCommand } = await loadPart('annotations');
    return runAnnotationsCommand(paths, io, root === undefined ? {} : { location: 'folder', workspaceRoot: root });
  }
  const lexicon = loadLexicon(values.lexicon ?? []);
  const color = io.isTTY && values.out === undefined && !values['no-color'] && !process.env.NO_COLOR;
  const c = palette(color);
  if (values.merge) {
    const merged = mergeStats(paths.map(readShard));
    const text = values.json ? JSON.stringify(merged) : statsSummary(merged.files.length, merged.counts, lexicon, c, merged.groups);
    return writeAll(values.out, `${text}\n`, io);
  }
  const stdinFormat = values.format === undefined ? 'plaintext' : values.format === 'md' || values.format === 'markdown' ? 'markdown'
    : values.format === 'txt' || values.format === 'plaintext' ? 'plaintext' : undefined;
  if (!stdinFormat) throw new UsageError(`--format must be md or txt, not '${values.format ?? ''}'`);

  if (retrieval) {
    let request;
    try {
      request = parseRetrieval(command, values, { lexiconFiles: values.lexicon ?? [], encoding, stdinFormat, color }, jobs);
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(e.message);
      throw e;
    }
    const target = values.out === undefined ? undefined : openOutput(values.out);
    const showProgress = io.progress && (io.isTTY || target !== undefined) ? io.progress : undefined;
    let text = '';
    const write = target ? (chunk: string | Uint8Array) => target.write(chunk) : io.write ?? ((chunk: string | Uint8Array) => void (text += String(chunk)));
    try {
      const failed = await runRetrieval(request, paths, {
        write, err: io.err, ...(showProgress ? { progress: showProgress } : {}), ...(io.signal ? { signal: io.signal } : {}),
      }, c);
      if (target) target.commit();
      else if (!io.write && text) io.out(text.replace(/\n$/, ''));
      return failed > 0 ? 1 : 0;
    } catch (e) {
      target?.discard();
      if (e instanceof QueryError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (command === 'suggest') {
    const showSuggestProgress = io.progress && (io.isTTY || values.out !== undefined) ? io.progress : undefined;
    const { suggestions, failed } = await suggestTerms(paths, {
      lexicon, lexiconFiles: values.lexicon ?? [], encoding, stdinFormat, jobs, top,
    }, { err: io.err, ...(showSuggestProgress ? { progress: showSuggestProgress } : {}), ...(io.signal ? { signal: io.signal } : {}) });
    await writeAll(values.out, `${values.json ? suggestJson(suggestions) : suggestText(suggestions, lexicon, c)}\n`, io);
    return failed > 0 ? 1 : 0;
  }
  const output = command === 'stats' ? 'none' : values.jsonl ? 'jsonl' : values.json ? 'json' : 'text';
  const task = command === 'stats' ? 'stats' : output === 'text' ? 'scan-text' : 'scan-json';
  const tables = by ? new VariableTables() : undefined;
  const groupOf = by && tables ? (file: string, frontMatter: ArticleVariables): string | null => groupValue(mergeVariables(frontMatter, tables.variablesOf(file)), by) : undefined;
  const target = values.out === undefined ? undefined : openOutput(values.out);
  // Progress only where a person watches: stderr on a terminal, and the output not going down a pipe.
  const showProgress = io.progress && (io.isTTY || target !== undefined) ? io.progress : undefined;
  let buffered = '';
  const utf8 = new TextDecoder();
  const write: (chunk: string | Uint8Array) => void | Promise<void> = target ? (chunk) => target.write(chunk)
    : io.write ?? ((chunk) => void (buffered += typeof chunk === 'string' ? chunk : utf8.decode(chunk)));
  try {
    const result = await runCorpus({
      options: { task, lexiconFiles: values.lexicon ?? [], encoding, stdinFormat, color, ...(by ? { variables: true } : {}) },
      jobs, output, ...(groupOf ? { groupOf } : {}),
    }, paths, { write, err: io.err, ...(showProgress ? { progress: showProgress } : {}), ...(io.signal ? { signal: io.signal } : {}) });
    if (command === 'stats') {
      for (const p of tables?.problems ?? []) io.err(`tension-lens: ${formatVariableProblem(p)}`);
      if (by && result.files.length > 0 && result.groups?.every((g) => g.value === null)) {
        io.err(`tension-lens: no article has a value for '${by.key}' (front matter or tension-variables.csv), so all of them are in the group without a value`);
      }
      const grouping = by && result.groups ? { by: groupByText(by), groups: result.groups } : {};
      const text = values.json ? JSON.stringify({ version: 1, files: result.files, counts: result.counts, encodings: result.encodings, ...grouping })
        : statsSummary(result.files.length, result.counts, lexicon, c, result.groups);
      await write(`${text}\n`);
    }
    if (target) target.commit();
    else if (!io.write && buffered) io.out(buffered.replace(/\n$/, ''));
    return result.failed > 0 ? 1 : 0;
  } catch (e) {
    target?.discard();
    throw e;
  }
}

/** Prints `text`, or writes it to `out` atomically. */
async function writeAll(out: string | undefined, text: string, io: Output): Promise<number> {
  if (out !== undefined) {
    const target = openOutput(out);
    target.write(text);
    target.commit();
  } else if (io.write) await io.write(text);
  else io.out(text.replace(/\n$/, ''));
  return 0;
}

/** Writes to stdout, waiting for the pipe to drain when it is full, so a slow reader bounds the memory too. */
function writeStdout(chunk: string | Uint8Array): void | Promise<void> {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

if (require.main === module) {
  const interrupt = new AbortController();
  // Ctrl+C, SIGTERM, SIGHUP: the workers stop at once, --out's temp file is removed, and the exit code says which.
  // A second signal finds no handler and ends the process at once.
  if (stopsCleanly(process.argv.slice(2))) for (const signal of STOP_SIGNALS) process.once(signal, () => interrupt.abort(signal));
  // The reader went away (\`| head\`): stop quietly, as a command killed by SIGPIPE does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void run(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    write: writeStdout,
    isTTY: process.stdout.isTTY,
    ...(process.stderr.isTTY ? { progress: (chunk: string) => process.stderr.write(chunk) } : {}),
    signal: interrupt.signal,
  }).then((code) => {
    process.exitCode = code;
  });
}
