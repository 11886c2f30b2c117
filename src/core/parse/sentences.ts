/** Characters that end a sentence: 。！？；!?… (the list) plus the ideographic full stop's half-width twin. */
function isTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0xff61;
}

/** Closing quotes and brackets that belong to the sentence they follow: 。” stays one sentence. */
function isCloser(c: number): boolean {
  return (
    c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0x22 ||
    c === 0x27 || c === 0x3011 || c === 0x300b || c === 0x3009
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0 || c === 0xa0;
}

/**
 * Splits `text[from, to)` into sentences at 。！？；!?… (runs like ？！ or …… stay together, closing quotes
 * stay with their sentence) and at blank lines. Appends `[start, end)` pairs, whitespace trimmed, to `out`.
 */
export function splitSentences(text: string, from: number, to: number, out: number[]): void {
  let start = from;
  let i = from;
  const flush = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push(s, e);
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isTerminator(c)) {
      let j = i + 1;
      while (j < to && (isTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      flush(j);
      start = j;
      i = j;
    } else if (c === 0x0a && blankLineFollows(text, i + 1, to)) {
      flush(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  flush(to);
}

function blankLineFollows(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}
