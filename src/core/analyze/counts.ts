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
