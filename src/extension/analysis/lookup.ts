import type { CompiledLexicon, CompiledTerm, TermHit } from '../../core';

/** The compiled term of a hit (axis, pole and definitions), found by id in the lexicon the hit was found with. */
export function termOf(lexicon: CompiledLexicon, hit: TermHit): CompiledTerm | undefined {
  return lexicon.terms.find((t) => t.term.id === hit.term);
}
