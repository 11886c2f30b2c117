/**
 * Turns the hand-written Simplified lexicon (src/core/lexicon/builtin.source.json) into the shipped one
 * (builtin.json): every form and exclusion gains its Traditional variants (OpenCC: standard Traditional,
 * Taiwan, Taiwan phrasing such as 開放原始碼/資料共享, Hong Kong), every term its pinyin. Done at build time
 * so the extension bundle carries neither OpenCC's nor pinyin-pro's dictionaries.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Lexicon, LexiconTerm } from '../src/core/lexicon/types';

const converters = (['t', 'tw', 'twp', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

/** The word itself first, then its distinct Traditional variants. */
export function withTraditional(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) for (const form of [word, ...converters.map((c) => c(word))]) if (!out.includes(form)) out.push(form);
  return out;
}

function buildTerm(term: LexiconTerm): LexiconTerm {
  const built: LexiconTerm = {
    ...term,
    forms: withTraditional(term.forms),
    pinyin: pinyin(term.forms[0] ?? '', { toneType: 'symbol' }),
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
