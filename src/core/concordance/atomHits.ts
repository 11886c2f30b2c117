import { isNegated, negatorIndexOf } from '../analyze/group';
import type { ArticleFormat } from '../analyze/types';
import type { CompiledLexicon } from '../lexicon/compile';
import { splitChunks } from '../parse/chunks';
import { markdownBlocks } from '../parse/markdown';
import { plaintextBlocks } from '../parse/plaintext';
import { sourceEnd, sourceOffset } from '../parse/proseBlock';
import type { Occurrence } from './article';
import type { QueryNode } from './query';

type HitAtom = Extract<QueryNode, { kind: 'atom' }> & { readonly field: 'term' | 'pole' | 'axis' };

/** Whether `evaluateQuery` would find `node` from the hits alone: one `term:`, `pole:` or `axis:`, nothing around it. */
export function isHitAtom(node: QueryNode): node is HitAtom {
  return node.kind === 'atom' && (node.field === 'term' || node.field === 'pole' || node.field === 'axis');
}

/**
 * What `evaluateQuery(atom, { text, analysis: analyze(text, format, lexicon) })` finds, without the analysis: the
 * same chunks, visible-text blocks and automaton (so the same hits, in the same order, at the same source offsets),
 * negation asked only of the hits the atom keeps. A concordance of one pole over a corpus spends its time here, and
 * the sentences, sites, tables and counts of the analysis were more than half of it.
 */
export function hitAtomOccurrences(atom: HitAtom, text: string, format: ArticleFormat, lexicon: CompiledLexicon): Occurrence[] {
  const out: Occurrence[] = [];
  const { value, field } = atom;
  // Compiled terms the atom keeps, so the scan tests one number per hit.
  const keeps = lexicon.terms.map((t) => (field === 'term' ? t.term.id : field === 'pole' ? t.pole.id : t.axis.id) === value);
  const negators = negatorIndexOf(lexicon);
  for (const [c, chunk] of splitChunks(text, format).entries()) {
    const piece = text.slice(chunk.start, chunk.end);
    const blocks = format === 'markdown' ? markdownBlocks(piece) : plaintextBlocks(piece, c === 0);
    for (const block of blocks) {
      const visible = block.text;
      lexicon.termAutomaton.scan(visible, 0, visible.length, (start, end, id) => {
        const index = lexicon.patternTerm[id] ?? -1;
        if (index < 0 || !keeps[index]) return; // an exclusion phrase, or a hit the atom does not ask for
        const term = lexicon.terms[index];
        if (!term) return;
        out.push({
          start: chunk.start + sourceOffset(block, start), end: chunk.start + sourceEnd(block, start, end),
          term: term.term.id, axis: term.axis.id, pole: term.pole.id,
          negated: isNegated(visible, start, negators) || lexicon.negationFrames.negates(visible, start, end),
        });
      });
    }
  }
  return out;
}
