import type { Analysis, CompiledLexicon, CompiledTerm, TensionSite, TermHit } from '../../core';

/** Index of the hit containing `offset` (start ≤ offset < end, or offset === end for a hover at a term's last edge). */
export function hitIndexAt(analysis: Analysis, offset: number): number {
  const hits = analysis.hits;
  let lo = 0;
  let hi = hits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = hits[mid];
    if (!h) break;
    if (offset < h.start) hi = mid - 1;
    else if (offset >= h.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The tension sites whose sentence contains `offset`. */
export function sitesAt(analysis: Analysis, offset: number): TensionSite[] {
  return analysis.sites.filter((s) => s.start <= offset && offset < s.end);
}

/** The compiled term of a hit (axis, pole and definitions), found by id. */
export function termOf(lexicon: CompiledLexicon, hit: TermHit): CompiledTerm | undefined {
  return lexicon.terms.find((t) => t.term.id === hit.term);
}

/** Surface forms of a pole as they occur in the document, most frequent first. */
export function topTermsOfPole(analysis: Analysis, pole: string, limit: number): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const h of analysis.hits) if (h.pole === pole) counts.set(h.text, (counts.get(h.text) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, limit);
}
