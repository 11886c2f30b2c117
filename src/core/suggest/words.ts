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

/** Where a piece handed to the segmenter may end: after a sentence, a line, or (in a long run) a clause. */
const SENTENCE_END = new Set([...'。！？；!?;\n']);
const PIECE = 200;
const MAX_PIECE = 2000;

/**
 * The words of `text[from, to)` in order, with offsets into `text`; punctuation and spaces are left out. The text is
 * handed to the segmenter a sentence at a time: its time grows with the square of the length it is given at once.
 */
export function wordsIn(text: string, from = 0, to = text.length): Word[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Word[] = [];
  let start = from;
  while (start < to) {
    let end = start;
    while (end < to) {
      const c = text.charAt(end++);
      if (SENTENCE_END.has(c) || (end - start >= PIECE && CLAUSE_END.has(c))) break;
      // A hard cut in a long run without punctuation, never between the halves of a surrogate pair.
      if (end - start >= MAX_PIECE && !(c >= '\ud800' && c <= '\udbff')) break;
    }
    for (const s of segmenter.segment(text.slice(start, end))) {
      if (!s.isWordLike) continue;
      out.push({ text: s.segment, start: start + s.index, end: start + s.index + s.segment.length });
    }
    start = end;
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

/**
 * The words of a whole text, segmented once, answering "the words of [from, to)" by binary search: ICU's segmenter
 * costs far more per call than per character, so segmenting each small slot on its own made suggest slow. When a
 * word of the whole text crosses the slot's edge, the slot is segmented on its own, as a reader would split it there.
 */
export class WordIndex {
  readonly words: readonly Word[];

  constructor(private readonly text: string) {
    this.words = wordsIn(text);
  }

  within(from: number, to: number): Word[] {
    const words = this.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((words[mid] as Word).end <= from) lo = mid + 1;
      else hi = mid;
    }
    const out: Word[] = [];
    for (let i = lo; i < words.length && (words[i] as Word).start < to; i++) out.push(words[i] as Word);
    const first = out[0];
    const last = out[out.length - 1];
    if ((first && first.start < from) || (last && last.end > to)) return wordsIn(this.text, from, to);
    return out;
  }
}
