/**
 * Matcher throughput: our automaton against the two ways other highlighters find many words, on the same text
 * and the same patterns, all leftmost-longest and non-overlapping. The three must agree before any is timed.
 */
import { type Lexicon, compileLexicon } from '../src/core';
import { patternsOf } from './inputs';
import { type RunPlan, type Stat, mbPerSecond, measure, nowMs } from './stats';

/** What a matcher found: the hit count and a checksum of every hit's range, so "agree" means same hits, not just as many. */
export interface Found {
  readonly count: number;
  readonly checksum: number;
}

/** A matcher ready to run over a text: built (compiled) outside the timing. */
export type Matcher = (text: string) => Found;

/** Our matcher, exactly as `analyze` runs it: the compiled lexicon's term automaton, one scan, a callback per hit. */
export function oursMatcher(lexicon: Lexicon): Matcher {
  const automaton = compileLexicon(lexicon).termAutomaton;
  return (text) => {
    let checksum = 0;
    const count = automaton.scan(text, 0, text.length, (start, end) => {
      checksum = (checksum + Math.imul(start, 31) + end) | 0;
    });
    return { count, checksum };
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * (a) One RegExp alternation of every pattern, longest first, `g` flag — what regex highlighters (Highlight,
 * Todo Tree) build. At each position the first alternative that matches is the longest, so it is leftmost-longest.
 */
export function regexMatcher(patterns: readonly string[]): Matcher {
  const sorted = [...new Set(patterns)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  return (text) => {
    let count = 0;
    let checksum = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      count++;
      checksum = (checksum + Math.imul(m.index, 31) + m.index + m[0].length) | 0;
    }
    return { count, checksum };
  };
}

/**
 * (b) `indexOf` per pattern, every occurrence (overlapping ones too), then overlaps resolved leftmost-longest:
 * the longest pattern found at each offset goes into a `Uint16Array` as long as the text, and one left-to-right
 * sweep keeps a hit wherever one starts and jumps past it. That is the cheapest fair resolution (no sort).
 */
export function indexOfMatcher(patterns: readonly string[]): Matcher {
  const unique = [...new Set(patterns)].filter((p) => p.length > 0);
  return (text) => {
    const longest = new Uint16Array(text.length);
    for (const p of unique) {
      const len = p.length;
      for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) if (len > (longest[i] ?? 0)) longest[i] = len;
    }
    let count = 0;
    let checksum = 0;
    for (let i = 0; i < longest.length;) {
      const len = longest[i] ?? 0;
      if (len === 0) {
        i++;
        continue;
      }
      count++;
      checksum = (checksum + Math.imul(i, 31) + i + len) | 0;
      i += len;
    }
    return { count, checksum };
  };
}

/** A baseline's timing, on the whole text or — when that would not fit the time budget — on a prefix of it. */
export interface BaselineTiming {
  readonly stat: Stat;
  readonly MBps: number;
  /** UTF-16 chars the baseline was checked and timed on (the whole text unless it was too slow). */
  readonly chars: number;
  readonly bytes: number;
  /** True when its hits on those chars equal ours (count and ranges). */
  readonly agreed: boolean;
}

/** One row of the matcher table. MB/s figures are medians. */
export interface MatcherRow {
  readonly sizeBytes: number;
  readonly chars: number;
  readonly terms: number;
  readonly hits: number;
  /** True when all three matchers found exactly the same hits (count and ranges) on what they were timed on. */
  readonly agreed: boolean;
  readonly oursMBps: number;
  readonly regexMBps: number;
  readonly indexOfMBps: number;
  readonly ours: Stat;
  readonly regex: BaselineTiming;
  readonly indexOf: BaselineTiming;
}

const PROBE_CHARS = 64 * 1024;

/**
 * Checks a baseline against ours and times it. The baselines' cost grows with patterns × text (indexOf) or worse
 * (the RegExp at 10,000 terms runs at ~1 MB/s), so a 64 K-char probe predicts the whole run first; when warm-up and
 * runs would exceed `budgetMs`, the baseline is checked and timed on the longest prefix that fits (its throughput
 * does not depend on the length, as the rows of smaller sizes show).
 */
function timeBaseline(matcher: Matcher, ours: Matcher, text: string, plan: RunPlan, budgetMs: number): BaselineTiming {
  const probe = text.slice(0, Math.min(text.length, PROBE_CHARS));
  matcher(probe); // the first RegExp exec compiles the pattern: not part of the prediction
  const t0 = nowMs();
  matcher(probe);
  const perChar = Math.max(nowMs() - t0, 0.01) / probe.length;
  const calls = plan.warmup + plan.runs + 1;
  const chars = Math.min(text.length, Math.max(probe.length, Math.floor(budgetMs / (perChar * calls))));
  const input = chars === text.length ? text : text.slice(0, chars);
  const theirs = matcher(input);
  const mine = ours(input);
  // Allocation-free loops (indexOf allocates one array): no collections between their runs, which would only
  // evict the caches and time a cold run.
  const stat = measure(() => matcher(input), { ...plan, gcBetweenRuns: false });
  const bytes = Buffer.byteLength(input, 'utf8');
  return { stat, MBps: mbPerSecond(bytes, stat.median), chars, bytes, agreed: theirs.count === mine.count && theirs.checksum === mine.checksum };
}

/** Runs the three matchers on one text with one lexicon; a baseline too slow for `budgetMs` is timed on a prefix. */
export function benchMatchers(text: string, sizeBytes: number, lexicon: Lexicon, terms: number, plan: RunPlan, budgetMs: number): MatcherRow {
  const patterns = patternsOf(lexicon);
  const ours = oursMatcher(lexicon);
  const regex = timeBaseline(regexMatcher(patterns), ours, text, plan, budgetMs);
  const indexOf = timeBaseline(indexOfMatcher(patterns), ours, text, plan, budgetMs);
  const oursStat = measure(() => ours(text), { ...plan, gcBetweenRuns: false });
  return {
    sizeBytes, chars: text.length, terms, hits: ours(text).count, agreed: regex.agreed && indexOf.agreed,
    oursMBps: mbPerSecond(sizeBytes, oursStat.median), regexMBps: regex.MBps, indexOfMBps: indexOf.MBps,
    ours: oursStat, regex, indexOf,
  };
}
