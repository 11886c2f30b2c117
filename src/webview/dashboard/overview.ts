import { axisTotalsChart, profileSparkline } from '../../core/charts';
import type { DashboardStrings } from '../../core/dashboard/protocol';
import type { ArticleError, ArticleRow } from '../../core/dashboard/types';
import { type SortKey, visibleRows } from '../../core/dashboard/table';
import type { ViewContext } from './context';
import { axisCounts } from '../../core/dashboard/counts';
import { chart, counted, format, h, onActivate, splitPath } from './dom';

/** The sentence of an error row, in the UI language. */
export function errorText(error: ArticleError, s: DashboardStrings): string {
  switch (error.code) {
    case 'binary': return s.errorBinary;
    case 'encoding': return error.detail ? format(s.errorEncodingAs, error.detail) : s.errorEncoding;
    case 'tooLarge': return format(s.errorTooLarge, error.detail ?? '?');
    case 'unreadable': return format(s.errorUnreadable, error.detail ?? '');
  }
}

function sortHeader(label: string, key: SortKey, context: ViewContext, numeric: boolean): HTMLTableCellElement {
  const { sort, descending } = context.state.table;
  const active = sort === key;
  const button = h('button', { class: 'sort', type: 'button', 'data-key': `sort:${key}` }, label, h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (descending ? '▼' : '▲') : ''));
  button.addEventListener('click', () => {
    // A number column starts with the largest values, the path column with A.
    const next = active ? !descending : numeric;
    context.setState({ table: { ...context.state.table, sort: key, descending: next } });
  });
  return h('th', { scope: 'col', class: numeric ? 'num' : '', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' }, button);
}

/** The workspace totals per axis; its rows are in the order of every row's profile, so it doubles as the legend. */
function totals(context: ViewContext): HTMLElement {
  const { model, strings: s } = context.data;
  const svg = axisTotalsChart(axisCounts(model.totals, model.axes), model.axes, context.colors, context.theme, context.language,
    { title: s.workspaceTotals, width: Math.min(640, context.width - 30) });
  return h('section', { class: 'card totals-card', 'aria-label': s.workspaceTotals },
    h('h3', {}, s.workspaceTotals), chart(svg, 'totals'), h('p', { class: 'hint' }, s.profileNote));
}

function toolbar(context: ViewContext): HTMLElement {
  const s = context.data.strings;
  const filter = h('input', { type: 'search', class: 'filter', placeholder: s.filterPlaceholder, 'aria-label': s.filterPlaceholder, 'data-key': 'filter', value: context.state.table.filter });
  filter.addEventListener('input', () => context.setState({ table: { ...context.state.table, filter: filter.value } }));
  const axisSort = h('select', { 'data-key': 'axis-sort', 'aria-label': s.sortByAxis },
    h('option', { value: '' }, s.noAxisSort),
    ...context.data.model.axes.map((a) => h('option', { value: `axis:${a.id}`, selected: context.state.table.sort === `axis:${a.id}` }, a.label[context.language])));
  axisSort.addEventListener('change', () => {
    const sort = (axisSort.value || 'path') as SortKey;
    context.setState({ table: { ...context.state.table, sort, descending: sort !== 'path' } });
  });
  const totals = context.data.model.articles.reduce((t, r) => ({ terms: t.terms + r.terms, sites: t.sites + r.sites }), { terms: 0, sites: 0 });
  return h('div', { class: 'toolbar' },
    filter,
    h('label', { class: 'axis-sort' }, s.sortByAxis, axisSort),
    h('span', { class: 'summary', role: 'status' }, format(s.summary,
      counted(s.articleCount, context.data.model.articles.length, context.language), counted(s.termCount, totals.terms, context.language),
      counted(s.siteCount, totals.sites, context.language))));
}

/**
 * A variable's cell: double-click (or F2 on the focused cell) edits it in place; Enter writes the value to
 * tension-variables.csv through the extension, Escape or leaving the field cancels. The row's click, which opens
 * the article, is not triggered by the editing.
 */
function variableCell(r: ArticleRow, name: string, context: ViewContext): HTMLTableCellElement {
  const value = r.variables?.[name] ?? '';
  const cell = h('td', { class: 'variable', 'data-variable': name, title: `${value}\n${context.data.strings.editVariableHint}`, tabindex: -1 }, value);
  const edit = (): void => {
    const input = h('input', { type: 'text', class: 'variable-edit', value, 'aria-label': `${name}: ${r.path}`, 'data-key': `edit:${r.path}:${name}` });
    let done = false;
    const finish = (commit: boolean): void => {
      if (done) return;
      done = true;
      if (commit && input.value.trim() !== value) context.post({ type: 'setVariable', path: r.path, name, value: input.value });
      cell.replaceChildren(commit ? input.value.trim() : value);
    };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') finish(true);
      else if (e.key === 'Escape') finish(false);
    });
    input.addEventListener('click', (e) => e.stopPropagation());
    input.addEventListener('blur', () => finish(false));
    cell.replaceChildren(input);
    input.focus();
    input.select();
  };
  // A click on a variable cell selects it for editing instead of opening the article (which would take the focus
  // away from the field a double-click makes); the path cell and the rest of the row still open it.
  cell.addEventListener('click', (e) => e.stopPropagation());
  cell.addEventListener('dblclick', (e) => {
    e.stopPropagation();
    edit();
  });
  cell.addEventListener('keydown', (e) => {
    if (e.key !== 'F2') return;
    e.preventDefault();
    e.stopPropagation();
    edit();
  });
  return cell;
}

