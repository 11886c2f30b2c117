import { crosstab } from '../variables/crosstab';
import { groupArticles, groupByText } from '../variables/groupBy';
import { type GroupSummary, summariseGroup } from '../variables/summary';
import { FEW_ARTICLES, trendOf } from '../variables/trend';
import type { ExportData } from './collect';
import { mdText } from './markdown';
import { fill } from './strings';

const cell = (text: string): string => mdText(text).replace(/\|/g, '\\|');

/**
 * The Markdown of a grouping, as the dashboard's Groups tab shows it: the groups' table (articles, characters,
 * terms, rate, each axis' poles), the poles × values crosstab with its chi-square test and the stated assumptions,
 * and for a date period the trend table with thin periods flagged. Empty without `request.groupBy`.
 */
export function groupsMarkdown(data: ExportData): string[] {
  const by = data.request.groupBy;
  if (!by) return [];
  const { strings: s, request } = data;
  const lang = request.language;
  const groups = groupArticles(data.articles.map((a) => ({ characters: a.article.analysis.length, counts: a.article.analysis.counts, variables: a.article.variables ?? {} })), by);
  const axes = data.axes;
  const label = (v: string | null): string => (v === null ? s.noValue : cell(v));
  const table = (rows: readonly GroupSummary[], name: (g: GroupSummary) => string): string[] => [
    `| ${s.groupValue} | ${s.articles} | ${s.groupCharacters} | ${s.terms} | ${s.groupRate} | ${axes.map((a) => cell(a.label[lang])).join(' | ')} |`,
    `|---|--:|--:|--:|--:|${axes.map(() => '--:').join('|')}|`,
    ...rows.map((g) => `| ${name(g)} | ${g.files} | ${g.characters} | ${g.counts.total} | ${g.rate.toFixed(1)} | ${g.axes.map((x) => `${x.a} : ${x.b}`).join(' | ')} |`),
  ];
  const out = [`## ${fill(s.groupsBy, groupByText(by))}`, '', ...table(groups.map((g) => summariseGroup(g, axes)), (g) => label(g.value)), ''];
  const t = crosstab(groups, axes);
  const pole = (axis: string, id: string): string => {
    const a = axes.find((x) => x.id === axis);
    return cell(`${a?.label[lang] ?? axis} / ${a?.poles.find((p) => p.id === id)?.label[lang] ?? id}`);
  };
  out.push(`### ${s.crosstabTitle}`, '');
  if (t.rows.length > 0 && t.columns.length > 0) {
    out.push(`| | ${t.columns.map(label).join(' | ')} |`, `|---|${t.columns.map(() => '--:').join('|')}|`,
      ...t.rows.map((r, i) => `| ${pole(r.axis, r.pole)} | ${t.columns.map((_, j) => {
        const res = t.residuals[i]?.[j] ?? 0;
        return `${t.observed[i]?.[j] ?? 0} (${res >= 0 ? '+' : ''}${res.toFixed(2)})`;
      }).join(' | ')} |`), '');
  }
  const p = (x: number): string => (x < 0.001 ? '< 0.001' : x.toFixed(3));
  out.push(t.test ? fill(s.chiSquareLine, t.test.statistic.toFixed(2), t.test.df, p(t.test.p), t.test.cramersV.toFixed(2)) : s.noChiSquare, '');
  for (const w of t.warnings) {
    if (w.code === 'sparse') out.push(`> ${fill(s.sparseWarning, w.cells, w.of)}`, '');
    if (w.code === 'belowOne') out.push(`> ${fill(s.belowOneWarning, w.min.toFixed(2))}`, '');
  }
  if (by.period) {
    const points = trendOf(groups, by.period, axes);
    out.push(`### ${s.trendTitle}`, '', ...table(points, (g) => `${label(g.value)}${points.find((x) => x.value === g.value)?.few ? ' ⚠' : ''}`), '');
    if (points.some((x) => x.few)) out.push(fill(s.fewWarning, FEW_ARTICLES), '');
  }
  return out;
}
