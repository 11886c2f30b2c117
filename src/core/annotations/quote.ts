import type { Annotation, TextQuote } from './types';

/** UTF-16 code units of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Start of the prefix window: `start - CONTEXT_LENGTH`, moved right by one if it would cut a surrogate pair. */
function prefixStart(text: string, start: number): number {
  const from = Math.max(0, start - CONTEXT_LENGTH);
  return from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1)) ? from + 1 : from;
}

/** End of the suffix window: `end + CONTEXT_LENGTH`, moved left by one if it would cut a surrogate pair. */
function suffixEnd(text: string, end: number): number {
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  return to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to)) ? to - 1 : to;
}

/** The quote selector for `[start, end)` of `text`: the exact text and up to 32 units of context each side. */
export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart(text, start), start),
    suffix: text.slice(end, suffixEnd(text, end)),
  };
}

/**
 * The annotation with its selectors taken from `text` at `[start, end)`; unchanged (same object) when they already
 * match, so callers can compare by identity. Extras on the selectors are kept.
 */
export function retarget(annotation: Annotation, text: string, start: number, end: number): Annotation {
  const { quote, position } = annotation.target;
  const fresh = quoteAt(text, start, end);
  if (position.start === start && position.end === end && quote.exact === fresh.exact && quote.prefix === fresh.prefix && quote.suffix === fresh.suffix) {
    return annotation;
  }
  return {
    ...annotation,
    target: { ...annotation.target, quote: { ...quote, ...fresh }, position: { ...position, start, end } },
  };
}