/** The document variables shown as columns: every name some row has, in the order first met. */
function variableColumns(rows: readonly ArticleRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.variables ?? {})))];
}

function row(r: ArticleRow, context: ViewContext, focusable: boolean, variables: readonly string[]): HTMLTableRowElement {
  const s = context.data.strings;
  const { name, folder } = splitPath(r.path);
  const selected = context.state.compare.includes(r.path);
  const tr = h('tr', { class: r.error ? 'row error' : 'row', tabindex: focusable ? 0 : -1, 'data-key': `row:${r.path}`, 'aria-label': format(s.openArticle, r.path) },
    h('th', { scope: 'row', class: 'path' }, h('span', { class: 'name' }, name), folder && h('span', { class: 'folder' }, folder)),
    ...variables.map((v) => variableCell(r, v, context)));
  if (r.error) {
    tr.append(h('td', { colspan: 5, class: 'message' }, h('span', { class: 'codicon-warning', 'aria-hidden': 'true' }, '⚠'), ' ', errorText(r.error, s)), h('td', {}));
  } else {
    tr.append(
      h('td', { class: 'profile' }, chart(profileSparkline(r, context.data.model.axes, context.colors, context.theme, context.language, `${r.path} — ${s.colProfile}`), 'sparkline')),
      h('td', { class: 'num' }, String(r.terms)),
      h('td', { class: 'num', title: s.balanceHint }, r.terms > 0 ? r.balance.toFixed(2) : '–'),
      h('td', { class: 'num' }, String(r.sites)),
      h('td', { class: 'num' }, String(r.annotations)),
    );
    const box = h('input', { type: 'checkbox', 'data-key': `compare:${r.path}`, 'aria-label': `${s.colCompare}: ${r.path}`, checked: selected });
    box.addEventListener('click', (e) => e.stopPropagation());
    box.addEventListener('keydown', (e) => e.stopPropagation());
    box.addEventListener('change', () => {
      const compare = box.checked ? [...context.state.compare.filter((p) => p !== r.path), r.path] : context.state.compare.filter((p) => p !== r.path);
      context.setState({ compare });
    });
    tr.append(h('td', { class: 'compare' }, box));
  }
  onActivate(tr, () => context.post({ type: 'open', path: r.path }));
  return tr;
}

/** Up/Down/Home/End move between rows (one tab stop for the whole table); Enter or Space opens the article. */
function rovingFocus(tbody: HTMLElement): void {
  tbody.addEventListener('keydown', (e) => {
    const rows = Array.from(tbody.querySelectorAll<HTMLElement>('tr.row'));
    const at = rows.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : -1;
    const next = rows[to];
    if (to < 0 || !next) return;
    e.preventDefault();
    for (const r of rows) r.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}

/** The workspace overview: filter, sort, one row per article with its profile; click or Enter opens it. */
export function renderOverview(root: HTMLElement, context: ViewContext): number {
  const s = context.data.strings;
  const model = context.data.model;
  root.append(toolbar(context));
  if (model.articles.length === 0) {
    if (!context.data.scanning) root.append(h('p', { class: 'empty' }, s.empty));
    return 0;
  }
  root.append(totals(context));
  const rows = visibleRows(model.articles, context.state.table);
  const variables = variableColumns(model.articles);
  const tbody = h('tbody', {}, ...rows.map((r, i) => row(r, context, i === 0, variables)));
  rovingFocus(tbody);
  root.append(h('div', { class: 'table-wrap' }, h('table', { class: 'overview', 'aria-label': s.overview },
    h('thead', {}, h('tr', {},
      sortHeader(s.colArticle, 'path', context, false),
      ...variables.map((v) => sortHeader(v, `var:${v}`, context, false)),
      h('th', { scope: 'col', class: 'profile' }, s.colProfile),
      sortHeader(s.colTerms, 'terms', context, true),
      sortHeader(s.colBalance, 'balance', context, true),
      sortHeader(s.colSites, 'sites', context, true),
      sortHeader(s.colAnnotations, 'annotations', context, true),
      h('th', { scope: 'col', class: 'compare' }, s.colCompare))),
    tbody)));
  if (rows.length === 0) root.append(h('p', { class: 'empty' }, s.noMatch));
  if (model.skipped > 0) root.append(h('p', { class: 'note' }, counted(s.skipped, model.skipped, context.language)));
  return rows.length;
}
