import type { SidecarSummary, TagCount } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Counts the annotations of a sidecar (`<article>.tension.json`) by tag. Reads only what it needs — the
 * `annotations` array and the `tags` labels — and never throws: a file that is not JSON, or has no `annotations`
 * array, gives a zero count with `error` set, so one bad sidecar never hides a row. Tag ids the `tags` list does not
 * name are counted under their id.
 */
export function summarizeSidecar(json: string): SidecarSummary {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    return { count: 0, byTag: [], untagged: 0, error: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(data) || !Array.isArray(data['annotations'])) return { count: 0, byTag: [], untagged: 0, error: 'no "annotations" array' };
  const labels = new Map<string, { label: string; color?: string }>();
  const tags = data['tags'];
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (!isObject(tag) || typeof tag['id'] !== 'string') continue;
      const color = tag['color'];
      labels.set(tag['id'], { label: typeof tag['label'] === 'string' ? tag['label'] : tag['id'], ...(typeof color === 'string' ? { color } : {}) });
    }
  }
  const counts = new Map<string, number>();
  let untagged = 0;
  for (const annotation of data['annotations']) {
    const ids = isObject(annotation) && Array.isArray(annotation['tags']) ? annotation['tags'].filter((t): t is string => typeof t === 'string') : [];
    if (ids.length === 0) untagged++;
    for (const id of new Set(ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const byTag: TagCount[] = [...counts].map(([id, count]) => ({ id, count, label: labels.get(id)?.label ?? id, ...(labels.get(id)?.color ? { color: labels.get(id)?.color as string } : {}) }));
  byTag.sort((x, y) => y.count - x.count || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  return { count: data['annotations'].length, byTag, untagged };
}
