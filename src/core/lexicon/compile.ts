import { NegationFrames } from '../match/negationFrames';
import { Automaton } from '../match/automaton';
import type { Lexicon, LexiconAxis, LexiconPole, LexiconTerm } from './types';

/** A term with the axis and pole it belongs to, as the matcher reports it. */
export interface CompiledTerm {
  readonly index: number;
  readonly term: LexiconTerm;
  readonly axis: LexiconAxis;
  readonly pole: LexiconPole;
  /** 0 for the axis's first pole, 1 for its second. */
  readonly side: 0 | 1;
}

/** A lexicon turned into automata, ready for `analyze`; build once per lexicon with `compileLexicon`. */
export interface CompiledLexicon {
  readonly lexicon: Lexicon;
  readonly terms: readonly CompiledTerm[];
  /** Pattern id → index into `terms`, or -1 for an exclusion phrase (matches and emits nothing). */
  readonly patternTerm: Int32Array;
  readonly termAutomaton: Automaton;
  /** The term automaton's patterns by id: what a hit's text is, without slicing it out of the text again. */
  readonly patterns: readonly string[];
  /** Contrast markers (pattern id < markerCount) followed by their exclusions. */
  readonly markerAutomaton: Automaton;
  readonly markers: readonly string[];
  /** Negators, longest first so 没有 is preferred to 没. */
  readonly negators: readonly string[];
  /** Negations that reach past the character before the term (see `negationFrameAt`). */
  readonly negationFrames: NegationFrames;
  /** Distinct key for caches: changes whenever the compiled content could. */
  readonly key: string;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();
let nextKey = 1;

/** Compiles (and memoizes per lexicon object) the automata that `analyze` runs. */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const terms: CompiledTerm[] = [];
  const forms: string[] = [];
  const formTerm: number[] = [];
  const exclusions: string[] = [];
  for (const axis of lexicon.axes) {
    axis.poles.forEach((pole, side) => {
      for (const term of pole.terms) {
        const index = terms.length;
        terms.push({ index, term, axis, pole, side: side === 0 ? 0 : 1 });
        for (const form of term.forms) {
          forms.push(form);
          formTerm.push(index);
        }
        for (const phrase of term.exclude ?? []) exclusions.push(phrase);
      }
    });
  }
  // Forms first: when a string is both a form and an exclusion phrase, the form wins.
  const patterns = [...forms, ...exclusions];
  const patternTerm = new Int32Array(patterns.length).fill(-1);
  formTerm.forEach((t, i) => (patternTerm[i] = t));
  const markers = [...lexicon.contrastMarkers];
  const result: CompiledLexicon = Object.freeze({
    lexicon,
    terms,
    patternTerm,
    termAutomaton: new Automaton(patterns),
    patterns,
    markerAutomaton: new Automaton([...markers, ...(lexicon.contrastExclude ?? [])]),
    markers,
    negators: [...lexicon.negators].sort((a, b) => b.length - a.length),
    negationFrames: new NegationFrames(lexicon.negationFrames ?? []),
    key: `lexicon-${nextKey++}`,
  });
  compiled.set(lexicon, result);
  return result;
}
