import data from './builtin.json';
import type { Lexicon } from './types';

/** The built-in lexicon (generated from builtin.source.json by `npm run build:lexicon`), frozen. */
export const builtinLexicon: Lexicon = deepFreeze(data as unknown as Lexicon);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
