import { parseArgs } from 'node:util';
import { type Analysis, type ArticleFormat, analyze, compileLexicon, formatOf, sumCounts } from '../core';
import { runAnnotationsCommand } from './annotations';
import { palette } from './colors';
import { runExportCommand } from './export';
import { FileError, collectPaths, readArticle } from './files';
import { LexiconError, loadLexicon } from './lexicon';
import { scanRecord, scanSummary, statsSummary } from './report';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `tension-lens ${VERSION} — find the tension terms of Chinese articles

Usage:
  tension-lens scan [--json] [--lexicon FILE]... [--format md|txt] PATH...
  tension-lens stats [--json] [--lexicon FILE]... PATH...
  tension-lens annotations [--sidecar-folder ROOT] PATH...
  tension-lens export --format csv|json|md|html|w3c|qdpx [--what annotations|terms|stats|sites|report]
                      [--out FILE] [--lang zh|en] [--sidecar-folder ROOT] PATH...

PATH is a file, a directory (scanned recursively for .md, .markdown, .txt) or - for stdin.

Options:
  --json          machine-readable output (see README: "CLI JSON")
  --lexicon FILE  merge a user lexicon (JSON, schemas/lexicon.schema.json) over the built-in one; repeatable
  --format F      format of stdin: md or txt (default txt); files go by their extension
                  export: the file format (w3c = W3C Web Annotation JSON-LD, qdpx = REFI-QDA project)
  --what W        export: what to export (default: report where the format holds one; see README: "Exports")
  --out FILE      export: write FILE (atomically) instead of printing; required for qdpx
  --lang L        export: language of headings and labels, zh or en (default: from LANG)
  --no-color      plain output even on a terminal (NO_COLOR is honoured too)
  --sidecar-folder ROOT  annotations: sidecars live under ROOT/.tension/ (tensionLens.sidecar.location = folder)
  -h, --help      this help
  -v, --version   the version

Exit status: 0 success, 1 a file could not be read, 2 usage error or unusable lexicon.`;

/** Thrown for a command line we cannot run; printed with a hint and exit code 2. */
class UsageError extends Error {}

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

/** Runs the CLI and returns its exit code (kept apart from `process` so tests can call it). */
export function run(argv: readonly string[], io: Output): number {
  try {
    return runCommand(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tension-lens: ${e.message}\nRun 'tension-lens --help' for usage.`);
      return 2;
    }
    if (e instanceof LexiconError) {
      io.err(`tension-lens: lexicon not usable:\n${e.message}`);
      return 2;
    }
    throw e;
  }
}

function runCommand(argv: readonly string[], io: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        lexicon: { type: 'string', multiple: true, default: [] },
        format: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        'sidecar-folder': { type: 'string' },
        what: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
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
  if (!command) throw new UsageError('missing command (scan, stats, annotations or export)');
  if (command !== 'scan' && command !== 'stats' && command !== 'annotations' && command !== 'export') throw new UsageError(`unknown command '${command}' (expected scan, stats, annotations or export)`);
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH (a file, a directory, or - for stdin)`);
  if (command === 'export') {
    const { format, what, out, lang, lexicon } = values;
    return runExportCommand(paths, {
      lexicon: lexicon ?? [], version: VERSION, ...(format === undefined ? {} : { format }), ...(what === undefined ? {} : { what }),
      ...(out === undefined ? {} : { out }), ...(lang === undefined ? {} : { lang }),
      ...(values['sidecar-folder'] === undefined ? {} : { sidecarFolder: values['sidecar-folder'] }),
    }, io);
  }
  if (command === 'annotations') {
    const root = values['sidecar-folder'];
    return runAnnotationsCommand(paths, io, root === undefined ? {} : { location: 'folder', workspaceRoot: root });
  }
  const stdinFormat = values.format === undefined ? 'plaintext' : values.format === 'md' || values.format === 'markdown' ? 'markdown'
    : values.format === 'txt' || values.format === 'plaintext' ? 'plaintext' : undefined;
  if (!stdinFormat) throw new UsageError(`--format must be md or txt, not '${values.format ?? ''}'`);

  const lexicon = loadLexicon(values.lexicon ?? []);
  const compiled = compileLexicon(lexicon);
  const c = palette(io.isTTY && !values['no-color'] && !process.env.NO_COLOR);
  const { paths: files, errors } = collectPaths(paths);
  const results: { path: string; analysis: Analysis }[] = [];
  for (const file of files) {
    try {
      const text = readArticle(file);
      const format: ArticleFormat = file === '-' ? stdinFormat : formatOf(file);
      results.push({ path: file, analysis: analyze(text, format, compiled) });
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      errors.push(e);
    }
  }
  for (const e of errors) io.err(`tension-lens: ${e.message}`);

  if (command === 'scan') {
    if (values.json) io.out(JSON.stringify({ version: 1, files: results.map((r) => scanRecord(r.path, r.analysis)) }));
    else io.out(results.map((r) => scanSummary(r.path, r.analysis, lexicon, c)).join('\n\n'));
  } else {
    const counts = sumCounts(results.map((r) => r.analysis.counts));
    if (values.json) io.out(JSON.stringify({ version: 1, files: results.map((r) => r.path), counts }));
    else io.out(statsSummary(results.length, counts, lexicon, c));
  }
  return errors.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    isTTY: process.stdout.isTTY,
  });
}
