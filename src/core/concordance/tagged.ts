import type { TaggedSpan } from './article';

/** What `taggedSpansOf` reads of an annotation set: its anchors (re-anchored) and its codebook. */
interface AnchoredAnnotations {
  readonly anchors: readonly { readonly annotation: { readonly tags: readonly string[]; readonly target: { readonly position: { readonly start: number; readonly end: number } } }; readonly state: string }[];
  readonly tags: readonly { readonly id: string; readonly label: string }[];
}

/**
 * An article's annotations as the concordance and co-occurrence read them: orphaned ones left out (they have no
 * place), tag ids turned into labels (the id when the codebook lost the tag), in text order.
 */
export function taggedSpansOf(annotations: AnchoredAnnotations | undefined): TaggedSpan[] {
  if (!annotations) return [];
  const labels = new Map(annotations.tags.map((t) => [t.id, t.label]));
  return annotations.anchors.filter((a) => a.state !== 'orphaned').map(({ annotation }) => ({
    start: annotation.target.position.start, end: annotation.target.position.end, labels: annotation.tags.map((id) => labels.get(id) ?? id),
  })).sort((a, b) => a.start - b.start || a.end - b.end);
}
