/**
 * The concordance section: `tension-lens kwic --pole open` over a synthetic corpus (cut from the generated Markdown,
 * 10,000 articles of about 4 KB by default), timed to its first line on stdout and to its end, against a plain
 * indexOf scan of the same files for the same pole's forms (one Node process, files read in path order, a line
 * printed per match as found) measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinLexicon } from '../src/core';
import { writeCorpus } from './corpus';
import { type Stat, summarize } from './stats';

/** One command's timings: first output byte and exit, over the timed runs; how many lines it printed. */
export interface StreamTiming {
  readonly label: string;
  readonly first: Stat;
  readonly complete: Stat;
  readonly lines: number;
}

export interface ConcordanceResult {
  readonly articles: number;
  readonly bytes: number;
  readonly pole: string;
  readonly forms: number;
  readonly cores: number;
  readonly kwic: StreamTiming;
  readonly baseline: StreamTiming;
}

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const POLE = 'open';

/** The baseline: every file in path order, read and searched with indexOf for each form, a line per match. */
const BASELINE = `
const fs = require('node:fs'); const path = require('node:path');
const [dir, formsJson] = process.argv.slice(2); const forms = JSON.parse(formsJson);
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
  const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.md')) files.push(p); } })(dir);
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8'); let out = '';
  for (const form of forms) for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) out += file + ':' + i + ' ' + form + '\\n';
  if (out) process.stdout.write(out);
}
`;

/** Runs a command once: ms to its first stdout byte, ms to its exit, lines printed. */
function timeStream(command: string, args: readonly string[]): Promise<{ first: number; complete: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first = -1;
    let lines = 0;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.on('data', (chunk: Buffer) => {
      if (first < 0) first = performance.now() - start;
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}`));
      else resolve({ first: first < 0 ? performance.now() - start : first, complete: performance.now() - start, lines });
    });
  });
}

async function timed(label: string, command: string, args: readonly string[], runs: number): Promise<StreamTiming> {
  await timeStream(command, args); // warm-up: the page cache, the bundle
  const samples: { first: number; complete: number; lines: number }[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeStream(command, args));
  return { label, first: summarize(samples.map((s) => s.first)), complete: summarize(samples.map((s) => s.complete)), lines: samples[0]?.lines ?? 0 };
}

/** Builds the CLI, writes the corpus to a temp folder, times both commands, removes the folder. */
export async function benchConcordance(articles: number, runs: number, progress: (message: string) => void): Promise<ConcordanceResult> {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-bench-kwic-'));
  try {
    progress(`concordance: writing ${articles.toLocaleString('en')} articles`);
    const corpus = path.join(dir, 'corpus');
    const bytes = writeCorpus(corpus, articles, 4000);
    const pole = builtinLexicon.axes.flatMap((a) => a.poles).find((p) => p.id === POLE);
    const forms = [...new Set(pole?.terms.flatMap((t) => t.forms) ?? [])];
    const script = path.join(dir, 'indexOfScan.js');
    fs.writeFileSync(script, BASELINE);
    progress('concordance: indexOf baseline');
    const baseline = await timed('indexOf scan (1 process)', process.execPath, [script, corpus, JSON.stringify(forms)], runs);
    progress('concordance: kwic --pole open');
    const kwic = await timed(`kwic --pole ${POLE} (${os.availableParallelism()} jobs)`, process.execPath, [cli, 'kwic', '--pole', POLE, corpus], runs);
    return { articles, bytes, pole: POLE, forms: forms.length, cores: os.availableParallelism(), kwic, baseline };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
