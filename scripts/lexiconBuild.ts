/**
 * Turns the hand-written Simplified lexicon (src/core/lexicon/builtin.source.json) into the shipped one
 * (builtin.json): every form and exclusion gains its Traditional variants (OpenCC: standard Traditional,
 * Taiwan, Taiwan phrasing such as 開放原始碼/資料共享, Hong Kong), every term its pinyin. Done at build time
 * so the extension bundle carries neither OpenCC's nor pinyin-pro's dictionaries.
 */
import { deflateSync, strToU8 } from 'fflate';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { type PackedLexicon, WORD_SEPARATOR, encodeBase91 } from '../src/core/lexicon/packed';
import type { Lexicon, LexiconTerm } from '../src/core/lexicon/types';

const converters = (['t', 'tw', 'twp', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

/** The word itself first, then its distinct Traditional variants. */
export function withTraditional(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) for (const form of [word, ...converters.map((c) => c(word))]) if (!out.includes(form)) out.push(form);
  return out;
}

/** Every word the build converts: forms, exclusions, negators, contrast markers and their exclusions. */
function wordsOf(source: Lexicon): string[] {
  const terms = source.axes.flatMap((a) => a.poles.flatMap((p) => p.terms));
  const frames = (source.negationFrames ?? []).flatMap((f) => [...f.starts, ...(f.ends ?? [])]);
  return [...source.negators, ...source.contrastMarkers, ...(source.contrastExclude ?? []), ...frames, ...terms.flatMap((t) => [...t.forms, ...(t.exclude ?? [])])];
}

/**
 * The lexicon as the extension bundles carry it (src/core/lexicon/packed.ts): pinyin filled in, words left
 * Simplified, a character table per OpenCC target and the variants a table cannot reproduce, in columns, deflated,
 * in basE91. `unpackLexicon` of it equals `buildLexicon(source)`; a unit test checks that.
 */
export function packLexicon(source: Lexicon): string {
  const words = wordsOf(source);
  const bad = words.filter((w) => w.includes(WORD_SEPARATOR));
  if (bad.length > 0) throw new Error(`builtin.source.json: words must not contain '${WORD_SEPARATOR}': ${bad.join(', ')}`);
  // One UTF-16 unit each: a character outside the BMP is never in a table, so its words become overrides.
  const chars = [...new Set(words.flatMap((w) => [...w]))];
  const maps = converters.map((convert) => {
    let pairs = '';
    for (const c of chars) {
      const to = convert(c);
      if (to !== c && c.length === 1 && to.length === 1) pairs += c + to;
    }
    return pairs;
  });
  const tables = maps.map((pairs) => {
    const cs = pairs.split('');
    return new Map(cs.flatMap((c, i) => (i % 2 === 0 ? [[c, cs[i + 1] as string] as const] : [])));
  });
  const overrides: Record<string, string[]> = {};
  for (const word of words) {
    const expected = converters.map((convert) => convert(word));
    const derived = tables.map((table) => word.split('').map((c) => table.get(c) ?? c).join(''));
    if (expected.some((v, i) => v !== derived[i])) overrides[word] = expected.map((v, i) => (v === derived[i] ? '' : v));
  }
  const terms = source.axes.flatMap((a) => a.poles.flatMap((p) => p.terms));
  const packed: PackedLexicon = {
    maps,
    overrides,
    skeleton: { ...source, axes: source.axes.map((axis) => ({ ...axis, poles: axis.poles.map((pole) => ({ ...pole, terms: pole.terms.length })) })) },
    terms: {
      id: terms.map((t) => t.id),
      labelZh: terms.map((t) => t.label.zh),
      labelEn: terms.map((t) => t.label.en),
      definitionZh: terms.map((t) => t.definition.zh),
      definitionEn: terms.map((t) => t.definition.en),
      forms: terms.map((t) => t.forms.join(WORD_SEPARATOR)),
      exclude: terms.map((t) => (t.exclude ?? []).join(WORD_SEPARATOR)),
      pinyin: terms.map((t) => pinyinOf(t)),
    },
  };
  return encodeBase91(deflateSync(strToU8(JSON.stringify(packed)), { level: 9 }));
}

function pinyinOf(term: LexiconTerm): string {
  return pinyin(term.forms[0] ?? '', { toneType: 'symbol' });
}

function buildTerm(term: LexiconTerm): LexiconTerm {
  const built: LexiconTerm = {
    ...term,
    forms: withTraditional(term.forms),
    pinyin: pinyinOf(term),
  };
  return term.exclude ? { ...built, exclude: withTraditional(term.exclude) } : built;
}

/** The shipped lexicon for a source lexicon; pure, so a unit test can check builtin.json is up to date. */
export function buildLexicon(source: Lexicon): Lexicon {
  return {
    ...source,
    negators: withTraditional(source.negators),
    contrastMarkers: withTraditional(source.contrastMarkers),
    ...(source.contrastExclude ? { contrastExclude: withTraditional(source.contrastExclude) } : {}),
    ...(source.negationFrames
      ? { negationFrames: source.negationFrames.map((f) => ({ ...f, starts: withTraditional(f.starts), ...(f.ends ? { ends: withTraditional(f.ends) } : {}) })) }
      : {}),
    axes: source.axes.map((axis) => ({
      ...axis,
      poles: [
        { ...axis.poles[0], terms: axis.poles[0].terms.map(buildTerm) },
        { ...axis.poles[1], terms: axis.poles[1].terms.map(buildTerm) },
      ],
    })),
  };
}

export function serializeLexicon(lexicon: Lexicon): string {
  return `${JSON.stringify(lexicon, null, 2)}\n`;
}
