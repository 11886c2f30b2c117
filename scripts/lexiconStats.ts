/**
 * What `npm run lexicon:report` measures, as pure functions so unit tests can check them on small lexicons:
 * counts per axis and pole, forms that a longer form of another term swallows, forms on two terms, terms that
 * lack a label or definition, and recall and precision on the development set (test/fixtures/lexicon-devset.json).
 */
import { compileLexicon } from '../src/core/lexicon/compile';
import type { Lexicon, LexiconTerm } from '../src/core/lexicon/types';

export interface PoleCount {
  readonly axis: string;
  readonly pole: string;
  readonly terms: number;
  readonly forms: number;
}

/** Terms and surface forms per pole, in lexicon order. */
export function countPoles(lexicon: Lexicon): PoleCount[] {
  return lexicon.axes.flatMap((axis) =>
    axis.poles.map((pole) => ({ axis: axis.id, pole: pole.id, terms: pole.terms.length, forms: pole.terms.reduce((n, t) => n + t.forms.length, 0) })),
  );
}

interface FormOwner {
  readonly form: string;
  readonly term: string;
  readonly pole: string;
}

function owners(lexicon: Lexicon): FormOwner[] {
  return lexicon.axes.flatMap((axis) => axis.poles.flatMap((pole) => pole.terms.flatMap((term) => term.forms.map((form) => ({ form, term: term.id, pole: pole.id })))));
}

/** A form that never fires where a longer form of another term contains it (leftmost-longest takes the longer). */
export interface Shadow {
  readonly form: string;
  readonly term: string;
  readonly pole: string;
  readonly by: string;
  readonly byTerm: string;
  readonly byPole: string;
}

/**
 * Every (shorter, longer) pair of forms of different terms where the longer contains the shorter. Across poles
 * these are the deliberate guards (非营利 over 营利) or mistakes worth a look; within a pole they are harmless.
 */
export function shadowedForms(lexicon: Lexicon): Shadow[] {
  const all = owners(lexicon);
  const out: Shadow[] = [];
  for (const short of all) {
    for (const long of all) {
      if (long.form.length > short.form.length && long.term !== short.term && long.form.includes(short.form)) {
        out.push({ form: short.form, term: short.term, pole: short.pole, by: long.form, byTerm: long.term, byPole: long.pole });
      }
    }
  }
  return out;
}

/** A surface form listed by more than one term; `poles` has two entries when it sits on both sides. */
export interface Duplicate {
  readonly form: string;
  readonly terms: readonly string[];
  readonly poles: readonly string[];
}

/** Forms claimed by two or more terms (only the first fires: the others are dead data). */
export function duplicateForms(lexicon: Lexicon): Duplicate[] {
  const byForm = new Map<string, FormOwner[]>();
  for (const o of owners(lexicon)) byForm.set(o.form, [...(byForm.get(o.form) ?? []), o]);
  return [...byForm.entries()]
    .filter(([, list]) => new Set(list.map((o) => o.term)).size > 1)
    .map(([form, list]) => ({ form, terms: [...new Set(list.map((o) => o.term))], poles: [...new Set(list.map((o) => o.pole))] }));
}

/** Ids of terms missing a Chinese or English label or definition. */
export function termsWithoutDefinitions(lexicon: Lexicon): string[] {
  const complete = (t: LexiconTerm) => Boolean(t.label?.zh && t.label?.en && t.definition?.zh && t.definition?.en);
  return lexicon.axes.flatMap((a) => a.poles.flatMap((p) => p.terms.filter((t) => !complete(t)).map((t) => t.id)));
}

// ---------------------------------------------------------------------------------------------------------------
// Development set

/**
 * `tune`: read while growing the lexicon; `heldout`: not tuned on, though its misses were printed once before
 * the lexicon grew; `blind`: judged after the lexicon was grown, before the matcher was run on it.
 */
export type Split = 'tune' | 'heldout' | 'blind';

export interface DevSource {
  readonly id: string;
  readonly url: string;
  readonly region: string;
  readonly kind: string;
  readonly split: Split;
}

/** One judged span: the form as it reads, a few characters either side, and the reader's axis and pole (null: not a tension term). */
export interface DevItem {
  readonly source: string;
  readonly left: string;
  readonly form: string;
  readonly right: string;
  readonly axis: string | null;
  readonly pole: string | null;
}

export interface DevSet {
  readonly version: 1;
  readonly sources: readonly DevSource[];
  readonly items: readonly DevItem[];
}

/** A hit of the matcher on a snippet: offsets into the snippet, with its term's axis and pole. */
export interface SnippetHit {
  readonly start: number;
  readonly end: number;
  readonly axis: string;
  readonly pole: string;
}

/** Finds terms in a short text exactly as the analyzer does (one automaton pass, exclusions consume and emit nothing). */
export type SnippetMatcher = (text: string) => SnippetHit[];

export function lexiconMatcher(lexicon: Lexicon): SnippetMatcher {
  const compiled = compileLexicon(lexicon);
  return (text) => {
    const hits: SnippetHit[] = [];
    compiled.termAutomaton.scan(text, 0, text.length, (start, end, id) => {
      const term = compiled.terms[compiled.patternTerm[id] ?? -1];
      if (term) hits.push({ start, end, axis: term.axis.id, pole: term.pole.id });
    });
    return hits;
  };
}

