import { type Analysis, type CompiledLexicon, type CompiledTerm, type TensionSite, type TermHit, type TextRange, firstRowAtLeast } from '../../core';

/**
 * The hit containing `offset` (start ≤ offset < end), as an object, found in the analysis's table: the hover and
 * the code actions ask on every mouse or cursor move, and must not build every hit of a long article to do it.
 */
export function hitAtOffset(analysis: Analysis, offset: number): TermHit | undefined {
  return analysis.hitAt(analysis.hitIndexAt(offset));
}

/** The first sentence with start ≤ offset ≤ end (a cursor right after a sentence still selects it), from the table. */
export function sentenceAround(analysis: Analysis, offset: number): TextRange | undefined {
  const { start, end, count } = analysis.sentenceTable;
  // First sentence ending at or after offset: sentences are in order and do not overlap.
  const i = firstRowAtLeast(end, count, offset);
  return i < count && (start[i] as number) <= offset ? { start: start[i] as number, end: end[i] as number } : undefined;
}

/** The tension sites whose sentence contains `offset`, by binary search of the site table. */
export function sitesAt(analysis: Analysis, offset: number): TensionSite[] {
  const { start, end, count } = analysis.siteTable;
  // First site starting after offset; the sites containing it start at the same sentence, just before.
  const lo = firstRowAtLeast(start, count, offset + 1);
  const found: TensionSite[] = [];
  const sentence = lo > 0 ? (start[lo - 1] as number) : -1;
  for (let i = lo - 1; i >= 0 && start[i] === sentence; i--) {
    if (offset < (end[i] as number)) {
      const site = analysis.siteAt(i);
      if (site) found.unshift(site);
    }
  }
  return found;
}

/** The compiled term of a hit (axis, pole and definitions), found by id. */
export function termOf(lexicon: CompiledLexicon, hit: TermHit): CompiledTerm | undefined {
  return lexicon.terms.find((t) => t.term.id === hit.term);
}

/** Surface forms of a pole as they occur in the document, most frequent first; counted from the hit table. */
export function topTermsOfPole(analysis: Analysis, pole: string, limit: number): { text: string; count: number }[] {
  const { terms, patterns } = analysis.lexicon;
  const onPole = terms.map((t) => t.pole.id === pole);
  const t = analysis.hitTable;
  const byForm = new Map<number, number>();
  for (let i = 0; i < t.count; i++) {
    if (onPole[t.term[i] as number]) byForm.set(t.form[i] as number, (byForm.get(t.form[i] as number) ?? 0) + 1);
  }
  // Forms of one text (a pattern listed twice) count together.
  const counts = new Map<string, number>();
  for (const [form, n] of byForm) {
    const text = patterns[form] ?? '';
    counts.set(text, (counts.get(text) ?? 0) + n);
  }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, limit);
}
