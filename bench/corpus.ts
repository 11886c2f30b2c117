/**
 * The corpus section: the CLI over a directory of articles, as a researcher runs it on an archive. A synthetic
 * corpus cut from the generated Markdown (distinct paragraphs), ripgrep on the same files and forms as the baseline
 * measured in the same run, `stats --json` per job count, and the peak memory of `scan --jsonl` and `scan --json`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MiB, article } from './inputs';
import { type Stat, nowMs, summarize } from './stats';
import { builtinLexicon } from '../src/core';

/** One timed command: its median and spread, and MB/s over the corpus. */
export interface CorpusTiming {
  readonly label: string;
  readonly jobs: number | null;
  readonly stat: Stat;
  readonly MBps: number;
}

/**
 * CPU time per thread of one `stats --json` run, from /proc/<pid>/task/<tid>/schedstat (time on a CPU, which the
 * load of a shared machine does not inflate): the main thread, the `jobs - 1` busiest other threads (the workers:
 * `--jobs N` is the main thread and N - 1 workers) and the rest (V8's helper threads: garbage collection, JIT).
 */
export interface ThreadCpu {
  readonly jobs: number;
  readonly mainMs: number;
  readonly workersMs: readonly number[];
  readonly helpersMs: number;
  readonly totalMs: number;
}

export interface CorpusResult {
  readonly articles: number;
  readonly bytes: number;
  readonly forms: number;
  /** ripgrep's timing, or why it was not measured. */
  readonly ripgrep: CorpusTiming | { readonly note: string };
  readonly ripgrepMatches: number | null;
  readonly stats: readonly CorpusTiming[];
  /**
   * stats --json with 1 and 2 jobs over the corpus named three times on the command line: what the start-up of each
   * thread weighs once the run is three times longer (the same files, so the same page cache).
   */
  readonly threeTimes: readonly CorpusTiming[];
  readonly statsTerms: number;
  /** Per-thread CPU of stats --json per job count (Linux only, else empty). */
  readonly threadCpu: readonly ThreadCpu[];
  /** Peak resident memory (bytes) of the whole CLI process, workers included, with all cores. */
  readonly scanJsonlPeakRss: number;
  readonly scanJsonlMs: number;
  readonly scanJsonPeakRss: number;
  readonly scanJsonlOutputBytes: number;
  readonly cores: number;
}

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

/** Writes `articles` Markdown files of about `perArticle` bytes each, cut at paragraph ends, into 100 folders. */
export function writeCorpus(dir: string, articles: number, perArticle: number): number {
  const text = article('markdown', articles * perArticle);
  const paragraphs = text.split('\n\n');
  let at = 0;
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const parts: string[] = [];
    let size = 0;
    while (size < perArticle && at < paragraphs.length) {
      const p = paragraphs[at++] ?? '';
      parts.push(p);
      size += Buffer.byteLength(p, 'utf8') + 2;
    }
    if (parts.length === 0) parts.push(paragraphs[i % paragraphs.length] ?? '开源');
    const sub = path.join(dir, `d${String(i % 100).padStart(2, '0')}`);
    if (i < 100) fs.mkdirSync(sub, { recursive: true });
    const body = `${parts.join('\n\n')}\n`;
    fs.writeFileSync(path.join(sub, `a${String(i).padStart(5, '0')}.md`), body);
    bytes += Buffer.byteLength(body, 'utf8');
  }
  return bytes;
}

/** Every surface form of the built-in lexicon, one per line: what `rg -F -f` searches for. */
function formsFile(dir: string): { file: string; forms: number } {
  const forms = new Set<string>();
  for (const axis of builtinLexicon.axes) for (const pole of axis.poles) for (const term of pole.terms) for (const f of term.forms) forms.add(f);
  const file = path.join(dir, 'forms.txt');
  fs.writeFileSync(file, `${[...forms].join('\n')}\n`);
  return { file, forms: forms.size };
}

