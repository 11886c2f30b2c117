import { type ChartTheme, type PoleColorMap, cooccurrenceChart, cooccurrenceLabels, escapeXml as esc, groupBalanceChart } from '../../charts';
import { addCooccurrence, cooccurrenceOf, emptyCooccurrence } from '../../concordance/cooccur';
import { type KwicLine, DEFAULT_KWIC_WIDTH, concordance, sortKwicLines } from '../../concordance/kwic';
import { QueryError, parseQuery } from '../../concordance/query';
import { taggedSpansOf } from '../../concordance/tagged';
import { crosstab } from '../../variables/crosstab';
import { groupArticles, groupByText } from '../../variables/groupBy';
import { type GroupSummary, summariseGroup } from '../../variables/summary';
import { FEW_ARTICLES, trendOf } from '../../variables/trend';
import type { ExportData } from '../collect';
import { fill } from '../strings';

/** Draws a chart for the light and the dark page (the report's `chart`), with the colours of each. */
export type DrawBoth = (draw: (colors: PoleColorMap, theme: ChartTheme, dark: boolean) => string, className: string) => string;

const section = (className: string, title: string, body: string): string => `<section class="card ${className}"><h3>${esc(title)}</h3>${body}</section>`;
const p = (x: number): string => (x < 0.001 ? '< 0.001' : x.toFixed(3));

/**
 * The grouping of the report, as the dashboard's Groups tab and the Markdown export show it: the groups' table, each
 * axis per group as a chart, the poles × values crosstab with its chi-square test, residuals and stated assumptions,
 * and for a date period the trend chart with thin periods flagged. '' without `request.groupBy`.
 */
