import { groupBalanceChart } from '../../core/charts';
import type { DashboardStrings } from '../../core/dashboard/protocol';
import type { ArticleRow, DashboardAxis } from '../../core/dashboard/types';
import { type Crosstab, crosstab } from '../../core/variables/crosstab';
import { DATE_PERIODS, groupArticles, parseGroupBy } from '../../core/variables/groupBy';
import { type GroupSummary, summariseGroup } from '../../core/variables/summary';
import { FEW_ARTICLES, trendOf } from '../../core/variables/trend';
import { isDateVariable } from '../../core/variables/values';
import type { ViewContext } from './context';
import { chart, format, h } from './dom';

/** The variables of the rows, in the order first met; a date variable when every value reads as an ISO date. */
function variablesOf(rows: readonly ArticleRow[]): { name: string; date: boolean }[] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.variables ?? {})))];
  return names.map((name) => ({
    name, date: isDateVariable(name) && rows.every((r) => { const v = r.variables?.[name]; return v === undefined || /^\d{4}(?:-\d\d){0,2}$/.test(v); }),
  }));
}

function groupByControl(context: ViewContext, variables: readonly { name: string; date: boolean }[]): HTMLElement {
  const s = context.data.strings;
  const current = context.state.groupBy ?? '';
  const options: [string, string][] = [['', s.noGrouping]];
  for (const v of variables) {
    options.push([v.name, v.name]);
    if (v.date) options.push([`${v.name}:year`, format(s.byYear, v.name)], [`${v.name}:quarter`, format(s.byQuarter, v.name)], [`${v.name}:month`, format(s.byMonth, v.name)]);
  }
  const select = h('select', { 'data-key': 'group-by', 'aria-label': s.groupBy }, ...options.map(([value, label]) => h('option', { value, selected: value === current }, label)));
  select.addEventListener('change', () => context.setState({ groupBy: select.value }));
  return h('div', { class: 'toolbar' }, h('label', { class: 'axis-sort' }, s.groupBy, select));
}

const valueText = (value: string | null, s: DashboardStrings): string => value ?? s.noValue;

function groupTable(groups: readonly GroupSummary[], axes: readonly DashboardAxis[], context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const used = axes.map((axis, i) => ({ axis, i })).filter(({ i }) => groups.some((g) => (g.axes[i]?.a ?? 0) + (g.axes[i]?.b ?? 0) > 0));
  const head = h('tr', {},
    h('th', { scope: 'col' }, s.colValue), h('th', { scope: 'col', class: 'num' }, s.colFiles), h('th', { scope: 'col', class: 'num' }, s.colCharacters),
    h('th', { scope: 'col', class: 'num' }, s.colTerms), h('th', { scope: 'col', class: 'num' }, s.colRate),
    ...used.map(({ axis }) => h('th', { scope: 'col', class: 'num', title: `${axis.poles[0].label[context.language]} : ${axis.poles[1].label[context.language]}` }, axis.label[context.language])));
  const body = groups.map((g) => h('tr', { class: 'group', 'data-key': `group:${g.value ?? ''}`, 'data-value': g.value ?? '' },
    h('th', { scope: 'row', class: g.value === null ? 'no-value' : '' }, valueText(g.value, s)),
    h('td', { class: 'num files' }, String(g.files)),
    h('td', { class: 'num characters' }, String(g.characters)),
    h('td', { class: 'num terms' }, String(g.counts.total)),
    h('td', { class: 'num rate' }, g.rate.toFixed(1)),
    ...used.map(({ axis, i }) => {
      const b = g.axes[i];
      return h('td', { class: 'num axis', 'data-axis': axis.id, 'data-a': b?.a ?? 0, 'data-b': b?.b ?? 0 }, `${b?.a ?? 0} : ${b?.b ?? 0}`);
    })));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'overview groups', 'aria-label': s.groups }, h('thead', {}, head), h('tbody', {}, ...body)));
}

