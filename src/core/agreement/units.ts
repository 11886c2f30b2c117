import type { Coding } from './types';

/** Trimmed, as `mergeTagsByLabel` compares labels, so " 开放 " in one codebook matches "开放" in the other. */
export const labelKey = (label: string): string => label.trim();

/**
 * The ranges `[start, end)` (UTF-16) each tag label covers in a coding: its non-orphaned annotations. An annotation
 * tag whose id is missing from the codebook is kept under the id itself, so it is compared rather than dropped.
 */
export function rangesByLabel(coding: Coding): Map<string, { start: number; end: number }[]> {
  const labels = new Map(coding.tags.map((t) => [t.id, labelKey(t.label)]));
  const ranges = new Map<string, { start: number; end: number }[]>();
  for (const label of labels.values()) if (!ranges.has(label)) ranges.set(label, []);
  for (const { annotation, state } of coding.anchors) {
    if (state === 'orphaned') continue;
    const { start, end } = annotation.target.position;
    for (const id of new Set(annotation.tags)) {
      const label = labels.get(id) ?? id;
      const list = ranges.get(label) ?? [];
      list.push({ start, end });
      ranges.set(label, list);
    }
  }
  return ranges;
}

/**
 * One flag per UTF-16 offset of `text`: 1 where some range covers it. Built from a difference array, so many or long
 * ranges cost one pass over the text rather than one per range.
 */
export function coverage(ranges: readonly { start: number; end: number }[], length: number): Uint8Array {
  const delta = new Int32Array(length + 1);
  for (const { start, end } of ranges) {
    const s = Math.max(0, Math.min(start, length));
    const e = Math.max(s, Math.min(end, length));
    delta[s] = (delta[s] ?? 0) + 1;
    delta[e] = (delta[e] ?? 0) - 1;
  }
  const covered = new Uint8Array(length);
  let depth = 0;
  for (let i = 0; i < length; i++) {
    depth += delta[i] ?? 0;
    covered[i] = depth > 0 ? 1 : 0;
  }
  return covered;
}

/**
 * The UTF-16 offset of every unit of `text`: one per code point (a surrogate pair is one unit, at its high half),
 * except the line breaks `\n` and `\r`, which belong to the layout rather than the text a coder reads.
 */
export function unitOffsets(text: string): Uint32Array {
  const offsets = new Uint32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) continue;
    offsets[count++] = i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return offsets.subarray(0, count);
}

/** The UTF-16 length of the unit at `offset` (2 for a surrogate pair). */
export function unitLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
