import type { CompiledLexicon } from '../lexicon/compile';
import type { ConcordanceArticle, Occurrence } from './article';
import { type QueryNode, QueryError, atomsOf } from './query';
import { type Windows, windowsOf } from './windows';

type Atom = Extract<QueryNode, { kind: 'atom' }>;

/**
 * Throws `QueryError` at the first `term:`, `pole:` or `axis:` whose id the lexicon does not know (a typo would
 * otherwise find nothing, silently). Tags are not checked: each article's sidecar has its own.
 */
export function checkQuery(node: QueryNode, query: string, lexicon: CompiledLexicon): void {
  const ids = { term: new Set<string>(), pole: new Set<string>(), axis: new Set<string>() };
  for (const t of lexicon.terms) {
    ids.term.add(t.term.id);
    ids.pole.add(t.pole.id);
    ids.axis.add(t.axis.id);
  }
  for (const atom of atomsOf(node)) {
    if (atom.field !== 'term' && atom.field !== 'pole' && atom.field !== 'axis') continue;
    const known = ids[atom.field];
    if (!known.has(atom.value)) {
      const some = [...known].slice(0, 4).join(', ');
      throw new QueryError(query, atom.at + atom.field.length + 1, `the id of a ${atom.field} in the lexicon (such as ${some})`, `'${atom.value}'`);
    }
  }
}

/** Where a query's AND and NEAR look for their second operand: anywhere (overlap, distance) or in the same window. */
type Scope = Windows | undefined;

/**
 * The places in one article a query finds, in text order (ties by end). `a AND b`: the occurrences of `a` that
 * overlap one of `b` — or, under `WITHIN w`, share a window with one. `a NEAR/n b`: those of `a` within n UTF-16
 * units of another of `b` (and in the same window under `WITHIN`). `a OR b`: both. `axis:x WITHIN w`: the axis'
 * hits in windows holding both its poles (with w = sentence, exactly the hits of its tension sites).
 */
export function evaluateQuery(node: QueryNode, article: ConcordanceArticle): Occurrence[] {
  return evaluate(node, article, undefined);
}

function evaluate(node: QueryNode, article: ConcordanceArticle, scope: Scope): Occurrence[] {
  switch (node.kind) {
    case 'atom': return atomOccurrences(node, article);
    case 'or': return union(evaluate(node.left, article, scope), evaluate(node.right, article, scope));
    case 'and': return withPartner(evaluate(node.left, article, scope), evaluate(node.right, article, scope), scope, 0, true);
    case 'near': return withPartner(evaluate(node.left, article, scope), evaluate(node.right, article, scope), scope, node.distance, false);
    case 'within': {
      const windows = windowsOf(article, node.window);
      if (node.inner.kind === 'atom' && node.inner.field === 'axis') return axisInWindows(node.inner.value, article, windows);
      return evaluate(node.inner, article, windows).filter((o) => windows.indexOf(o.start) >= 0);
    }
  }
}

/** Every occurrence of one atom, in text order. */
export function atomOccurrences(atom: Atom, article: ConcordanceArticle): Occurrence[] {
  const out: Occurrence[] = [];
  const { value } = atom;
  switch (atom.field) {
    case 'term':
    case 'pole':
    case 'axis': {
      const field = atom.field;
      article.analysis.forEachHit((hit) => {
        const id = field === 'term' ? hit.term.term.id : field === 'pole' ? hit.term.pole.id : hit.term.axis.id;
        if (id === value) out.push({ start: hit.start, end: hit.end, term: hit.term.term.id, axis: hit.term.axis.id, pole: hit.term.pole.id, negated: hit.negated });
      });
      return out;
    }
    case 'tag':
      for (const span of article.tags ?? []) {
        if (span.labels.includes(value)) out.push({ start: span.start, end: span.end, term: null, axis: null, pole: null, negated: false });
      }
      return out.sort(byPlace);
    case 'text': {
      const { text } = article;
      // Non-overlapping, left to right, as a reader would count them.
      for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length)) {
        out.push({ start: i, end: i + value.length, term: null, axis: null, pole: null, negated: false });
      }
      return out;
    }
  }
}

const byPlace = (a: Occurrence, b: Occurrence): number => a.start - b.start || a.end - b.end;

function union(a: readonly Occurrence[], b: readonly Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const next = !y || (x && byPlace(x, y) <= 0) ? (i++, x) : (j++, y);
    const last = out[out.length - 1];
    if (next && !(last && last.start === next.start && last.end === next.end)) out.push(next);
  }
  return out;
}

/**
 * The occurrences of `a` with a partner in `b`: in the same window when scoped, and overlapping (`overlap`) or at
 * most `distance` units away (NEAR, where an occurrence is never its own partner).
 */
function withPartner(a: readonly Occurrence[], b: readonly Occurrence[], scope: Scope, distance: number, overlap: boolean): Occurrence[] {
  if (a.length === 0 || b.length === 0) return [];
  if (overlap && scope) {
    const windowsWithB = new Set<number>();
    for (const o of b) {
      const { first, last } = scope.span(o.start, o.end);
      for (let w = first; w <= last; w++) windowsWithB.add(w);
    }
    return a.filter((o) => windowsWithB.has(scope.indexOf(o.start)));
  }
  // b by start, with the longest b: the partners of an occurrence start within [start - reach - longest, end + reach].
  let longest = 0;
  for (const o of b) longest = Math.max(longest, o.end - o.start);
  const starts = Int32Array.from(b, (o) => o.start);
  const out: Occurrence[] = [];
  for (const o of a) {
    const window = scope?.indexOf(o.start);
    const from = firstAtLeast(starts, o.start - distance - longest);
    for (let k = from; k < b.length; k++) {
      const p = b[k] as Occurrence;
      if (overlap ? p.start >= o.end : p.start > o.end + distance) break;
      const partner = overlap ? p.end > o.start : !(p.start === o.start && p.end === o.end) && gap(o, p) <= distance;
      if (partner) {
        if (window === undefined || scope?.indexOf(p.start) === window) {
          out.push(o);
          break;
        }
      }
    }
  }
  return out;
}

/** Units of text between two ranges (0 when they touch or overlap). */
const gap = (a: Occurrence, b: Occurrence): number => Math.max(0, b.start - a.end, a.start - b.end);

function firstAtLeast(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The hits of an axis in the windows that hold hits of both its poles. */
function axisInWindows(axisId: string, article: ConcordanceArticle, windows: Windows): Occurrence[] {
  const hits = atomOccurrences({ kind: 'atom', field: 'axis', value: axisId, at: 0 }, article);
  const sides = new Map<number, Set<string>>();
  for (const h of hits) {
    const w = windows.indexOf(h.start);
    if (w < 0) continue;
    let poles = sides.get(w);
    if (!poles) sides.set(w, (poles = new Set()));
    poles.add(h.pole ?? '');
  }
  return hits.filter((h) => (sides.get(windows.indexOf(h.start))?.size ?? 0) >= 2);
}
