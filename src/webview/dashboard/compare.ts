import { compareChart } from '../../core/charts';
import type { ArticleRow } from '../../core/dashboard/types';
import type { ViewContext } from './context';
import { chart, h, splitPath } from './dom';

/** Compare: the articles ticked in the overview, side by side on every axis, raw or per 1,000 characters. */
export function renderCompare(root: HTMLElement, context: ViewContext): number {
  const s = context.data.strings;
  const byPath = new Map(context.data.model.articles.map((r) => [r.path, r]));
  const rows = context.state.compare.map((p) => byPath.get(p)).filter((r): r is ArticleRow => r !== undefined && !r.error);
  const perThousand = h('input', { type: 'checkbox', 'data-key': 'per-thousand', checked: context.state.perThousand });
  perThousand.addEventListener('change', () => context.setState({ perThousand: perThousand.checked }));
  const clear = h('button', { type: 'button', 'data-key': 'clear-compare', disabled: rows.length === 0 }, s.clearSelection);
  clear.addEventListener('click', () => context.setState({ compare: [] }));
  const chips = h('ul', { class: 'chips', 'aria-label': s.compare }, ...rows.map((r) => {
    const remove = h('button', { type: 'button', class: 'chip', 'data-key': `uncompare:${r.path}`, title: r.path, 'aria-label': `${s.clearSelection}: ${r.path}` }, splitPath(r.path).name, h('span', { 'aria-hidden': 'true' }, ' ×'));
    remove.addEventListener('click', () => context.setState({ compare: context.state.compare.filter((p) => p !== r.path) }));
    return h('li', {}, remove);
  }));
  root.append(h('div', { class: 'toolbar' }, chips, h('label', { class: 'check' }, perThousand, s.perThousand), clear));
  if (rows.length < 2) {
    root.append(h('p', { class: 'empty' }, s.compareHint));
    return rows.length;
  }
  root.append(h('section', { class: 'card' }, chart(compareChart(rows, context.data.model.axes, context.colors, context.theme, context.language, { title: s.compare, perThousand: context.state.perThousand, width: context.width }), 'compare')));
  return rows.length;
}
