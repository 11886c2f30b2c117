/** A label or definition in both UI languages: Chinese first, as the articles are. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One tension term: a concept that sits on one pole, written in one or more surface forms. */
export interface LexiconTerm {
  /** Stable id, unique within the lexicon, e.g. `open-source`. */
  readonly id: string;
  readonly label: Bilingual;
  /** One sentence: what the term means in this opposition (shown on hover). */
  readonly definition: Bilingual;
  /** Surface forms to find in text; Simplified in the source data, Traditional variants added by the build. */
  readonly forms: readonly string[];
  /** Longer phrases that contain a form but must not fire as this term (e.g. 公开信 for 公开). */
  readonly exclude?: readonly string[];
  /** Pinyin of the first form with tone marks, filled in by the build for built-in terms. */
  readonly pinyin?: string;
}

/** One side of an axis. */
export interface LexiconPole {
  /** Stable id, unique within the lexicon, e.g. `open`. */
  readonly id: string;
  readonly label: Bilingual;
  readonly definition: Bilingual;
  readonly terms: readonly LexiconTerm[];
}

/** An opposition that runs through a text: exactly two poles. */
export interface LexiconAxis {
  /** Stable id, e.g. `open-closed`. */
  readonly id: string;
  readonly label: Bilingual;
  readonly definition: Bilingual;
  readonly poles: readonly [LexiconPole, LexiconPole];
}

/**
 * A negation that reaches past the character before the term (而非…, 不是…而是, 不受…约束, 与其…不如): a term is
 * negated when one of `starts` stands before it in the same clause, at most `reach` characters before it, and —
 * when `ends` is given — one of `ends` follows it in the same clause, at most `reach` characters after it.
 */
export interface NegationFrame {
  readonly starts: readonly string[];
  readonly ends?: readonly string[];
  readonly reach: number;
}

/** The whole lexicon: axes, plus the words that negate a term and the words that mark a contrast. */
export interface Lexicon {
  readonly version: 1;
  readonly axes: readonly LexiconAxis[];
  /** Words that, right before a term, make it `negated` (不, 未, 没有, 拒绝 …). */
  readonly negators: readonly string[];
  /** Words that mark a contrast inside a sentence (而, 但, 然而, 博弈, 张力 …). */
  readonly contrastMarkers: readonly string[];
  /** Words that contain a contrast marker but are not contrasts (从而, 因而, 而且 …). */
  readonly contrastExclude?: readonly string[];
  /** Negations that reach further than the character before the term. */
  readonly negationFrames?: readonly NegationFrame[];
}
