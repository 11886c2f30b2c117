/**
 * The extension's figures. What needs the VS Code extension host (activation, open-to-decorations) is measured by
 * the extension-host harness (scripts/vscode/), which writes `bench/.results/extension.json`; this module only
 * reads that file. Bundle size and heap growth are measured here, in Node.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Analyzer, type ArticleFormat, type Lexicon } from '../src/core';
import { MiB } from './inputs';
import { RESULTS_DIR, ROOT } from './paths';
import { collectGarbage, summarize, type Stat } from './stats';


/**
 * Where the extension-host part of the benchmark leaves its figures: `{ "activationMs": number,
 * "openToDecorationsMs": number }` (medians; extra keys are kept and ignored). Absent until that part has run.
 */
export const EXTENSION_RESULTS = path.join(RESULTS_DIR, 'extension.json');

/** Figures from the extension host, or why there are none. */
export interface HostFigures {
  readonly activationMs: number | null;
  readonly openToDecorationsMs: number | null;
  /** A one-character edit in that article → re-analysed and repainted (median of 7, debounce set to 0). */
  readonly editToDecorationsMs: number | null;
  /** Where the figures came from, or why they are missing. */
  readonly source: string;
}

/** Reads the extension host's figures from `EXTENSION_RESULTS`, if that file exists and holds numbers. */
export function readHostFigures(file = EXTENSION_RESULTS): HostFigures {
  const none = { activationMs: null, openToDecorationsMs: null, editToDecorationsMs: null };
  if (!fs.existsSync(file)) return { ...none, source: 'n/a (extension host not run)' };
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const when = fs.statSync(file).mtime.toISOString();
    return {
      activationMs: num(raw.activationMs), openToDecorationsMs: num(raw.openToDecorationsMs), editToDecorationsMs: num(raw.editToDecorationsMs),
      source: `${path.relative(ROOT, file)} (${when})`,
    };
  } catch (e) {
    return { ...none, source: `n/a (${path.relative(ROOT, file)} unreadable: ${String(e)})` };
  }
}

/** Size of the minified extension bundle, building it first when it is missing. */
export function bundleSize(): { bytes: number | null; note: string } {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  let note = 'dist/extension.js as found';
  if (!fs.existsSync(bundle)) {
    try {
      execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'pipe' });
      note = 'dist/extension.js built now (node esbuild.config.mjs)';
    } catch (e) {
      return { bytes: null, note: `n/a (build failed: ${String(e).split('\n')[0] ?? ''})` };
    }
  }
  return fs.existsSync(bundle) ? { bytes: fs.statSync(bundle).size, note } : { bytes: null, note: 'n/a (no dist/extension.js)' };
}

/** Heap retained per MB analysed, or null when node runs without `--expose-gc` (the figure would be noise). */
export interface HeapResult {
  readonly bytesPerMB: number | null;
  readonly stat: Stat | null;
  /** The same once every object view of the analysis (hits, sentences, sites, sections, abstract) has been read. */
  readonly withViews: Stat | null;
}

let _held: unknown;

/** JS heap plus the typed arrays' buffers, which live outside it (the analysis keeps its tables there). */
function usedMemory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Memory growth (after full collections) while the object `make` returns is held, in bytes. The object lives in a
 * module variable, not a local: an interpreted frame keeps every local it ever had alive, so a loop measuring with
 * locals would see the previous sample's objects still reachable and report about zero.
 */
function retainedBy(make: () => unknown): number {
  _held = undefined;
  collectGarbage();
  collectGarbage();
  const before = usedMemory();
  _held = make();
  collectGarbage();
  collectGarbage();
  const after = usedMemory();
  _held = undefined;
  return after - before;
}

/**
 * Heap retained by a kept `Analyzer` and its `Analysis` (what the extension holds per open document), per MB of
 * text analysed. The text is allocated (and flattened by a first analysis) beforehand: the editor owns it.
 */
export function heapPerMB(text: string, format: ArticleFormat, sizeBytes: number, lexicon: Lexicon, runs: number): HeapResult {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') return { bytesPerMB: null, stat: null, withViews: null };
  retainedBy(() => new Analyzer(lexicon).analyze(text, format)); // compiles the lexicon, flattens the text
  const samples: number[] = [];
  const withViews: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const views of [false, true]) {
      const bytes = retainedBy(() => {
        const analyzer = new Analyzer(lexicon);
        const analysis = analyzer.analyze(text, format);
        if (views) void [analysis.hits, analysis.sentences, analysis.sites, analysis.sections, analysis.abstract];
        return { analyzer, analysis };
      });
      (views ? withViews : samples).push(bytes / (sizeBytes / MiB));
    }
  }
  const stat = summarize(samples);
  return { bytesPerMB: stat.median, stat, withViews: summarize(withViews) };
}
