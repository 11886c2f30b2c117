// The entry of dist/pinyin.js: pinyin-pro's dictionaries (~300 KB) in a bundle of their own, loaded by
// pinyinLoader.ts only when an export prints pinyin, so dist/extension.js stays small and activation fast.
import { pinyin } from 'pinyin-pro';

/** Pinyin with tone marks, syllables separated by spaces (as the lexicon's `pinyin` fields). */
export function pinyinOf(text: string): string {
  return pinyin(text, { toneType: 'symbol' });
}
