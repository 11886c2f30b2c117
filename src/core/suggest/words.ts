/**
 * Word boundaries for candidates: Intl.Segmenter with `zh` (ICU's dictionary segmenter, present in Node and in the web
 * worker host), so a candidate is always a word or a run of whole words, never an arbitrary substring.
 */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

let segmenter: Intl.Segmenter | undefined;

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** Whether `text` is written in Han characters only (what a candidate must be). */
export function isHan(text: string): boolean {
  return HAN.test(text);
}

/** The words of `text[from, to)` in order, with offsets into `text`; punctuation and spaces are left out. */
export function wordsIn(text: string, from = 0, to = text.length): Word[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Word[] = [];
  for (const s of segmenter.segment(text.slice(from, to))) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: from + s.index, end: from + s.index + s.segment.length });
  }
  return out;
}

/** Characters that end a clause: a candidate or a frame never reaches across one. */
const CLAUSE_END = new Set([...'，。；！？：,.;!?:\n\r「」『』“”‘’（）()《》【】[]—…']);

export function isClauseEnd(c: string): boolean {
  return CLAUSE_END.has(c);
}

/** The clause around `offset`: from after the previous clause end to before the next. */
export function clauseAround(text: string, offset: number, limit = 200): { start: number; end: number } {
  let start = offset;
  const min = Math.max(0, offset - limit);
  while (start > min && !CLAUSE_END.has(text.charAt(start - 1))) start--;
  let end = offset;
  const max = Math.min(text.length, offset + limit);
  while (end < max && !CLAUSE_END.has(text.charAt(end))) end++;
  return { start, end };
}
