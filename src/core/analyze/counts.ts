import type { CompiledLexicon } from '../lexicon/compile';
import type { Lexicon } from '../lexicon/types';
import type { TensionCounts, TermHit } from './types';

/** Counts hits per axis, pole and term; every axis and pole of the lexicon is present, zero when unseen. */
export function countHits(hits: readonly TermHit[], lexicon: Lexicon): TensionCounts {
  const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  for (const axis of lexicon.axes) {
    axes[axis.id] = { total: 0, poles: Object.fromEntries(axis.poles.map((p) => [p.id, 0])) };
  }
  const terms: Record<string, number> = {};
  for (const hit of hits) {
    const axis = axes[hit.axis];
    if (axis) {
      axis.total++;
      axis.poles[hit.pole] = (axis.poles[hit.pole] ?? 0) + 1;
    }
    terms[hit.term] = (terms[hit.term] ?? 0) + 1;
  }
  return { total: hits.length, axes, terms };
}

/**
 * The same counts from per-term tallies (`termCounts[i]` = hits of compiled term `i`): what `analyze` uses, since
 * adding into an Int32Array per hit is far cheaper than three string-keyed lookups per hit.
 */
export function countTerms(termCounts: Int32Array, lexicon: CompiledLexicon): TensionCounts {
  const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
  for (const axis of lexicon.lexicon.axes) {
    axes[axis.id] = { total: 0, poles: Object.fromEntries(axis.poles.map((p) => [p.id, 0])) };
  }
  const terms: Record<string, number> = {};
  let total = 0;
  lexicon.terms.forEach((t, i) => {
    const n = termCounts[i] ?? 0;
    if (n === 0) return;
    total += n;
    const axis = axes[t.axis.id];
    if (axis) {
      axis.total += n;
      axis.poles[t.pole.id] = (axis.poles[t.pole.id] ?? 0) + n;
    }
    terms[t.term.id] = (terms[t.term.id] ?? 0) + n;
  });
  return { total, axes, terms };
}
