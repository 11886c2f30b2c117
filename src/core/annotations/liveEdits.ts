import type { Anchor } from './types';

/** One text change, shaped like VS Code's `TextDocumentContentChangeEvent` (offsets in UTF-16 code units). */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

function moveTo(anchor: Anchor, start: number, end: number, exact: string): Anchor {
  const { annotation } = anchor;
  const { target } = annotation;
  return {
    state: anchor.state,
    annotation: {
      ...annotation,
      // Prefix and suffix go stale here and are refreshed from the text on save (`sidecarForSave`): recomputing
      // them would need the whole new text on every keystroke.
      target: { ...target, quote: { ...target.quote, exact }, position: { ...target.position, start, end } },
    },
  };
}

function applyChange(anchor: Anchor, from: number, to: number, text: string): Anchor {
  if (anchor.state === 'orphaned') return anchor;
  const { start, end } = anchor.annotation.target.position;
  const delta = text.length - (to - from);
  // Typing at either boundary stays outside the annotation (like DecorationRangeBehavior.ClosedClosed): a highlight
  // should not grow because the user kept writing right after it.
  if (to <= start) return delta === 0 ? anchor : moveTo(anchor, start + delta, end + delta, anchor.annotation.target.quote.exact);
  if (from >= end) return anchor;
  if (from <= start && to >= end) return { annotation: anchor.annotation, state: 'orphaned' };
  const { exact } = anchor.annotation.target.quote;
  if (from >= start && to <= end) return moveTo(anchor, start, end + delta, exact.slice(0, from - start) + text + exact.slice(to - start));
  // The change overlaps one end: the deleted part leaves the annotation and the inserted text stays outside it.
  if (from < start) return moveTo(anchor, from + text.length, end + delta, exact.slice(to - start));
  return moveTo(anchor, start, from, exact.slice(0, from - start));
}

/**
 * Follows text changes: `changes` are applied in array order, each relative to the text left by the ones before
 * (exactly how VS Code's extension host replays `contentChanges`; VS Code lists them last-in-document first, so the
 * offsets are also valid in the old text). Ranges after a change shift, a change inside an annotation grows or
 * shrinks it and updates its quote, and an annotation whose whole range is replaced becomes `orphaned` (kept, with its
 * last selectors). Returns a new array of the same length; untouched anchors are the same objects.
 */
export function applyEdits(anchors: readonly Anchor[], changes: readonly TextChange[]): Anchor[] {
  const result = [...anchors];
  for (const change of changes) {
    const from = change.rangeOffset;
    const to = from + change.rangeLength;
    for (let i = 0; i < result.length; i++) {
      const anchor = result[i];
      if (anchor) result[i] = applyChange(anchor, from, to, change.text);
    }
  }
  return result;
}
