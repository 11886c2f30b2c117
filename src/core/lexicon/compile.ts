import { NegationFrames } from '../match/negationFrames';
import { Automaton, type AutomatonTables } from '../match/automaton';
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
  /** The marker automaton's patterns by id: the markers, then their exclusions. */
  readonly markerPatterns: readonly string[];
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

/**
 * A compiled lexicon's automata as plain data, with the patterns they were built from: another thread compiling the
 * same lexicon takes them over (`compileLexicon`'s `built`) instead of building them again.
 */
export interface BuiltAutomata {
  readonly patterns: readonly string[];
  readonly terms: AutomatonTables;
  readonly markerPatterns: readonly string[];
  readonly markers: AutomatonTables;
}

/** The automata of `c`, to hand to `compileLexicon` in another thread. */
export function builtAutomata(c: CompiledLexicon): BuiltAutomata {
  return { patterns: c.patterns, terms: c.termAutomaton.tables(), markerPatterns: c.markerPatterns, markers: c.markerAutomaton.tables() };
}

function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * Compiles (and memoizes per lexicon object) the automata that `analyze` runs. `built`: the automata another thread
 * built for the same lexicon, used when their patterns are exactly this lexicon's (else they are built here).
 */
export function compileLexicon(lexicon: Lexicon, built?: BuiltAutomata): CompiledLexicon {
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
  const markerPatterns = [...markers, ...(lexicon.contrastExclude ?? [])];
  const result: CompiledLexicon = Object.freeze({
    lexicon,
    terms,
    patternTerm,
    termAutomaton: new Automaton(built && samePatterns(built.patterns, patterns) ? built.terms : patterns),
    patterns,
    markerAutomaton: new Automaton(built && samePatterns(built.markerPatterns, markerPatterns) ? built.markers : markerPatterns),
    markerPatterns,
    markers,
    negators: [...lexicon.negators].sort((a, b) => b.length - a.length),
    negationFrames: new NegationFrames(lexicon.negationFrames ?? []),
    key: `lexicon-${nextKey++}`,
  });
  compiled.set(lexicon, result);
  return result;
}
