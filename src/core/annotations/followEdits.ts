import { type TextChange, applyEdits } from './liveEdits';
import { quoteAt } from './quote';
import { type ChangedRegion, reanchor } from './reanchor';
import type { Anchor, AnchorState } from './types';

/**
 * The article's text after the changes, read lazily: `slice` for the few units around an annotation (cheap in an
 * editor buffer), `text` for the whole text, which only re-anchoring needs.
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  text(): string;
}

/** A `TextSource` over a string (tests, the CLI, replays). */
export function stringSource(text: string): TextSource {
  return { length: text.length, slice: (start, end) => text.slice(start, end), text: () => text };
}

/** Units of context kept on each side of a quote (see quote.ts), plus one so a surrogate pair at the edge is seen. */
const WINDOW = 33;

interface Pending {
  /** The annotation as it was before the change that covered it (its last good selectors). */
  readonly before: Anchor;
  /** Where it was last, shifted by the later changes of the batch that came before it. */
  start: number;
  /** How far the covering change moved the text after it: the second guess for where the quote went. */
  readonly hint: number;
  /** What the covering change wrote, in the text as the later changes of the batch leave it. */
  region: { start: number; end: number };
}

/** Moves a region of the text through a later change: shifted when the change is before it, widened when it overlaps. */
function shiftRegion(region: { start: number; end: number }, from: number, to: number, inserted: number): void {
  const delta = inserted - (to - from);
  if (to <= region.start && !(from === to && from === region.start && region.end > region.start)) {
    region.start += delta;
    region.end += delta;
  } else if (from <= region.end) {
    region.start = Math.min(region.start, from);
    region.end = Math.max(region.end + delta, from + inserted);
  }
}

function overlaps(start: number, end: number, from: number, to: number): boolean {
  return from <= end && to >= start;
}

/** True when a change that inserted `inserted` may have brought an orphan's quote back (undo, paste, retyping). */
function mayRestore(exact: string, inserted: string): boolean {
  return exact.length > 0 && inserted.length > 0 && (inserted.includes(exact) || exact.includes(inserted));
}

/** The state of an annotation the chain found again: a restored orphan is `exact` again, others keep their state. */
function stateAfter(before: AnchorState, found: AnchorState): AnchorState {
  if (found === 'fuzzy') return 'fuzzy';
  return before === 'orphaned' ? 'exact' : before;
}

/**
 * Follows text changes the way a reload would judge the result. Annotations outside the changes shift, ones edited
 * inside grow or shrink (`applyEdits`); an annotation whose whole range a change replaced (cut, paste over it, an
 * outside change that VS Code applies as a whole-line replacement, an undo) is re-anchored at once on the new text with
 * the reload chain — position, quote with context, fuzzy — and orphaned only when that fails; an orphan whose quote a
 * change may have brought back (undo of a cut, paste) is tried again. Context next to a change is refreshed, so a
 * later re-anchoring judges it on the current text. Returns one anchor per input anchor, in order; none is dropped.
 */
export function followEdits(anchors: readonly Anchor[], changes: readonly TextChange[], source: TextSource): Anchor[] {
  const result = [...anchors];
  const pending = new Map<number, Pending>();
  const touched = new Set<number>();
  const written: { text: string; region: { start: number; end: number } }[] = [];
  for (const change of changes) {
    const from = change.rangeOffset;
    const to = from + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    for (const p of pending.values()) {
      if (to <= p.start) p.start += delta;
      shiftRegion(p.region, from, to, change.text.length);
    }
    for (const w of written) shiftRegion(w.region, from, to, change.text.length);
    written.push({ text: change.text, region: { start: from, end: from + change.text.length } });
    for (let i = 0; i < result.length; i++) {
      const anchor = result[i];
      if (!anchor || pending.has(i)) continue;
      const { start, end } = anchor.annotation.target.position;
      if (anchor.state === 'orphaned') {
        // An orphan's last position still guides the search; keep it in step with the text before it.
        if (to <= start && delta !== 0) {
          const position = { ...anchor.annotation.target.position, start: start + delta, end: end + delta };
          result[i] = { ...anchor, annotation: { ...anchor.annotation, target: { ...anchor.annotation.target, position } } };
        }
        continue;
      }
      if (from <= start && to >= end) {
        pending.set(i, { before: anchor, start, hint: delta, region: { start: from, end: from + change.text.length } });
        continue;
      }
      const [moved] = applyEdits([anchor], [change]);
      if (moved) result[i] = moved;
      if (overlaps(start - WINDOW, end + WINDOW, from, to)) touched.add(i);
    }
  }
  let text: string | undefined;
  const full = (): string => (text ??= source.text());
  for (const [i, p] of pending) {
    const { annotation, state } = p.before;
    const at = { ...annotation, target: { ...annotation.target, position: { ...annotation.target.position, start: p.start, end: p.start + (annotation.target.position.end - annotation.target.position.start) } } };
    const found = reanchor(at, full(), p.hint, p.region);
    result[i] = found.state === 'orphaned' ? { annotation, state: 'orphaned' } : { annotation: found.annotation, state: stateAfter(state, found.state) };
  }
  result.forEach((anchor, i) => {
    if (anchor.state !== 'orphaned' || pending.has(i)) return;
    for (const w of written) {
      if (!mayRestore(anchor.annotation.target.quote.exact, w.text)) continue;
      const region: ChangedRegion = w.region;
      const found = reanchor(anchor.annotation, full(), 0, region);
      if (found.state === 'orphaned') continue;
      result[i] = { annotation: found.annotation, state: stateAfter('orphaned', found.state) };
      break;
    }
  });
  for (const i of touched) {
    const anchor = result[i];
    if (!anchor || anchor.state === 'orphaned') continue;
    const { start, end } = anchor.annotation.target.position;
    if (end > source.length) continue;
    const base = Math.max(0, start - WINDOW);
    const around = text !== undefined ? text.slice(base, Math.min(text.length, end + WINDOW)) : source.slice(base, Math.min(source.length, end + WINDOW));
    const fresh = quoteAt(around, start - base, end - base);
    // quoteAt cuts at the window's edges as if they were the text's; they are, only when the window reached them.
    const { quote } = anchor.annotation.target;
    if (fresh.prefix === quote.prefix && fresh.suffix === quote.suffix && fresh.exact === quote.exact) continue;
    result[i] = { ...anchor, annotation: { ...anchor.annotation, target: { ...anchor.annotation.target, quote: { ...quote, ...fresh } } } };
  }
  return result;
}
