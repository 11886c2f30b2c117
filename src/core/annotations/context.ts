import type { TextQuote } from './types';

/** Units of context right next to a quote that must agree for a short quote to be trusted at a place. */
export const ADJACENT_CONTEXT = 8;

/** How many units before `start` in `text` agree with the end of `prefix`. */
function agreeBefore(prefix: string, text: string, start: number): number {
  let k = 0;
  while (k < prefix.length && k < start && prefix.charCodeAt(prefix.length - 1 - k) === text.charCodeAt(start - 1 - k)) k++;
  return k;
}

/** How many units from `end` in `text` agree with the start of `suffix`. */
function agreeAfter(suffix: string, text: string, end: number): number {
  let k = 0;
  while (k < suffix.length && end + k < text.length && suffix.charCodeAt(k) === text.charCodeAt(end + k)) k++;
  return k;
}

/** Units of stored context (0–64) that agree with the text around `[start, end)`: the score that ranks candidates. */
export function contextScore(quote: TextQuote, text: string, start: number, end: number): number {
  return agreeBefore(quote.prefix, text, start) + agreeAfter(quote.suffix, text, end);
}

/**
 * True when the 8 units next to `[start, end)` agree with the stored context on at least one side. A stored side
 * shorter than 8 was cut by the start or end of the document, so it agrees only at the same distance from that edge.
 */
export function adjacentContextMatches(quote: TextQuote, text: string, start: number, end: number): boolean {
  const { prefix, suffix } = quote;
  const before = agreeBefore(prefix, text, start);
  if (prefix.length >= ADJACENT_CONTEXT ? before >= ADJACENT_CONTEXT : before === prefix.length && start === prefix.length) return true;
  const after = agreeAfter(suffix, text, end);
  return suffix.length >= ADJACENT_CONTEXT ? after >= ADJACENT_CONTEXT : after === suffix.length && text.length - end === suffix.length;
}
