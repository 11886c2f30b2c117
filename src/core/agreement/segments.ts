import type { Coding } from './types';
import { labelKey } from './units';

/** One tagged segment of one coder, checked against the other coder's segments with the same tag. */
export interface SegmentCheck {
  /** Whose segment it is. */
  readonly coder: 'a' | 'b';
  readonly annotationId: string;
  readonly tag: string;
  /** `[start, end)` in UTF-16 offsets of the current text. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** Ids of the other coder's annotations with this tag that overlap this segment; empty for a disagreement. */
  readonly overlapping: readonly string[];
}

/** The segment view of two codings (as MAXQDA reports it): every segment of A, then every segment of B, each checked. */
export interface SegmentAgreement {
  readonly segments: readonly SegmentCheck[];
  /** The segments the other coder has nothing overlapping with the same tag. */
  readonly disagreements: readonly SegmentCheck[];
}

interface Segment {
  readonly id: string;
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/** One segment per non-orphaned annotation and tag label, in position order. */
function segmentsOf(coding: Coding): Segment[] {
  const labels = new Map(coding.tags.map((t) => [t.id, labelKey(t.label)]));
  const segments: Segment[] = [];
  for (const { annotation, state } of coding.anchors) {
    if (state === 'orphaned') continue;
    const { start, end } = annotation.target.position;
    for (const tag of new Set(annotation.tags.map((id) => labels.get(id) ?? id))) {
      segments.push({ id: annotation.id, tag, start, end, quote: annotation.target.quote.exact });
    }
  }
  return segments.sort((x, y) => x.start - y.start || x.end - y.end || x.tag.localeCompare(y.tag));
}

const overlaps = (x: Segment, y: Segment): boolean => x.tag === y.tag && x.start < y.end && y.start < x.end;

/**
 * For each segment (annotation × tag) of A, whether B coded an overlapping span with the same tag, and the same for B
 * against A; `disagreements` are the segments with no such partner.
 */
export function compareSegments(a: Coding, b: Coding): SegmentAgreement {
  const ofA = segmentsOf(a);
  const ofB = segmentsOf(b);
  const check = (coder: 'a' | 'b', mine: Segment[], theirs: Segment[]): SegmentCheck[] => mine.map((s) => ({
    coder, annotationId: s.id, tag: s.tag, start: s.start, end: s.end, quote: s.quote,
    overlapping: theirs.filter((t) => overlaps(s, t)).map((t) => t.id),
  }));
  const segments = [...check('a', ofA, ofB), ...check('b', ofB, ofA)];
  return { segments, disagreements: segments.filter((s) => s.overlapping.length === 0) };
}