function ripgrep(): string | undefined {
  for (const candidate of ['/usr/bin/rg', '/usr/local/bin/rg']) if (fs.existsSync(candidate)) return candidate;
  const which = spawnSync('which', ['rg'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** Runs a command `runs` times after one warm-up (which also fills the page cache); its output is read and dropped. */
function time(command: string, args: readonly string[], runs: number, check: (stdout: Buffer, status: number | null) => void): Stat {
  return timeInTurn([{ command, args, check }], runs)[0] as Stat;
}

interface Timed {
  readonly command: string;
  readonly args: readonly string[];
  readonly check: (stdout: Buffer, status: number | null) => void;
}

/**
 * Times several commands in turn, round after round (one warm-up round first): a ratio between two of them then
 * compares runs taken minutes apart no more than seconds apart, so a change in the machine's load moves both.
 */
function timeInTurn(commands: readonly Timed[], runs: number): Stat[] {
  const samples: number[][] = commands.map(() => []);
  for (let round = 0; round <= runs; round++) {
    commands.forEach(({ command, args, check }, k) => {
      const start = nowMs();
      const r = spawnSync(command, args, { maxBuffer: 2 * 1024 * MiB, stdio: ['ignore', 'pipe', 'pipe'] });
      const elapsed = nowMs() - start;
      check(r.stdout, r.status);
      if (round > 0) samples[k]?.push(elapsed);
    });
  }
  return samples.map((s) => summarize(s));
}

/** Peak RSS (bytes) of the CLI run with `args`, stdout to /dev/null, read from the process itself as it exits. */
function peakRss(dir: string, args: readonly string[]): { rss: number; ms: number; outputBytes: number } {
  const preload = path.join(dir, 'peak-rss.js');
  const report = path.join(dir, 'peak-rss.txt');
  // maxRSS covers the whole process: the main thread and every worker thread.
  fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const outFile = path.join(dir, 'scan-output');
  const out = fs.openSync(outFile, 'w');
  const start = nowMs();
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], { stdio: ['ignore', out, 'pipe'] });
  const ms = nowMs() - start;
  fs.closeSync(out);
  if (r.status !== 0) throw new Error(`tension-lens ${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
  const outputBytes = fs.statSync(outFile).size;
  fs.rmSync(outFile);
  return { rss: Number(fs.readFileSync(report, 'utf8')), ms, outputBytes };
}

const SAMPLER = `const { spawn } = require('child_process'); const fs = require('fs');
const [cmd, ...args] = JSON.parse(process.argv[2]);
const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const seen = new Map();
const poll = () => { try { for (const tid of fs.readdirSync('/proc/' + child.pid + '/task')) { try { seen.set(tid, Number(fs.readFileSync('/proc/' + child.pid + '/task/' + tid + '/schedstat', 'utf8').split(' ')[0])); } catch {} } } catch {} };
const timer = setInterval(poll, 2);
child.on('exit', (code) => { clearInterval(timer); process.stdout.write(JSON.stringify({ code, main: seen.get(String(child.pid)) || 0, threads: [...seen].filter(([t]) => t !== String(child.pid)).map(([, ns]) => ns) })); });
`;

/** The CPU time of each thread of `tension-lens stats --json --jobs N` (sampled every 2 ms), or undefined off Linux. */
function threadCpu(dir: string, corpus: string, jobs: number): ThreadCpu | undefined {
  if (!fs.existsSync('/proc/self/task')) return undefined;
  const sampler = path.join(dir, 'thread-cpu.js');
  fs.writeFileSync(sampler, SAMPLER);
  const r = spawnSync(process.execPath, [sampler, JSON.stringify([process.execPath, cli, 'stats', '--json', '--jobs', String(jobs), corpus])], { encoding: 'utf8' });
  const { code, main, threads } = JSON.parse(r.stdout) as { code: number; main: number; threads: number[] };
  if (code !== 0) throw new Error(`stats --jobs ${jobs} exited ${code}`);
  const sorted = [...threads].sort((a, b) => b - a);
  const workers = jobs > 1 ? sorted.slice(0, jobs - 1) : [];
  const helpers = (jobs > 1 ? sorted.slice(jobs - 1) : sorted).reduce((a, b) => a + b, 0);
  const total = main + threads.reduce((a, b) => a + b, 0);
  return { jobs, mainMs: main / 1e6, workersMs: workers.map((ns) => ns / 1e6), helpersMs: helpers / 1e6, totalMs: total / 1e6 };
}

/**
 * Measures the CLI on a corpus of `articles` articles of about 6.9 KB (the corpus: 20,000 articles, 135 MB).
 * `progress` reports each step on stderr.
 */
export function benchCorpus(articles: number, runs: number, progress: (message: string) => void): CorpusResult {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed: the corpus section runs dist/cli.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-bench-corpus-'));
  try {
    const corpus = path.join(dir, 'corpus');
    progress(`corpus: writing ${articles.toLocaleString('en')} articles`);
    const bytes = writeCorpus(corpus, articles, 6900);
    const { file: forms, forms: formCount } = formsFile(dir);
    const MB = bytes / MiB;
    const rate = (stat: Stat): number => MB / (stat.median / 1000);

    const rg = ripgrep();
    let ripgrepTiming: CorpusResult['ripgrep'] = { note: 'ripgrep (rg) is not installed: no baseline' };
    let ripgrepMatches: number | null = null;
    if (rg) {
      progress('corpus: ripgrep -o -F -f forms.txt');
      const stat = time(rg, ['-o', '-F', '-f', forms, corpus], runs, (stdout) => {
        ripgrepMatches = stdout.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
      });
      ripgrepTiming = { label: 'rg -o -F -f forms.txt', jobs: null, stat, MBps: rate(stat) };
    }

    const cores = os.availableParallelism();
    const jobCounts = [...new Set([1, 2, cores])];
    let statsTerms = 0;
    const statsRun = (paths: readonly string[], jobs: number): Timed => ({
      command: process.execPath, args: [cli, 'stats', '--json', '--jobs', String(jobs), ...paths],
      check: (stdout, status) => {
        if (status !== 0) throw new Error(`stats --jobs ${jobs} exited ${status}`);
        const total = (JSON.parse(stdout.toString('utf8')) as { counts: { total: number } }).counts.total;
        if (paths.length === 1) statsTerms = total;
        else if (total !== paths.length * statsTerms) throw new Error(`stats over the corpus named ${paths.length} times counted ${total} terms, not ${paths.length} × ${statsTerms}`);
      },
    });
    progress(`corpus: stats --json --jobs ${jobCounts.join(', ')}, in turn`);
    const stats = timeInTurn(jobCounts.map((jobs) => statsRun([corpus], jobs)), runs)
      .map((stat, k) => ({ label: 'tension-lens stats --json', jobs: jobCounts[k] as number, stat, MBps: rate(stat) }));
    // The corpus named three times: three times the articles through the same start-up, read from the same page cache.
    progress('corpus: stats --json --jobs 1, 2 over the corpus named 3 times, in turn');
    const thrice = [corpus, corpus, corpus];
    const threeTimes = timeInTurn([1, 2].map((jobs) => statsRun(thrice, jobs)), runs)
      .map((stat, k) => ({ label: 'tension-lens stats --json (corpus named 3 times)', jobs: k + 1, stat, MBps: (3 * MB) / (stat.median / 1000) }));

    progress('corpus: CPU time per thread of stats --json');
    const cpu = jobCounts.map((jobs) => threadCpu(dir, corpus, jobs)).filter((t): t is ThreadCpu => t !== undefined);

    progress(`corpus: scan --jsonl --jobs ${cores}, peak RSS`);
    const jsonl = peakRss(dir, ['scan', '--jsonl', '--jobs', String(cores), corpus]);
    progress(`corpus: scan --json --jobs ${cores}, peak RSS`);
    const json = peakRss(dir, ['scan', '--json', '--jobs', String(cores), corpus]);
    return {
      articles, bytes, forms: formCount, ripgrep: ripgrepTiming, ripgrepMatches, stats, threeTimes, statsTerms, threadCpu: cpu,
      scanJsonlPeakRss: jsonl.rss, scanJsonlMs: jsonl.ms, scanJsonlOutputBytes: jsonl.outputBytes, scanJsonPeakRss: json.rss, cores,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
