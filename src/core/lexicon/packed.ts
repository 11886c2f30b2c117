import { inflateSync, strFromU8 } from 'fflate';
import type { Lexicon, LexiconAxis, LexiconPole, LexiconTerm } from './types';

/**
 * The built-in lexicon as the extension bundles carry it (written by scripts/lexiconBuild.ts `packLexicon`): the
 * Simplified lexicon in columns (ids, labels, definitions, forms … each together, which deflate packs far better than
 * term objects), deflated, in basE91; plus what it takes to give every word the same Traditional variants OpenCC
 * gave it at build time — a character table per OpenCC target and the variants of the few words whose phrases
 * convert differently from their characters (源代码 → 原始碼). builtin.json with every variant written out is about
 * 170 KB; this is about a third of it, which keeps dist/extension.js within its size budget.
 */
export interface PackedLexicon {
  /** Per OpenCC target, in build order: pairs of characters, Simplified then converted (`开開发發…`). */
  readonly maps: readonly string[];
  /** Words a table cannot convert: per target the variant, or '' where the table gives it. */
  readonly overrides: Readonly<Record<string, readonly string[]>>;
  /** The lexicon with each pole's `terms` replaced by how many terms it has. */
  readonly skeleton: Omit<Lexicon, 'axes'> & { readonly axes: readonly (Omit<LexiconAxis, 'poles'> & { readonly poles: readonly (Omit<LexiconPole, 'terms'> & { readonly terms: number })[] })[] };
  /** Term columns in lexicon order; `forms` and `exclude` joined by `|` ('' for no exclusions). */
  readonly terms: Readonly<Record<'id' | 'labelZh' | 'labelEn' | 'definitionZh' | 'definitionEn' | 'forms' | 'exclude' | 'pinyin', readonly string[]>>;
}

/** The separator of a term's words in the `forms` and `exclude` columns; no word contains it. */
export const WORD_SEPARATOR = '|';

export function unpackLexicon(text: string): Lexicon {
  return expandPacked(JSON.parse(strFromU8(inflateSync(decodeBase91(text)))) as PackedLexicon);
}

/** The lexicon with every word followed by its distinct Traditional variants, exactly as the build wrote them. */
export function expandPacked(packed: PackedLexicon): Lexicon {
  // Character code → its conversions, one row per character, all targets at once: a typed-array index instead of a
  // Map keyed by one-character strings, which made unpacking several times slower than parsing the whole JSON.
  const targets = packed.maps.length;
  const rowOf = new Int32Array(65536).fill(-1);
  const rows: string[][] = [];
  packed.maps.forEach((pairs, k) => {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const code = pairs.charCodeAt(i);
      if (rowOf[code] === -1) rowOf[code] = rows.push(Array.from({ length: targets }, () => pairs.charAt(i))) - 1;
      (rows[rowOf[code] as number] as string[])[k] = pairs.charAt(i + 1);
    }
  });
  const variants = (word: string): string[] => {
    const converted: string[] = [];
    for (let k = 0; k < targets; k++) {
      let out = '';
      for (let i = 0; i < word.length; i++) {
        const r = rowOf[word.charCodeAt(i)] as number;
        out += r < 0 ? word.charAt(i) : (rows[r] as string[])[k];
      }
      converted.push(packed.overrides[word]?.[k] || out);
    }
    return converted;
  };
  const expand = (words: readonly string[]) => {
    const out = new Set<string>();
    for (const word of words) {
      out.add(word);
      for (const form of variants(word)) out.add(form);
    }
    return [...out];
  };
  const columns = packed.terms;
  let next = 0;
  const term = (): LexiconTerm => {
    const i = next++;
    const at = (column: readonly string[]) => column[i] ?? '';
    const exclude = at(columns.exclude);
    return {
      id: at(columns.id),
      label: { zh: at(columns.labelZh), en: at(columns.labelEn) },
      definition: { zh: at(columns.definitionZh), en: at(columns.definitionEn) },
      forms: expand(at(columns.forms).split(WORD_SEPARATOR)),
      ...(exclude ? { exclude: expand(exclude.split(WORD_SEPARATOR)) } : {}),
      pinyin: at(columns.pinyin),
    };
  };
  const pole = (p: PackedLexicon['skeleton']['axes'][number]['poles'][number]): LexiconPole => ({ ...p, terms: Array.from({ length: p.terms }, term) });
  const { skeleton } = packed;
  return {
    ...skeleton,
    negators: expand(skeleton.negators),
    contrastMarkers: expand(skeleton.contrastMarkers),
    ...(skeleton.contrastExclude ? { contrastExclude: expand(skeleton.contrastExclude) } : {}),
    ...(skeleton.negationFrames
      ? { negationFrames: skeleton.negationFrames.map((f) => ({ ...f, starts: expand(f.starts), ...(f.ends ? { ends: expand(f.ends) } : {}) })) }
      : {}),
    axes: skeleton.axes.map((axis) => {
      const [a, b] = axis.poles;
      if (!a || !b) throw new Error(`packed lexicon: axis '${axis.id}' needs two poles`);
      return { ...axis, poles: [pole(a), pole(b)] };
    }),
  };
}

// basE91 (Joachim Henke's encoding): 13 or 14 bits per two printable ASCII characters, about 1.23 characters a byte
// against base64's 1.33, with no character a JS string literal has to escape (its alphabet has no " or \).
export const BASE91_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_`{|}~\'';

export function decodeBase91(text: string): Uint8Array {
  const out: number[] = [];
  let queue = 0;
  let bits = 0;
  let value = -1;
  for (let i = 0; i < text.length; i++) {
    const d = BASE91_ALPHABET.indexOf(text.charAt(i));
    if (d < 0) continue;
    if (value < 0) {
      value = d;
      continue;
    }
    value += d * 91;
    queue |= value << bits;
    bits += (value & 8191) > 88 ? 13 : 14;
    do {
      out.push(queue & 255);
      queue >>>= 8;
      bits -= 8;
    } while (bits > 7);
    value = -1;
  }
  if (value >= 0) out.push((queue | (value << bits)) & 255);
  return Uint8Array.from(out);
}

export function encodeBase91(bytes: Uint8Array): string {
  let out = '';
  let queue = 0;
  let bits = 0;
  for (const byte of bytes) {
    queue |= byte << bits;
    bits += 8;
    if (bits > 13) {
      let value = queue & 8191;
      if (value > 88) {
        queue >>>= 13;
        bits -= 13;
      } else {
        value = queue & 16383;
        queue >>>= 14;
        bits -= 14;
      }
      out += BASE91_ALPHABET.charAt(value % 91) + BASE91_ALPHABET.charAt(Math.floor(value / 91));
    }
  }
  if (bits > 0) {
    out += BASE91_ALPHABET.charAt(queue % 91);
    if (bits > 7 || queue > 90) out += BASE91_ALPHABET.charAt(Math.floor(queue / 91));
  }
  return out;
}
