import type { TensionCounts } from '../analyze/types';
import type { SidecarTag } from '../annotations/types';
import { buildArticleDetail } from '../dashboard/detail';
import { axisCounts, balanceOf, dashboardAxes, sumCounts } from '../dashboard/model';
import type { ArticleDetail, ArticleRow, DashboardAxis } from '../dashboard/types';
import { annotationItems, annotationSets, pairItems, pinyinFunction, siteItems, termItems } from './items';
import { poleColors } from '../lexicon/palette';
import { type ExportStrings, exportStrings } from './strings';
import type { AnnotationItem, ExportArticle, ExportRequest, ExportSummary, PairItem, SiteItem, TermItem } from './types';

/** What of an article goes into the export. */
export interface ArticleData {
  readonly article: ExportArticle;
  /** The article's tag codebook (empty without a sidecar). */
  readonly tags: readonly SidecarTag[];
  readonly annotations: readonly AnnotationItem[];
  readonly terms: readonly TermItem[];
  readonly sites: readonly SiteItem[];
  /** Tension pairs, with the annotations (`annotations` and `report`). */
  readonly pairs: readonly PairItem[];
  /** The dashboard's article view of it: sections × axes, top terms per pole, counts. */
  readonly detail: ArticleDetail;
}

/** The request turned into rows once, for every writer. */
export interface ExportData {
  readonly request: ExportRequest;
  readonly strings: ExportStrings;
  readonly axes: readonly DashboardAxis[];
  readonly articles: readonly ArticleData[];
  /** Counts summed over the articles, as `tension-lens stats` sums them. */
  readonly totals: TensionCounts;
  /** Pole id → its colour for a light page (`#rrggbb`). */
  readonly colors: ReadonlyMap<string, string>;
  /** The names of the articles' variables, in the order they are first met: the extra columns of every table. */
  readonly variables: readonly string[];
  /** Which parts the `what` asks for. */
  readonly parts: { readonly annotations: boolean; readonly terms: boolean; readonly stats: boolean; readonly sites: boolean };
}

/** Formats that print pinyin; the others skip the work. */
const WITH_PINYIN = new Set(['csv', 'json']);

function rowOf(article: ExportArticle, request: ExportRequest): ArticleRow {
  const { analysis } = article;
  const axes = axisCounts(analysis.counts, request.lexicon);
  return {
    path: article.path, format: analysis.format, length: analysis.length, counts: analysis.counts, axes,
    terms: analysis.counts.total, balance: balanceOf(axes), sites: analysis.siteCount,
    annotations: annotationSets(article).reduce((n, set) => n + set.anchors.length, 0),
  };
}

/** Builds the rows of every article for the parts the request's `what` asks for. */
export function collect(request: ExportRequest): ExportData {
  const { what } = request;
  const parts = {
    annotations: what === 'annotations' || what === 'report',
    terms: what === 'terms' || what === 'report',
    stats: what === 'stats' || what === 'report',
    sites: what === 'sites' || what === 'report',
  };
  const pinyin = WITH_PINYIN.has(request.format) ? pinyinFunction(request.lexicon, request.pinyin) : () => '';
  const articles = request.articles.map((article): ArticleData => ({
    article,
    tags: annotationSets(article).flatMap((set) => set.tags),
    annotations: parts.annotations ? annotationItems(article, pinyin) : [],
    terms: parts.terms ? termItems(article, pinyin) : [],
    sites: parts.sites ? siteItems(article, request.lexicon) : [],
    pairs: parts.annotations ? pairItems(article) : [],
    detail: buildArticleDetail(rowOf(article, request), article.text, article.analysis, request.lexicon),
  }));
  return {
    request, strings: exportStrings(request.language), axes: dashboardAxes(request.lexicon), articles, parts,
    colors: new Map(poleColors(request.lexicon).map((c) => [c.pole, c.light])),
    totals: sumCounts(request.articles.map((a) => a.analysis.counts)),
    variables: [...new Set(request.articles.flatMap((a) => Object.keys(a.variables ?? {})))],
  };
}

/** True when the format writes tension sites for this `what` (the item formats have no place for them). */
function writesSites(data: ExportData): boolean {
  const { format, what } = data.request;
  return format === 'json' || format === 'md' || format === 'html' || (format === 'csv' && what === 'sites');
}

/**
 * How much the export holds; `orphaned` counts annotations with no place in the current text. REFI-QDA leaves the
 * orphans out, so its `annotations` count only the placed ones: the result message says what the file holds.
 */
export function summarize(data: ExportData): ExportSummary {
  const annotations = data.articles.flatMap((a) => a.annotations);
  const orphaned = annotations.filter((a) => a.state === 'orphaned').length;
  return {
    articles: data.articles.length,
    annotations: data.request.format === 'qdpx' ? annotations.length - orphaned : annotations.length,
    terms: data.parts.terms || data.parts.stats ? data.totals.total : 0,
    sites: writesSites(data) ? data.articles.reduce((n, a) => n + a.sites.length, 0) : 0,
    orphaned,
  };
}

/** True when the export would hold nothing a reader wants: no file should be written. */
export function isEmpty(data: ExportData): boolean {
  const s = summarize(data);
  return s.annotations === 0 && s.terms === 0 && s.sites === 0;
}
