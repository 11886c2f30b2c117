import type { ConcordanceArticle } from './article';
import { type WindowKind, atomQuery } from './query';
import { windowsOf } from './windows';

/** What a co-occurrence matrix counts: poles × poles, tags × tags, or both (poles first, then tags). */
export type CooccurrenceOf = 'poles' | 'tags' | 'both';
export const COOCCURRENCE_OFS: readonly CooccurrenceOf[] = ['poles', 'tags', 'both'];

/**
 * A co-occurrence matrix: `matrix[i][j]` counts the windows holding both label i and label j, `matrix[i][i]` the
 * windows holding label i. Labels are pole ids (lexicon order) and tag labels (sorted by code unit); `kinds` says
 * which each is.
 */
export interface Cooccurrence {
  readonly window: WindowKind;
  readonly of: CooccurrenceOf;
  readonly labels: readonly string[];
  readonly kinds: readonly ('pole' | 'tag')[];
  readonly matrix: readonly (readonly number[])[];
}

/** The pole ids of a lexicon in its order (each axis' first pole, then its second). */
function poleIds(article: ConcordanceArticle): string[] {
  return article.analysis.lexicon.lexicon.axes.flatMap((axis) => axis.poles.map((p) => p.id));
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The co-occurrence matrix of one article. A hit is in the window its start is in — for sentences, exactly the
 * sentence tension sites are found in, so for the two poles of one axis the cell is that axis' number of sites; an
 * annotation is in every window it overlaps.
 */
export function cooccurrenceOf(article: ConcordanceArticle, window: WindowKind, of: CooccurrenceOf): Cooccurrence {
  const poles = of === 'tags' ? [] : poleIds(article);
  const tags = of === 'poles' ? [] : [...new Set((article.tags ?? []).flatMap((t) => t.labels))].sort(byCodeUnit);
  const labels = [...poles, ...tags];
  const kinds = [...poles.map(() => 'pole' as const), ...tags.map(() => 'tag' as const)];
  const n = labels.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const windows = windowsOf(article, window);
  // Per window, the labels it holds.
  const held = new Map<number, Set<number>>();
  const hold = (w: number, label: number): void => {
    let set = held.get(w);
    if (!set) held.set(w, (set = new Set()));
    set.add(label);
  };
  if (poles.length > 0) {
    const poleIndex = new Map(poles.map((id, i) => [id, i]));
    article.analysis.forEachHit((hit) => {
      const w = windows.indexOf(hit.start);
      const label = poleIndex.get(hit.term.pole.id);
      if (w >= 0 && label !== undefined) hold(w, label);
    });
  }
  if (tags.length > 0) {
    const tagIndex = new Map(tags.map((label, i) => [label, poles.length + i]));
    for (const span of article.tags ?? []) {
      const { first, last } = windows.span(span.start, span.end);
      for (let w = first; w <= last; w++) for (const label of span.labels) hold(w, tagIndex.get(label) as number);
    }
  }
  for (const set of held.values()) {
    const present = [...set];
    for (const i of present) for (const j of present) (matrix[i] as number[])[j] = ((matrix[i] as number[])[j] as number) + 1;
  }
  return { window, of, labels, kinds, matrix };
}

/** Two matrices of the same window and kind added up, over the union of their labels (poles first, then tags sorted). */
export function addCooccurrence(a: Cooccurrence, b: Cooccurrence): Cooccurrence {
  const key = (kind: string, label: string): string => `${kind}\u0000${label}`;
  const poles: string[] = [];
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const m of [a, b]) {
    m.labels.forEach((label, i) => {
      const kind = m.kinds[i] as 'pole' | 'tag';
      if (seen.has(key(kind, label))) return;
      seen.add(key(kind, label));
      (kind === 'pole' ? poles : tags).push(label);
    });
  }
  tags.sort(byCodeUnit);
  const labels = [...poles, ...tags];
  const kinds = [...poles.map(() => 'pole' as const), ...tags.map(() => 'tag' as const)];
  const index = new Map(labels.map((label, i) => [key(kinds[i] as string, label), i]));
  const matrix = Array.from({ length: labels.length }, () => new Array<number>(labels.length).fill(0));
  for (const m of [a, b]) {
    const at = m.labels.map((label, i) => index.get(key(m.kinds[i] as string, label)) as number);
    m.matrix.forEach((row, i) => row.forEach((count, j) => {
      const r = matrix[at[i] as number] as number[];
      r[at[j] as number] = (r[at[j] as number] as number) + count;
    }));
  }
  return { window: a.window, of: a.of, labels, kinds, matrix };
}

/** An empty matrix to add articles' matrices to. */
export function emptyCooccurrence(window: WindowKind, of: CooccurrenceOf): Cooccurrence {
  return { window, of, labels: [], kinds: [], matrix: [] };
}

/**
 * The query whose concordance shows cell (i, j)'s windows: the hits of both labels in windows holding both (on the
 * diagonal, the label's occurrences in its windows).
 */
export function cellQuery(m: Cooccurrence, i: number, j: number): string {
  const atom = (k: number): string => atomQuery((m.kinds[k] === 'tag' ? 'tag' : 'pole'), m.labels[k] as string);
  if (i === j) return `${atom(i)} WITHIN ${m.window}`;
  return `(${atom(i)} AND ${atom(j)}) OR (${atom(j)} AND ${atom(i)}) WITHIN ${m.window}`;
}