export function groupsSection(data: ExportData, both: DrawBoth): string {
  const by = data.request.groupBy;
  if (!by) return '';
  const { strings: s, request, axes } = data;
  const lang = request.language;
  const groups = groupArticles(data.articles.map((a) => ({ characters: a.article.analysis.length, counts: a.article.analysis.counts, variables: a.article.variables ?? {} })), by);
  const summaries = groups.map((g) => summariseGroup(g, axes));
  const valueText = (v: string | null): string => (v === null ? s.noValue : v);
  const table = (rows: readonly GroupSummary[], name: (g: GroupSummary) => string): string => `<table class="groups"><thead><tr><th>${esc(s.groupValue)}</th><th class="n">${esc(s.articles)}</th><th class="n">${
    esc(s.groupCharacters)}</th><th class="n">${esc(s.terms)}</th><th class="n">${esc(s.groupRate)}</th>${axes.map((a) => `<th class="n" title="${esc(`${a.poles[0].label[lang]} : ${a.poles[1].label[lang]}`)}">${esc(a.label[lang])}</th>`).join('')}</tr></thead><tbody>${
    rows.map((g) => `<tr data-value="${esc(g.value ?? '')}"><th>${esc(name(g))}</th><td class="n">${g.files}</td><td class="n">${g.characters}</td><td class="n">${g.counts.total}</td><td class="n">${g.rate.toFixed(1)}</td>${
      g.axes.map((x) => `<td class="n">${x.a} : ${x.b}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const chartOf = (rows: readonly GroupSummary[], title: string, labelOf: (g: GroupSummary) => string, className: string): string =>
    both((colors, theme) => groupBalanceChart(rows, axes, colors, theme, lang, { title, width: 900, labelOf }), className);
  let html = `<div class="table-wrap">${table(summaries, (g) => valueText(g.value))}</div>`
    + `<p class="hint">${esc(s.groupBalance)}</p>${chartOf(summaries, s.groupBalance, (g) => valueText(g.value), 'bars group-balance')}`;

  const t = crosstab(groups, axes);
  const pole = (axis: string, id: string): string => {
    const a = axes.find((x) => x.id === axis);
    return `${a?.label[lang] ?? axis} / ${a?.poles.find((x) => x.id === id)?.label[lang] ?? id}`;
  };
  const cross = t.rows.length > 0 && t.columns.length > 0
    ? `<div class="table-wrap"><table class="crosstab"><thead><tr><th>${esc(s.pole)}</th>${t.columns.map((c) => `<th class="n">${esc(valueText(c))}</th>`).join('')}</tr></thead><tbody>${
      t.rows.map((r, i) => `<tr><th>${esc(pole(r.axis, r.pole))}</th>${t.columns.map((_, j) => {
        const o = t.observed[i]?.[j] ?? 0;
        const res = t.residuals[i]?.[j] ?? 0;
        return `<td class="n${res > 1.96 ? ' over' : res < -1.96 ? ' under' : ''}" data-observed="${o}" data-residual="${res.toFixed(2)}">${o} (${res >= 0 ? '+' : ''}${res.toFixed(2)})</td>`;
      }).join('')}</tr>`).join('')}</tbody></table></div>` : '';
  const verdict = t.test ? fill(s.chiSquareLine, t.test.statistic.toFixed(2), t.test.df, p(t.test.p), t.test.cramersV.toFixed(2)) : s.noChiSquare;
  const warnings = t.warnings.flatMap((w) => (w.code === 'sparse' ? [fill(s.sparseWarning, w.cells, w.of)] : w.code === 'belowOne' ? [fill(s.belowOneWarning, w.min.toFixed(2))] : []));
  html += `<h4>${esc(s.crosstabTitle)}</h4>${cross}<p class="chi-square">${esc(verdict)}</p>${warnings.map((w) => `<p class="warning">⚠ ${esc(w)}</p>`).join('')}`;

  if (by.period) {
    const points = trendOf(groups, by.period, axes);
    const name = (g: GroupSummary): string => `${valueText(g.value)}${points.find((x) => x.value === g.value)?.few ? ' ⚠' : ''}`;
    html += `<h4>${esc(s.trendTitle)}</h4>${points.some((x) => x.few) ? `<p class="hint warning">${esc(fill(s.fewWarning, FEW_ARTICLES))}</p>` : ''}`
      + chartOf(points, s.trendTitle, (g) => `${name(g)} (${g.files})`, 'bars trend') + `<div class="table-wrap">${table(points, name)}</div>`;
  }
  return section('groups-card', fill(s.groupsBy, groupByText(by)), html);
}

/** The articles as the concordance reads them: text, analysis and their placed annotations' tags. */
function concordanceArticles(data: ExportData): { path: string; article: { text: string; analysis: ExportData['articles'][number]['article']['analysis']; tags: ReturnType<typeof taggedSpansOf> } }[] {
  return data.articles.map(({ article }) => ({ path: article.path, article: { text: article.text, analysis: article.analysis, tags: taggedSpansOf(article.annotations) } }));
}

/**
 * The co-occurrence matrix of all the report's articles (the numbers of `cooccur --json` over the same files) as a
 * heat map. '' without `request.cooccurrence`.
 */
export function cooccurrenceSection(data: ExportData, both: DrawBoth): string {
  const asked = data.request.cooccurrence;
  if (!asked) return '';
  const { strings: s, request } = data;
  const m = concordanceArticles(data).reduce((sum, { article }) => addCooccurrence(sum, cooccurrenceOf(article, asked.window, asked.of)), emptyCooccurrence(asked.window, asked.of));
  const windowWord = asked.window === 'sentence' ? s.sentenceWindow : asked.window === 'paragraph' ? s.paragraphWindow : s.sectionWindow;
  const title = fill(s.cooccurrenceTitle, windowWord);
  const body = m.labels.length === 0 ? `<p class="empty">${esc(s.noTerms)}</p>`
    : `<p class="hint">${esc(s.cooccurrenceHint)}</p>${both((colors, theme, dark) => {
      const labels = cooccurrenceLabels(m, data.axes, colors, theme, request.language, s.tagWord);
      return cooccurrenceChart(m, labels, theme, { title, fill: dark ? '#4493f8' : '#0969da', cellTitle: (a, b, n) => fill(s.cooccurrenceCell, a.name, b.name, n) });
    }, 'heatmap cooccurrence')}`;
  return `<section class="card cooccurrence-card" data-window="${esc(asked.window)}" data-of="${esc(asked.of)}"><h3>${esc(title)}</h3>${body}</section>`;
}

/** The lines of the report's concordance, as `kwic --json` gives them over the same files; a query error as a message. */
export function concordanceLinesOf(data: ExportData): { lines: KwicLine[] } | { error: string } {
  const asked = data.request.concordance;
  if (!asked) return { lines: [] };
  let node;
  try {
    node = parseQuery(asked.query);
  } catch (e) {
    if (e instanceof QueryError) return { error: e.message.split('\n')[0] ?? e.message };
    throw e;
  }
  const lines = concordanceArticles(data).flatMap(({ path, article }) => concordance(path, article, node, asked.width ?? DEFAULT_KWIC_WIDTH));
  return { lines: sortKwicLines(lines, asked.sort ?? 'position') };
}

/**
 * The concordance of a query over the report's articles: one row per line, left context right-aligned against the
 * match, each linked to its line in the article's section of the report. '' without `request.concordance`.
 */
export function concordanceSection(data: ExportData, lineHref: (path: string, line: number) => string | undefined): string {
  const asked = data.request.concordance;
  if (!asked) return '';
  const { strings: s } = data;
  const found = concordanceLinesOf(data);
  const title = fill(s.concordanceTitle, asked.query);
  if ('error' in found) return `<section class="card concordance-card"><h3>${esc(title)}</h3><p class="warning">${esc(fill(s.concordanceError, found.error))}</p></section>`;
  const rows = found.lines.map((l) => {
    const href = lineHref(l.path, l.line + 1);
    const where = `${l.path}:${l.line + 1}`;
    return `<tr data-path="${esc(l.path)}" data-start="${l.start}"><td class="where">${href ? `<a href="${esc(href)}">${esc(where)}</a>` : esc(where)}</td><td class="kwic-left">${esc(l.left)}</td><td class="kwic-match">${esc(l.match)}</td><td class="kwic-right">${esc(l.right)}</td></tr>`;
  });
  const body = rows.length === 0 ? `<p class="empty">${esc(s.noConcordance)}</p>`
    : `<div class="table-wrap"><table class="kwic"><thead><tr><th>${esc(s.line)}</th><th class="kwic-left">${esc(s.left)}</th><th class="kwic-match">${esc(s.match)}</th><th>${esc(s.right)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return `<section class="card concordance-card"><h3>${esc(title)}<span class="count">${found.lines.length}</span></h3>${body}</section>`;
}