/**
 * The word-boundary experiment (issue 17, part 3): `match`, keeping only hits whose start and end both fall on a
 * boundary of `Intl.Segmenter('zh')` words, so that a form does not fire from inside a word. Measured on the
 * development set by lexicon:report; not used by the analyzer (see README, Development set, for why).
 */
export function wordBoundaryMatcher(match: SnippetMatcher): SnippetMatcher {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => {
    const boundaries = new Set<number>([text.length]);
    for (const { index } of segmenter.segment(text)) boundaries.add(index);
    return match(text).filter((h) => boundaries.has(h.start) && boundaries.has(h.end));
  };
}

/** Figures for one axis (or all): `judged` reader-marked spans, `found` of them with a hit of the right pole. */
export interface DevScore {
  readonly axis: string;
  readonly judged: number;
  readonly found: number;
  /** Judged spans (marked or not) on which the matcher fired a term of this axis, and how many of those were right. */
  readonly fired: number;
  readonly correct: number;
  readonly recall: number;
  readonly precision: number;
}

/** What the matcher did on one item: `found` (right pole), `wrong` (fired with another pole, or on an unmarked span), or `missed`/`silent`. */
export type ItemOutcome = 'found' | 'wrong' | 'missed' | 'silent';

/** Fires on an item: hits that overlap the judged span in its snippet `left + form + right`. */
export function itemHits(item: DevItem, match: SnippetMatcher): SnippetHit[] {
  const from = item.left.length;
  const to = from + item.form.length;
  return match(item.left + item.form + item.right).filter((h) => h.start < to && h.end > from);
}

export function itemOutcome(item: DevItem, match: SnippetMatcher): ItemOutcome {
  const hits = itemHits(item, match);
  if (hits.length === 0) return item.pole ? 'missed' : 'silent';
  return item.pole && hits.some((h) => h.axis === item.axis && h.pole === item.pole) ? 'found' : 'wrong';
}

/**
 * Recall and precision per axis over the items (filter by split beforehand). Recall: marked spans with a hit of
 * the right pole / marked spans. Precision: right hits / spans where the matcher fired, counting a fire on an
 * unmarked span or with the wrong pole against the axis of the term that fired. Hits outside the judged spans
 * (in the context characters) are not judged and count nowhere.
 */
export function scoreDevSet(items: readonly DevItem[], match: SnippetMatcher, axes: readonly string[]): DevScore[] {
  const tally = new Map<string, { judged: number; found: number; fired: number; correct: number }>();
  const at = (axis: string) => {
    let t = tally.get(axis);
    if (!t) tally.set(axis, (t = { judged: 0, found: 0, fired: 0, correct: 0 }));
    return t;
  };
  for (const axis of axes) at(axis);
  for (const item of items) {
    const hits = itemHits(item, match);
    if (item.axis) at(item.axis).judged++;
    if (hits.length === 0) continue;
    const right = item.pole !== null && hits.some((h) => h.axis === item.axis && h.pole === item.pole);
    // A fire counts once per span, against the judged axis when right, else against the axis that fired.
    const axis = right ? (item.axis as string) : (hits[0] as SnippetHit).axis;
    const t = at(axis);
    t.fired++;
    if (right) {
      t.correct++;
      t.found++;
    }
  }
  const rows = [...tally.entries()].map(([axis, t]) => score(axis, t));
  const sum = [...tally.values()].reduce((s, t) => ({ judged: s.judged + t.judged, found: s.found + t.found, fired: s.fired + t.fired, correct: s.correct + t.correct }), { judged: 0, found: 0, fired: 0, correct: 0 });
  return [...rows, score('all', sum)];
}

function score(axis: string, t: { judged: number; found: number; fired: number; correct: number }): DevScore {
  return { axis, ...t, recall: t.judged ? t.found / t.judged : 0, precision: t.fired ? t.correct / t.fired : 0 };
}

/** Problems that make a development set unusable: unknown sources, poles not in the lexicon, empty forms. */
export function checkDevSet(devset: DevSet, lexicon: Lexicon): string[] {
  const problems: string[] = [];
  const sources = new Set(devset.sources.map((s) => s.id));
  const poles = new Map(lexicon.axes.flatMap((a) => a.poles.map((p) => [p.id, a.id] as const)));
  devset.items.forEach((item, i) => {
    if (!sources.has(item.source)) problems.push(`items[${i}]: unknown source '${item.source}'`);
    if (!item.form) problems.push(`items[${i}]: empty form`);
    if ((item.axis === null) !== (item.pole === null)) problems.push(`items[${i}]: axis and pole must both be set or both be null`);
    if (item.pole !== null && poles.get(item.pole) !== item.axis) problems.push(`items[${i}]: pole '${item.pole}' is not on axis '${String(item.axis)}'`);
    if ([...item.left].length > 10 || [...item.right].length > 10) problems.push(`items[${i}]: context longer than 10 characters`);
  });
  return problems;
}

export function itemsOf(devset: DevSet, split?: Split): DevItem[] {
  if (!split) return [...devset.items];
  const keep = new Set(devset.sources.filter((s) => s.split === split).map((s) => s.id));
  return devset.items.filter((i) => keep.has(i.source));
}
