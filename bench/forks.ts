/**
 * Analysis rows measured in several fresh processes ("forks", as JMH calls them) and combined. Why: within one
 * process the medians are stable, but between processes the same row has measured 9.5 ms and 15.5 ms — the JIT's
 * and the heap's state depend on each process's history (observed on this 2-core VM; CPU-only matcher rows do not
 * vary this way). The median of the forks' medians is what one run of a process usually sees; the table also shows
 * every fork's median, so the spread is visible, not averaged away.
 */
import { spawnSync } from 'node:child_process';
import type { AnalysisRow } from './analysis';
import type { Layout } from './inputs';
import type { Stat } from './stats';

/** The argument that makes `bench/index.ts` measure one analysis row and print it as JSON. */
export const FORK_FLAG = '--fork-analysis=';

/** An analysis row combined from forks, with each fork's median. */
export type ForkedAnalysisRow = AnalysisRow & { readonly forkMedians: readonly number[] };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function combine(stats: readonly Stat[]): Stat {
  return {
    median: median(stats.map((s) => s.median)), min: Math.min(...stats.map((s) => s.min)), max: Math.max(...stats.map((s) => s.max)),
    runs: stats.reduce((n, s) => n + s.runs, 0),
  };
}

/** Measures the row `layout` × `bytes` in `forks` child processes of this same script, one after another. */
export function forkedAnalysis(layout: Layout, bytes: number, quick: boolean, forks: number): ForkedAnalysisRow {
  const rows: AnalysisRow[] = [];
  for (let i = 0; i < forks; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', `${FORK_FLAG}${layout}:${bytes}`, ...(quick ? ['--quick'] : [])], {
      encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`bench fork for ${layout} ${bytes} failed (${child.status ?? child.signal}): ${child.stderr}`);
    rows.push(JSON.parse(child.stdout) as AnalysisRow);
  }
  const first = rows[0];
  if (!first) throw new Error('bench: no forks');
  const stat = combine(rows.map((r) => r.stat));
  return {
    ...first, stat, ms: stat.median, msPerMB: stat.median / (first.sizeBytes / (1024 * 1024)),
    MBps: first.sizeBytes / (1024 * 1024) / (stat.median / 1000), views: combine(rows.map((r) => r.views)), forkMedians: rows.map((r) => r.stat.median),
  };
}
