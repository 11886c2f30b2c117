import type { Lexicon } from '../lexicon/types';
import type { FileEvidence, SuggestExample } from './evidence';
import type { ReferenceList } from './reference';

/** A term the lexicon does not know, with the pole the evidence points to. */
export interface Suggestion {
  /** Simplified spelling. */
  readonly text: string;
  /** Every spelling seen (Simplified and Traditional): what accepting it adds as forms. */
  readonly forms: readonly string[];
  readonly axis: string;
  readonly pole: string;
  /** Evidence for the pole, less evidence against it, weighted by keyness; higher is better. */
  readonly score: number;
  /** Occurrences in the corpus. */
  readonly count: number;
  /** Articles it occurs in. */
  readonly files: number;
  readonly examples: readonly SuggestExample[];
}

export interface RankOptions {
  /** How many to return (default all). */
  readonly top?: number;
  /** Forms never to suggest again (the user's rejections), in any spelling. */
  readonly rejected?: readonly string[];
  /** Examples per candidate (default 3). */
  readonly examples?: number;
}

/**
 * Keyness as a weight between 0 and 1.25: log2 of how much more often the word occurs in the corpus than in general
 * Chinese, over 8, times how rare it is in general Chinese. The second factor matters for a small corpus, where any
 * word that occurs at all looks frequent: an everyday word (发展, 我们) still weighs a third of a rare one or less.
 */
export function keyness(countInCorpus: number, corpusWords: number, referencePerMillion: number): number {
  const corpusPerMillion = (countInCorpus / Math.max(1, corpusWords)) * 1e6;
  const ratio = Math.min(1.25, Math.max(0.05, Math.log2(corpusPerMillion / referencePerMillion) / 8));
  const rarity = 1 / (1 + Math.log10(1 + referencePerMillion / 10));
  return ratio * rarity;
}

/** Ranks the candidates the articles' evidence gives, best first; known forms and rejected forms never appear. */
export function rankSuggestions(files: readonly FileEvidence[], lexicon: Lexicon, reference: ReferenceList, options: RankOptions = {}): Suggestion[] {
  const known = new Set<string>();
  for (const axis of lexicon.axes) for (const pole of axis.poles) for (const term of pole.terms) for (const form of term.forms) known.add(reference.simplify(form));
  const rejected = new Set((options.rejected ?? []).map((f) => reference.simplify(f)));
  const merged = new Map<string, { forms: Set<string>; votes: Map<string, number>; examples: SuggestExample[] }>();
  for (const file of files) {
    for (const c of Object.values(file.candidates)) {
      if (known.has(c.text) || rejected.has(c.text)) continue;
      let m = merged.get(c.text);
      if (!m) merged.set(c.text, (m = { forms: new Set(), votes: new Map(), examples: [] }));
      for (const f of c.forms) m.forms.add(f);
      for (const [k, w] of Object.entries(c.votes)) m.votes.set(k, (m.votes.get(k) ?? 0) + w);
      m.examples.push(...c.examples);
    }
  }
  const corpusWords = files.reduce((n, f) => n + f.words, 0);
  const maxExamples = options.examples ?? 3;
  const out: Suggestion[] = [];
  for (const [text, m] of merged) {
    let best = '';
    let bestWeight = 0;
    let total = 0;
    for (const [k, w] of [...m.votes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += w;
      if (w > bestWeight) [best, bestWeight] = [k, w];
    }
    const evidence = bestWeight - (total - bestWeight);
    // Less than one frame's worth (a single neighbour in a site) is too little to suggest a term on.
    if (evidence < 1) continue;
    let count = 0;
    let inFiles = 0;
    for (const file of files) {
      const n = file.candidates[text]?.count ?? file.wordCounts[text] ?? 0;
      count += n;
      if (n > 0) inFiles++;
    }
    const [axis = '', pole = ''] = best.split('\t');
    const score = Math.round(evidence * keyness(count, corpusWords, reference.perMillion(text)) * 1000) / 1000;
    out.push({ text, forms: [...m.forms], axis, pole, score, count, files: inFiles, examples: m.examples.slice(0, maxExamples) });
  }
  out.sort((a, b) => b.score - a.score || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return options.top === undefined ? out : out.slice(0, options.top);
}
