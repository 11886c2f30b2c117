import { tagAgreement } from './coefficients';
import type { AgreementSpan, ArticleAgreement, Coding, SpanKind, TagAgreement, UnitCounts } from './types';
import { coverage, rangesByLabel, unitLength, unitOffsets } from './units';

/** Every label either coder uses (in the codebook or on an annotation): A's first, then B's new ones. */
function labelsOf(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

/**
 * The agreement of coders A and B on one article, per tag: units are the text's code points without line breaks; a
 * coder marks a unit for a tag when it lies in one of their non-orphaned annotations with that tag (matched by label).
 * Each tag also lists its passages: the maximal stretches both marked, only A marked, or only B marked.
 */
export function compareCodings(text: string, a: Coding, b: Coding): ArticleAgreement {
  const offsets = unitOffsets(text);
  const rangesA = rangesByLabel(a);
  const rangesB = rangesByLabel(b);
  const tags = labelsOf(rangesA, rangesB).map((label) => {
    const markedA = coverage(rangesA.get(label) ?? [], text.length);
    const markedB = coverage(rangesB.get(label) ?? [], text.length);
    let countA = 0;
    let countB = 0;
    let both = 0;
    const spans: AgreementSpan[] = [];
    let open: { start: number; end: number; kind: SpanKind } | undefined;
    for (const offset of offsets) {
      const inA = markedA[offset] === 1;
      const inB = markedB[offset] === 1;
      if (inA) countA++;
      if (inB) countB++;
      if (inA && inB) both++;
      const kind: SpanKind | undefined = inA && inB ? 'both' : inA ? 'a' : inB ? 'b' : undefined;
      const end = offset + unitLength(text, offset);
      if (open && open.kind === kind) {
        open.end = end;
        continue;
      }
      if (open) spans.push(open);
      open = kind ? { start: offset, end, kind } : undefined;
    }
    if (open) spans.push(open);
    return { ...tagAgreement(label, { units: offsets.length, a: countA, b: countB, both }), spans };
  });
  return { units: offsets.length, tags };
}

/**
 * The agreement over several articles taken as one sequence of units (their units concatenated), per tag label in
 * first-seen order. A tag an article's coders never use counts there as unmarked by both.
 */
export function poolAgreement(articles: readonly ArticleAgreement[]): TagAgreement[] {
  const units = articles.reduce((sum, article) => sum + article.units, 0);
  const totals = new Map<string, UnitCounts>();
  for (const article of articles) {
    for (const t of article.tags) {
      const sum = totals.get(t.tag) ?? { units, a: 0, b: 0, both: 0 };
      totals.set(t.tag, { units, a: sum.a + t.a, b: sum.b + t.b, both: sum.both + t.both });
    }
  }
  return [...totals].map(([tag, counts]) => tagAgreement(tag, counts));
}
