/**
 * `npm run bench` — measures the matcher, full and incremental analysis, the extension's footprint and the
 * annotation store on deterministic inputs made from the seed articles. A thin driver: each measurement lives
 * in its own module.
 *
 *   npm run bench                      full run (a few minutes), tables + targets
 *   npm run -s bench -- --json         the same, one JSON object on stdout (-s: without npm's banner)
 *   npm run bench -- --quick           the same code on tiny sizes, in seconds (what the smoke test runs)
 *   npm run bench -- --only=matcher,analysis   run some sections (matcher, analysis, incremental, extension, annotations, dashboard, webview, corpus)
 *   npm run bench -- --only=webview  the dashboard's Article tab in headless Chromium (--quick leaves it out unless named)
 *   npm run bench -- --only=corpus --corpus-articles=5000   the CLI over a corpus of that many articles (default 2,000)
 *   npm run bench -- --only=corpus --corpus-full            the corpus: 20,000 articles, about 135 MB
 *   npm run bench -- --only=concordance [--quick]           kwic --pole over 10,000 articles (--quick: 300) against an indexOf scan
 *
 * Progress goes to stderr, so `--json` output can be piped.
 */
import os from 'node:os';
import { benchAnalysis } from './analysis';
import { FORK_FLAG, forkedAnalysis } from './forks';
import { benchAnnotations } from './annotations';
import { type ConcordanceResult, benchConcordance } from './concordance';
import { type CorpusResult, benchCorpus } from './corpus';
import { type DashboardResult, benchDashboard } from './dashboard';
import { type DashboardScanResult, benchDashboardScan } from './dashboardScan';
import { bundleSize, heapPerMB, readHostFigures } from './extension';
import { benchIncremental } from './incremental';
import { KiB, type Layout, MiB, article, formCount, formatOf, lexiconWithForms, sizeLabel } from './inputs';
import { benchMatchers } from './matcher';
import { type WebviewResult, benchWebview } from './webview';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type BenchResults, type SizedAnalysisRow, type SizedMatcherRow, toJson, toText } from './report';
import { type RunPlan, nowMs } from './stats';
import { type Lexicon, builtinLexicon } from '../src/core';

const SECTIONS = ['matcher', 'analysis', 'incremental', 'extension', 'annotations', 'dashboard', 'webview', 'corpus', 'concordance'] as const;
type Section = (typeof SECTIONS)[number];

/** Sizes and repetitions of one mode. */
interface Config {
  readonly sizes: readonly number[];
  /** Lexicon sizes in surface forms; 0 = the built-in lexicon as it is. */
  readonly lexicons: readonly number[];
  readonly incrementalSize: number;
  readonly annotationSize: number;
  readonly plan: RunPlan;
  /** For inputs of 10 MB, where each run takes seconds. */
  readonly bigPlan: RunPlan;
  readonly incrementalPlan: RunPlan;
  /** Longest time a baseline matcher may take on one row (warm-up + runs) before it is timed on a prefix. */
  readonly baselineBudgetMs: number;
  readonly diagnostics: boolean;
  /** Fresh processes each analysis row is measured in (forks.ts says why). */
  readonly forks: number;
}

const FULL: Config = {
  sizes: [100 * KiB, MiB, 10 * MiB], lexicons: [0, 2000, 10_000], incrementalSize: 5 * MiB, annotationSize: MiB,
  plan: { warmup: 2, warmupMs: 1000, runs: 7 }, bigPlan: { warmup: 1, runs: 5 }, incrementalPlan: { warmup: 2, warmupMs: 1000, runs: 11 },
  baselineBudgetMs: 15_000, diagnostics: true, forks: 3,
};

const QUICK: Config = {
  sizes: [16 * KiB, 64 * KiB], lexicons: [0, 2000], incrementalSize: 128 * KiB, annotationSize: 64 * KiB,
  plan: { warmup: 1, warmupMs: 50, runs: 5 }, bigPlan: { warmup: 1, runs: 5 }, incrementalPlan: { warmup: 1, warmupMs: 50, runs: 5 },
  baselineBudgetMs: 1_000, diagnostics: false, forks: 1,
};

const startedAt = nowMs();

function progress(message: string): void {
  process.stderr.write(`bench: ${((nowMs() - startedAt) / 1000).toFixed(1).padStart(5)} s  ${message}\n`);
}

/** The corpus: 20,000 articles, about 135 MB; the default is a tenth of it, which runs in seconds. */
const FULL_CORPUS = 20_000;
const DEFAULT_CORPUS = 2_000;
const QUICK_CORPUS = 60;