function crosstabCard(table: Crosstab, axes: readonly DashboardAxis[], context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const lang = context.language;
  const poleLabel = (axisId: string, poleId: string): string => {
    const axis = axes.find((a) => a.id === axisId);
    const pole = axis?.poles.find((p) => p.id === poleId);
    return `${axis?.label[lang] ?? axisId} / ${pole?.label[lang] ?? poleId}`;
  };
  const head = h('tr', {}, h('th', { scope: 'col' }, s.pole), ...table.columns.map((c) => h('th', { scope: 'col', class: 'num' }, valueText(c, s))));
  const body = table.rows.map((row, i) => h('tr', { 'data-key': `cross:${row.axis}/${row.pole}` }, h('th', { scope: 'row' }, poleLabel(row.axis, row.pole)),
    ...table.columns.map((_, j) => {
      const o = table.observed[i]?.[j] ?? 0;
      const r = table.residuals[i]?.[j] ?? 0;
      return h('td', { class: `num${r > 1.96 ? ' over' : r < -1.96 ? ' under' : ''}`, 'data-observed': o, 'data-residual': r.toFixed(2) }, `${o} (${r >= 0 ? '+' : ''}${r.toFixed(2)})`);
    })));
  const test = table.test;
  const p = (x: number): string => (x < 0.001 ? '< 0.001' : x.toFixed(3));
  const verdict = test
    ? format(s.chiSquare, test.statistic.toFixed(2), test.df, p(test.p), test.cramersV.toFixed(2), table.total)
    : s.chiSquareNone;
  const warnings = table.warnings.flatMap((w) => (w.code === 'sparse' ? [format(s.warnSparse, w.cells, w.of)] : w.code === 'belowOne' ? [format(s.warnBelowOne, w.min.toFixed(2))] : []));
  return h('section', { class: 'card crosstab-card', 'aria-label': s.crosstab },
    h('h3', {}, s.crosstab),
    h('p', { class: 'chi-square', role: 'status' }, verdict),
    ...warnings.map((w) => h('p', { class: 'warning' }, `⚠ ${w}`)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'overview crosstab' }, h('thead', {}, head), h('tbody', {}, ...body))),
    h('p', { class: 'hint' }, s.crosstabHint));
}

/** Groups: articles grouped by a document variable, with per-group balance, the crosstab and, for dates, the trend. */
export function renderGroups(root: HTMLElement, context: ViewContext): number {
  const s = context.data.strings;
  const { model } = context.data;
  const rows = model.articles.filter((r) => !r.error);
  const variables = variablesOf(rows);
  root.append(groupByControl(context, variables));
  if (variables.length === 0) {
    root.append(h('p', { class: 'empty' }, s.noVariables));
    return 0;
  }
  const by = parseGroupBy(context.state.groupBy ?? '');
  if ('error' in by) return 0;
  const groups = groupArticles(rows.map((r) => ({ characters: r.length, counts: r.counts, variables: r.variables ?? {} })), by);
  const summaries = groups.map((g) => summariseGroup(g, model.axes));
  const width = Math.min(900, context.width - 30);
  root.append(groupTable(summaries, model.axes, context));
  root.append(h('section', { class: 'card', 'aria-label': s.groupBalance }, h('h3', {}, s.groupBalance),
    chart(groupBalanceChart(summaries, model.axes, context.colors, context.theme, context.language, { title: s.groupBalance, width, labelOf: (g) => valueText(g.value, s) }), 'group-balance')));
  root.append(crosstabCard(crosstab(groups, model.axes), model.axes, context));
  const period = by.period;
  if (period && DATE_PERIODS.includes(period)) {
    const points = trendOf(groups, period, model.axes);
    root.append(h('section', { class: 'card trend-card', 'aria-label': s.trend }, h('h3', {}, s.trend),
      points.some((p) => p.few) && h('p', { class: 'hint' }, format(s.trendFew, FEW_ARTICLES)),
      chart(groupBalanceChart(points, model.axes, context.colors, context.theme, context.language, {
        title: s.trend, width, labelOf: (g) => `${g.value ?? ''}${(g as { few?: boolean }).few ? ' ⚠' : ''} (${g.files})`,
      }), 'trend')));
  }
  return groups.length;
}
