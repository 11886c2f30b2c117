import type { Sentence } from '../analyze/types';
import type { Lexicon } from '../lexicon/types';
import { LineIndex } from '../text/lines';
import type { AnnotationItem, ExportAnnotations, ExportArticle, ItemTag, PairEndItem, PairItem, SiteItem, TermItem } from './types';

/** Pinyin of a text, or '' when none can be given. */
export type PinyinOf = (text: string) => string;

/**
 * The pinyin function a request asks for, memoized per text (a term recurs many times). Without one, a term
 * form that is its term's first form gets the lexicon's build-time pinyin, so term rows still carry pinyin in a
 * host that cannot load the pinyin dictionary; other texts get ''.
 */
export function pinyinFunction(lexicon: Lexicon, pinyin?: PinyinOf): PinyinOf {
  const known = new Map<string, string>();
  if (!pinyin) {
    for (const term of lexicon.axes.flatMap((a) => a.poles.flatMap((p) => p.terms))) {
      const first = term.forms[0];
      if (first && term.pinyin && !known.has(first)) known.set(first, term.pinyin);
    }
    return (text) => known.get(text) ?? '';
  }
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = pinyin(text);
      known.set(text, value);
    }
    return value;
  };
}

/** Whitespace runs (line breaks included) as one space: a context or quote that fits in one spreadsheet cell line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The sentences overlapping `[start, end)` (the sentence holding `start` for an empty range), joined. */
function contextOf(text: string, sentences: readonly Sentence[], start: number, end: number): string {
  let lo = 0;
  let hi = sentences.length - 1;
  // The first sentence that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid]?.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const parts: string[] = [];
  for (let i = lo; i < sentences.length; i++) {
    const s = sentences[i];
    if (!s || s.start >= Math.max(end, start + 1)) break;
    if (s.end > start) parts.push(text.slice(s.start, s.end));
  }
  return oneLine(parts.join(''));
}

/** Every annotation set of an article: its sidecar's, then (an export of all coders) the other coders'. */
export function annotationSets(article: ExportArticle): ExportAnnotations[] {
  return [...(article.annotations ? [article.annotations] : []), ...(article.coders ?? [])];
}

/** The user annotations of an article (every coder's, when it holds several) in text order, orphans last, with tags resolved to labels. */
export function annotationItems(article: ExportArticle, pinyin: PinyinOf): AnnotationItem[] {
  const lines = LineIndex.of(article.text);
  const all = annotationSets(article).flatMap((set) => set.anchors.map((anchor) => ({ anchor, set, tags: new Map(set.tags.map((t) => [t.id, t])) })));
  const sorted = all.sort((a, b) => (a.anchor.state === 'orphaned' ? 1 : 0) - (b.anchor.state === 'orphaned' ? 1 : 0)
    || a.anchor.annotation.target.position.start - b.anchor.annotation.target.position.start);
  return sorted.map(({ anchor: { annotation, state }, set, tags }) => {
    const { position, quote } = annotation.target;
    const start = Math.min(position.start, article.text.length);
    const end = Math.min(Math.max(position.end, start), article.text.length);
    const at = lines.positionAt(start);
    const itemTags: ItemTag[] = annotation.tags.map((id) => {
      const tag = tags.get(id);
      return tag ? { id, label: tag.label, ...(tag.color ? { color: tag.color } : {}) } : { id, label: id };
    });
    return {
      kind: 'annotation', file: article.path, id: annotation.id, line: at.line + 1, column: at.character + 1, start, end,
      text: quote.exact, tags: itemTags, note: annotation.note,
      context: state === 'orphaned' ? '' : contextOf(article.text, article.analysis.sentences, start, end),
      pinyin: pinyin(quote.exact), state, created: annotation.created, modified: annotation.modified,
      prefix: quote.prefix, suffix: quote.suffix, ...(set.coder === undefined ? {} : { coder: set.coder }),
    };
  });
}

/** The term occurrences of an article in text order. */
export function termItems(article: ExportArticle, pinyin: PinyinOf): TermItem[] {
  const { text, analysis } = article;
  return analysis.hits.map((hit) => ({
    kind: 'term', file: article.path, line: hit.line + 1, column: hit.character + 1, start: hit.start, end: hit.end,
    text: hit.text, term: hit.term, axis: hit.axis, pole: hit.pole, negated: hit.negated,
    context: contextOf(text, analysis.sentences, hit.start, hit.end), pinyin: pinyin(hit.text),
  }));
}

/** The tension sites of an article in text order, with the pole terms inside each (distinct, as they read). */
export function siteItems(article: ExportArticle, lexicon: Lexicon): SiteItem[] {
  const { analysis } = article;
  const lines = LineIndex.of(article.text);
  const axes = new Map(lexicon.axes.map((a) => [a.id, a]));
  const forms = (indices: readonly number[]): string[] => [...new Set(indices.map((i) => analysis.hits[i]?.text ?? '').filter((t) => t))];
  return analysis.sites.map((site) => {
    const axis = axes.get(site.axis);
    const at = lines.positionAt(site.start);
    return {
      kind: 'site', file: article.path, line: at.line + 1, column: at.character + 1, start: site.start, end: site.end,
      axis: site.axis, text: oneLine(site.text),
      poleA: { pole: axis?.poles[0].id ?? '', terms: forms(site.poleA) },
      poleB: { pole: axis?.poles[1].id ?? '', terms: forms(site.poleB) },
      markers: site.markers.map((m) => m.text),
    };
  });
}

/** The tension pairs of an article, by the place of their first end; both ends of each, orphaned ones included. */
export function pairItems(article: ExportArticle): PairItem[] {
  const set = article.annotations;
  if (!set?.pairs || set.pairs.length === 0) return [];
  const lines = LineIndex.of(article.text);
  const endItem = (target: { readonly quote: { readonly exact: string; readonly prefix: string; readonly suffix: string }; readonly position: { readonly start: number; readonly end: number } }, state: PairEndItem['state']): PairEndItem => {
    const start = Math.min(target.position.start, article.text.length);
    const end = Math.min(Math.max(target.position.end, start), article.text.length);
    const at = lines.positionAt(start);
    return { line: at.line + 1, column: at.character + 1, start, end, text: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix, state };
  };
  return [...set.pairs]
    .sort((a, b) => a.pair.ends[0].position.start - b.pair.ends[0].position.start || (a.pair.id < b.pair.id ? -1 : 1))
    .map(({ pair, states }) => ({
      kind: 'pair', file: article.path, id: pair.id, axis: pair.axis, note: pair.note, created: pair.created, modified: pair.modified,
      ends: [endItem(pair.ends[0], states[0]), endItem(pair.ends[1], states[1])] as const,
      ...(set.coder === undefined ? {} : { coder: set.coder }),
    }));
}