function parseArgs(argv: readonly string[]): { quick: boolean; json: boolean; only: ReadonlySet<Section>; corpusArticles: number } {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = (only ?? []).filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections are ${SECTIONS.join(', ')}`);
  const quick = argv.includes('--quick');
  // A quick run (the unit suite's smoke test) starts no browser unless the webview section is asked for by name.
  // The concordance section writes a 10,000-article corpus: a quick run leaves it out unless named, too.
  const all = quick ? SECTIONS.filter((s) => s !== 'webview' && s !== 'concordance') : SECTIONS;
  const asked = argv.find((a) => a.startsWith('--corpus-articles='))?.slice('--corpus-articles='.length);
  const corpusArticles = argv.includes('--corpus-full') ? FULL_CORPUS : asked !== undefined ? Number(asked) : quick ? QUICK_CORPUS : DEFAULT_CORPUS;
  if (!Number.isInteger(corpusArticles) || corpusArticles < 1) throw new Error(`--corpus-articles must be a whole number of at least 1, not '${asked ?? ''}'`);
  return { quick, json: argv.includes('--json'), only: new Set((only ?? all) as Section[]), corpusArticles };
}

/** A fork (see forks.ts): measures one analysis row, prints it as JSON, and nothing else. */
function analysisFork(spec: string, quick: boolean): void {
  const [layout, bytes] = spec.split(':') as [Layout, string];
  const config = quick ? QUICK : FULL;
  const size = Number(bytes);
  const text = article(layout, size);
  const row = benchAnalysis(layout, text, formatOf(layout), Buffer.byteLength(text, 'utf8'), builtinLexicon, size >= 10 * MiB ? config.bigPlan : config.plan);
  process.stdout.write(JSON.stringify(row));
}

async function main(): Promise<void> {
  const fork = process.argv.find((a) => a.startsWith(FORK_FLAG));
  if (fork) {
    analysisFork(fork.slice(FORK_FLAG.length), process.argv.includes('--quick'));
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const config = args.quick ? QUICK : FULL;
  const run = (s: Section) => args.only.has(s);
  const started = nowMs();
  // Other work on the machine skews every figure: the report says how busy it was.
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' ');

  // Inputs: built once, shared by every section, so every figure is measured on the same text.
  const texts = new Map<string, string>();
  const textOf = (layout: Layout, size: number): string => {
    const key = `${layout}:${size}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = article(layout, size)));
    return text;
  };
  const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
  const lexicons = config.lexicons.map((forms) => ({ forms, lexicon: lexiconWithForms(forms), label: forms === 0 ? 'built-in' : forms.toLocaleString('en') }));
  const builtinForms = formCount(builtinLexicon);
  const planFor = (size: number): RunPlan => (size >= 10 * MiB ? config.bigPlan : config.plan);

  const matcher: SizedMatcherRow[] = [];
  if (run('matcher')) {
    for (const size of config.sizes) {
      const text = textOf('markdown', size);
      // A generated size not above the built-in lexicon's is the built-in lexicon itself (lexiconWithForms returns
      // it): its row is the built-in row, not measured twice (the RegExp baseline dominates the quick run's time).
      const measured = new Map<Lexicon, ReturnType<typeof benchMatchers>>();
      for (const { lexicon, label } of lexicons) {
        progress(`matcher ${sizeLabel(size)} × ${label}`);
        const row = measured.get(lexicon) ?? benchMatchers(text, utf8(text), lexicon, formCount(lexicon), planFor(size), config.baselineBudgetMs);
        measured.set(lexicon, row);
        matcher.push({ ...row, nominalBytes: size, lexicon: label });
      }
    }
  }

  const analysis: SizedAnalysisRow[] = [];
  const analysisDiagnostics: SizedAnalysisRow[] = [];
  if (run('analysis')) {
    const forked = (layout: Layout, size: number): SizedAnalysisRow => ({ ...forkedAnalysis(layout, size, args.quick, config.forks), nominalBytes: size });
    for (const layout of ['markdown', 'plaintext'] as const) {
      for (const size of config.sizes) {
        progress(`analysis ${layout} ${sizeLabel(size)} (${config.forks} forks)`);
        analysis.push(forked(layout, size));
      }
    }
    if (config.diagnostics) {
      for (const layout of ['markdown-seed', 'markdown-emphasis'] as const) {
        progress(`analysis ${layout} 1 MB (diagnostic, ${config.forks} forks)`);
        analysisDiagnostics.push(forked(layout, MiB));
      }
    }
  }

  const incremental: BenchResults['incremental'][number][] = [];
  if (run('incremental')) {
    for (const layout of ['markdown', 'plaintext'] as const) {
      progress(`incremental ${layout} ${sizeLabel(config.incrementalSize)}`);
      const text = textOf(layout, config.incrementalSize);
      incremental.push({ ...benchIncremental(text, formatOf(layout), utf8(text), builtinLexicon, config.incrementalPlan), nominalBytes: config.incrementalSize });
    }
  }

  let host = readHostFigures();
  let bundle: BenchResults['bundle'] = { bytes: null, note: 'n/a (section not run)' };
  const heapSize = config.sizes[1] ?? MiB;
  let heap: BenchResults['heap'] = { bytesPerMB: null, stat: null, withViews: null, sizeBytes: heapSize };
  if (run('extension')) {
    progress('extension: bundle size, heap');
    bundle = bundleSize();
    const text = textOf('markdown', heapSize);
    heap = { ...heapPerMB(text, 'markdown', utf8(text), builtinLexicon, 5), sizeBytes: heapSize };
  } else {
    host = { activationMs: null, openToDecorationsMs: null, editToDecorationsMs: null, source: 'n/a (section not run)' };
  }

  let annotations: BenchResults['annotations'] = { reanchor1000: null, sidecar10000: null, parse10000: null, serialize10000: null, note: 'n/a (section not run)' };
  if (run('annotations')) {
    progress('annotations');
    annotations = benchAnnotations(textOf('markdown', config.annotationSize), config.plan);
  }

  let dashboard: DashboardResult | null = null;
  let dashboardScan: DashboardScanResult | null = null;
  if (run('dashboard')) {
    const articles = args.quick ? 50 : 1000;
    progress(`dashboard: ${articles} articles`);
    // 1,000 articles of ~4 KB each (a 4 MB workspace), cut from the Markdown corpus.
    dashboard = benchDashboard(textOf('markdown', args.quick ? (config.sizes[1] ?? 64 * KiB) : 4 * MiB), articles, builtinLexicon, config.plan);
    const many = args.quick ? 200 : 10_000;
    progress(`dashboard: ${many.toLocaleString('en')} articles, worker thread and host thread`);
    // The smoke run (--quick) takes the worker bundle as built when there is one: a build costs seconds it has not.
    const built = args.quick && fs.existsSync(path.join(process.cwd(), 'dist', 'row-worker.js'));
    const build = built ? { status: 0 } : spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: process.cwd(), stdio: 'inherit' });
    if (build.status === 0) dashboardScan = await benchDashboardScan(process.cwd(), textOf('markdown', many * 4 * KiB), many, builtinLexicon);
  }

  let webview: WebviewResult | null = null;
  if (run('webview')) {
    const root = process.cwd();
    const seed = fs.readFileSync(path.join(root, 'test', 'fixtures', 'workspace', 'ai-lab-expert-departure.md'), 'utf8');
    const sizes = args.quick ? [64 * KiB] : [MiB, 10 * MiB];
    webview = await benchWebview(root, path.join(root, 'out', 'bench', 'dashboard.js'),
      [{ label: 'seed article', text: seed }, ...sizes.map((size) => ({ label: `${sizeLabel(size)} markdown`, text: textOf('markdown', size) }))],
      builtinLexicon, args.quick ? 2 : 5, progress);
  }
  let corpus: CorpusResult | null = null;
  if (run('corpus')) corpus = benchCorpus(args.corpusArticles, args.quick ? 1 : 3, progress);
  let concordance: ConcordanceResult | null = null;
  if (run('concordance')) concordance = await benchConcordance(args.quick ? 300 : 10_000, args.quick ? 1 : 3, progress);

  const sample = textOf('markdown', config.sizes[0] ?? 16 * KiB);
  const results: BenchResults = {
    mode: args.quick ? 'quick' : 'full',
    environment: `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, `
      + `load average ${loadAtStart} at start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at end, ${new Date().toISOString()}`,
    inputs: [
      'Articles: the two seed articles split into blocks (paragraphs, headings, quotes, bullets), each also in Traditional',
      '  (opencc cn→tw), shuffled by block with a seeded PRNG, pass after pass; from the second pass on each block\'s',
      '  sentences are reordered and short blocks numbered, so no paragraph repeats (the analyzer memoizes chunks by text).',
      '  Layouts: markdown = blocks separated by blank lines, ##/### headings, > quotes, - bullets (a realistic Markdown',
      '  file); plaintext = the .txt seed\'s layout; markdown-seed = the .md seed\'s layout, no blank lines (diagnostic);',
      '  markdown-emphasis = markdown with the first four characters of every fourth paragraph in **bold** (diagnostic).',
      `  Sizes are UTF-8 bytes; ${sizeLabel(config.sizes[0] ?? 0)} of markdown = ${sample.length.toLocaleString('en')} UTF-16 chars.`,
      `Lexicons: built-in (${builtinForms} forms); larger ones add distinct 2–4 character Han n-grams of the seeds that contain no`,
      '  function character (的, 了, 是 …), drawn with a seeded PRNG; a "term" is one surface form.',
    ],
    matcher, analysis, analysisDiagnostics, incremental, host, bundle, heap, annotations, dashboard, dashboardScan, webview, corpus, concordance,
    elapsedSeconds: (nowMs() - started) / 1000,
  };
  process.stdout.write(`${args.json ? JSON.stringify(toJson(results), null, 2) : toText(results)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
