import type { ExportData } from './collect';
import type { AnnotationItem, ExportArticle } from './types';

/** Annotations under one tag (an annotation with two tags is listed under both). */
export interface TagGroup {
  readonly id: string;
  readonly label: string;
  readonly color?: string;
  readonly items: readonly AnnotationItem[];
}

/**
 * Annotations grouped by tag, largest group first (ties by label), the untagged ones last under `untagged`.
 * Tags are merged by label, so the same tag from two sidecars is one group.
 */
export function groupByTag(items: readonly AnnotationItem[], untagged: string): TagGroup[] {
  const groups = new Map<string, { id: string; label: string; color?: string; items: AnnotationItem[] }>();
  const none: AnnotationItem[] = [];
  for (const item of items) {
    if (item.tags.length === 0) none.push(item);
    for (const tag of item.tags) {
      let group = groups.get(tag.label);
      if (!group) {
        group = { id: tag.id, label: tag.label, ...(tag.color ? { color: tag.color } : {}), items: [] };
        groups.set(tag.label, group);
      }
      if (!group.items.includes(item)) group.items.push(item);
    }
  }
  const sorted = [...groups.values()].sort((x, y) => y.items.length - x.items.length || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  return none.length > 0 ? [...sorted, { id: '', label: untagged, items: none }] : sorted;
}

/** The link to a line of an article: its `href` (or path) with `#L<line>` (1-based), as VS Code and GitHub read it. */
export function lineHref(article: ExportArticle, line: number): string {
  return `${article.href ?? article.path}#L${line}`;
}

/** The label of a pole in the export's language, its id when the lexicon does not know it. */
export function poleLabel(data: ExportData, poleId: string): string {
  for (const axis of data.axes) for (const pole of axis.poles) if (pole.id === poleId) return pole.label[data.request.language];
  return poleId;
}

/** The label of an axis in the export's language, its id when the lexicon does not know it. */
export function axisLabel(data: ExportData, axisId: string): string {
  return data.axes.find((a) => a.id === axisId)?.label[data.request.language] ?? axisId;
}
