/**
 * A reference frequency list of general Chinese (src/core/suggest/zh-reference.txt, derived from jieba's dictionary by
 * scripts/buildReference.ts): how common a word is outside the user's corpus, so that everyday words rank low, and
 * the Traditional → Simplified character table that makes 開放 and 开放 one candidate.
 */
export interface ReferenceList {
  /** Occurrences of `word` (Simplified) per million words of the reference corpus; words not listed count as rare. */
  perMillion(word: string): number;
  /** The word with each Traditional character replaced by its Simplified one. */
  simplify(word: string): string;
  /** Whether the reference lists the word (a word a dictionary knows, not an accident of segmentation). */
  has(word: string): boolean;
  readonly source: string;
}

interface Header {
  readonly source: string;
  readonly total: number;
  readonly minFrequency: number;
}

/** Parses the reference file; throws with the line and the fix when it is not one. */
export function parseReferenceList(text: string, file = 'zh-reference.txt'): ReferenceList {
  const lines = text.split('\n');
  let header: Header;
  try {
    header = JSON.parse(lines[0] ?? '') as Header;
  } catch {
    throw new Error(`${file}:1: not a reference list (expected a JSON header); rebuild it with scripts/buildReference.ts`);
  }
  if (typeof header.total !== 'number' || typeof header.minFrequency !== 'number') {
    throw new Error(`${file}:1: the header lacks 'total' or 'minFrequency'; rebuild it with scripts/buildReference.ts`);
  }
  const frequency = new Map<string, number>();
  const t2s = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (key === 't2s') {
      for (let k = 0; k + 1 < rest.length; k += 2) t2s.set(rest.charAt(k), rest.charAt(k + 1));
      continue;
    }
    const bucket = Number(key);
    if (tab < 0 || !Number.isInteger(bucket)) throw new Error(`${file}:${i + 1}: expected 'bucket<TAB>words'; rebuild it with scripts/buildReference.ts`);
    const freq = 2 ** (bucket / 2);
    for (const word of rest.split(' ')) if (word) frequency.set(word, freq);
  }
  const perMillion = 1e6 / header.total;
  // A word the list leaves out is rarer than its threshold: count it at half of it.
  const floor = (header.minFrequency / 2) * perMillion;
  return {
    source: header.source,
    perMillion: (word) => {
      const f = frequency.get(word);
      return f === undefined ? floor : f * perMillion;
    },
    simplify: (word) => {
      let out = '';
      for (const c of word) out += t2s.get(c) ?? c;
      return out;
    },
    has: (word) => frequency.has(word),
  };
}
