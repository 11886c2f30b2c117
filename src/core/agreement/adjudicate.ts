import { createAnnotation } from '../annotations/create';
import type { Annotation, Sidecar, SidecarTag } from '../annotations/types';
import { compareCodings } from './compare';
import type { Coding } from './types';
import { labelKey } from './units';

/** A stretch `[start, end)` in UTF-16 offsets. */
export interface Stretch {
  readonly start: number;
  readonly end: number;
}

/**
 * A place the coders disagree on for one tag: a maximal stretch marked by either coder (line breaks inside do not
 * split it) where at least one unit is marked by only one of them. `a` and `b` are what each coder marked in it.
 */
export interface Disagreement {
  /** Stable within a pair of codings: `<tag>@<start>-<end>`. */
  readonly key: string;
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly a: readonly Stretch[];
  readonly b: readonly Stretch[];
}

/** How a disagreement is settled in the consensus: A's stretches, B's, the whole stretch either marked, or nothing. */
export type Resolution = 'a' | 'b' | 'union' | 'skip';

function runs(spans: readonly { start: number; end: number }[]): Stretch[] {
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.end >= s.start) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Only line breaks between `from` and `to`: a stretch continues across them (they are not units). */
const onlyBreaks = (text: string, from: number, to: number): boolean => /^[\r\n]*$/.test(text.slice(from, to));

/** Every disagreement of coders A and B on `text`, by tag (A's codebook order) and position. */
export function disagreements(text: string, a: Coding, b: Coding): Disagreement[] {
  const out: Disagreement[] = [];
  for (const tag of compareCodings(text, a, b).tags) {
    let group: (typeof tag.spans)[number][] = [];
    const flush = (): void => {
      const first = group[0];
      const last = group[group.length - 1];
      if (first && last && group.some((s) => s.kind !== 'both')) {
        const join = (kinds: readonly string[]): Stretch[] => runs(group.filter((s) => kinds.includes(s.kind)).map((s) => ({ start: s.start, end: s.end }))
          .reduce<Stretch[]>((acc, s) => {
            const prev = acc[acc.length - 1];
            if (prev && onlyBreaks(text, prev.end, s.start)) acc[acc.length - 1] = { start: prev.start, end: s.end };
            else acc.push(s);
            return acc;
          }, []));
        out.push({ key: `${tag.tag}@${first.start}-${last.end}`, tag: tag.tag, start: first.start, end: last.end, a: join(['a', 'both']), b: join(['b', 'both']) });
      }
      group = [];
    };
    for (const span of tag.spans) {
      const last = group[group.length - 1];
      if (last && !onlyBreaks(text, last.end, span.start)) flush();
      group.push(span);
    }
    flush();
  }
  return out;
}

/** What a resolution adds to the consensus: the stretches to annotate with the disagreement's tag. */
export function resolvedStretches(d: Disagreement, resolution: Resolution): readonly Stretch[] {
  return resolution === 'a' ? d.a : resolution === 'b' ? d.b : resolution === 'union' ? [{ start: d.start, end: d.end }] : [];
}

/**
 * The consensus sidecar with a disagreement settled: one annotation per resolved stretch, tagged with the consensus's
 * tag of that label (added from `codebook` — a coder's tag of that label — or as a new tag when it has none), with
 * `note`. `skip` returns the same sidecar. `ids` supplies the new annotation (and tag) ids.
 */
export function applyResolution(
  consensus: Sidecar, text: string, d: Disagreement, resolution: Resolution, note: string, now: string, ids: () => string, codebook: readonly SidecarTag[],
): Sidecar {
  const stretches = resolvedStretches(d, resolution);
  if (stretches.length === 0) return consensus;
  let tags = consensus.tags;
  let tag = tags.find((t) => labelKey(t.label) === d.tag);
  if (!tag) {
    const from = codebook.find((t) => labelKey(t.label) === d.tag);
    tag = { ...(from ?? { label: d.tag }), id: tags.some((t) => t.id === from?.id) || !from ? ids() : from.id, label: d.tag };
    tags = [...tags, tag];
  }
  const id = tag.id;
  const added: Annotation[] = stretches.map((s) => createAnnotation({ text, start: s.start, end: s.end, tags: [id], note, now, id: ids() }));
  return { ...consensus, tags, annotations: [...consensus.annotations, ...added] };
}
