// The dashboard webview's script (bundled by esbuild for the browser, an IIFE). It renders what the extension posts
// and keeps only UI state — the tab, sort, filter and compare selection — with getState/setState, so a reload or a
// hidden-then-shown panel comes back as it was.
import { type ChartTheme, type ThemeKind, poleColorMap } from '../../core/charts';
import { type DashboardState, type DashboardUpdate, type DashboardView, type FromWebview, INITIAL_STATE, type ToWebview } from '../../core/dashboard/protocol';
import { articleOnPage, renderArticle } from './article';
import { renderCompare } from './compare';
import type { Render, ViewContext } from './context';
import { format, h } from './dom';
import { pluralForm } from '../../core/text/plural';
import { renderGroups } from './groups';
import { forgetCooccurrence, receiveCooccurrence, renderCooccur } from './cooccur';
import { renderOverview } from './overview';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): Partial<DashboardState> | undefined;
  setState(state: DashboardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const VIEWS: readonly DashboardView[] = ['overview', 'article', 'compare', 'groups', 'cooccur'];
const RENDER: Record<DashboardView, Render> = { overview: renderOverview, article: renderArticle, compare: renderCompare, groups: renderGroups, cooccur: renderCooccur };

const saved = vscode.getState();
let state: DashboardState = { ...INITIAL_STATE, ...saved, table: { ...INITIAL_STATE.table, ...saved?.table } };
if (!VIEWS.includes(state.view)) state = { ...state, view: 'overview' };
let data: DashboardUpdate | undefined;
let lastReport = '';
const app = document.getElementById('app') ?? document.body;

/** VS Code marks the theme kind on <body>; high contrast light uses the light shades. */
function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light')) return 'highContrast';
  return c.contains('vscode-dark') ? 'dark' : 'light';
}

/** Chart colours are the workbench's own theme variables, so the charts follow every theme. */
const THEME: ChartTheme = {
  text: 'var(--vscode-foreground)', muted: 'var(--vscode-descriptionForeground)',
  grid: 'var(--vscode-widget-border, var(--vscode-panel-border, rgba(128, 128, 128, 0.35)))',
  background: 'var(--vscode-editor-background)', fontFamily: 'inherit', fontSize: 12,
};

function setState(patch: Partial<DashboardState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
  render();
}

function tabs(current: DashboardView, update: DashboardUpdate): HTMLElement {
  const s = update.strings;
  const label: Record<DashboardView, string> = {
    overview: s.overview, article: s.article, compare: state.compare.length > 0 ? `${s.compare} (${state.compare.length})` : s.compare, groups: s.groups, cooccur: s.cooccur,
  };
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': s.title }, ...VIEWS.map((view) => {
    const tab = h('button', {
      type: 'button', role: 'tab', id: `tab-${view}`, 'aria-controls': 'view', 'aria-selected': view === current ? 'true' : 'false',
      tabindex: view === current ? 0 : -1, 'data-key': `tab:${view}`, class: 'tab',
    }, label[view]);
    tab.addEventListener('click', () => setState({ view }));
    return tab;
  }));
  // Arrow keys move between tabs and show the one reached (the WAI-ARIA tabs pattern, automatic activation).
  list.addEventListener('keydown', (e) => {
    const at = VIEWS.indexOf(current);
    const to = e.key === 'ArrowRight' ? (at + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (at + VIEWS.length - 1) % VIEWS.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    const view = VIEWS[to];
    if (to < 0 || !view) return;
    e.preventDefault();
    setState({ view });
    // Roving tabindex: focus goes with the selection (render() would put it back on the tab it left).
    app.querySelector<HTMLElement>(`[data-key="tab:${view}"]`)?.focus();
  });
  return list;
}

function progress(update: DashboardUpdate): HTMLElement | false {
  const scan = update.scanning;
  if (!scan) return false;
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': scan.total, 'aria-valuenow': scan.done, 'aria-label': update.strings.title });
  const fill = h('div', { class: 'fill' });
  fill.style.width = `${scan.total > 0 ? Math.round((scan.done / scan.total) * 100) : 0}%`;
  bar.append(fill);
  return h('div', { class: 'scanning' }, h('span', { class: 'scan-text' }, format(pluralForm(update.strings.scanning, scan.total, update.language), scan.done, scan.total)), bar);
}

/** Re-renders the whole page, then puts focus (and the caret of a text field) back where it was. */
let renderHeld = false;

function render(): void {
  if (!data) return;
  // An update while the user types a variable's value would replace the field and lose the typing: draw after it.
  if (document.activeElement instanceof HTMLInputElement && document.activeElement.classList.contains('variable-edit')) {
    renderHeld = true;
    return;
  }
  renderHeld = false;
  const focused = document.activeElement instanceof Element ? document.activeElement.getAttribute('data-key') : null;
  const caret = document.activeElement instanceof HTMLInputElement ? document.activeElement.selectionStart : null;
  const context: ViewContext = {
    data, state, language: data.language, theme: THEME, colors: poleColorMap(data.colors, themeKind(), true),
    width: Math.max(320, window.innerWidth - 72),
    setState, post: (m) => vscode.postMessage(m),
  };
  const refresh = h('button', { type: 'button', class: 'icon', 'data-key': 'refresh', title: data.strings.refresh, 'aria-label': data.strings.refresh }, '↻');
  refresh.addEventListener('click', () => {
    forgetCooccurrence();
    vscode.postMessage({ type: 'refresh' });
  });
  const header = h('header', { class: 'top' }, tabs(state.view, data), progress(data), refresh);
  // The article view of a big article stays in place, laid out, when an update leaves it as it is: only the header changes.
  const kept = state.view === 'article' ? articleOnPage(context) : undefined;
  const oldHeader = app.querySelector(':scope > header.top');
  let count: number;
  if (kept !== undefined && oldHeader) {
    oldHeader.replaceWith(header);
    count = kept;
  } else {
    const view = h('div', { id: 'view', role: 'tabpanel', 'aria-labelledby': `tab-${state.view}`, class: `view view-${state.view}` });
    count = RENDER[state.view](view, context);
    app.replaceChildren(header, view);
  }
  app.removeAttribute('data-loading');
  if (focused) {
    const target = app.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`);
    if (target?.tabIndex === -1) {
      // A row of the roving-focus table: make it the table's tab stop again.
      for (const row of Array.from(app.querySelectorAll<HTMLElement>('tr.row'))) row.tabIndex = -1;
      target.tabIndex = 0;
    }
    target?.focus();
    if (target instanceof HTMLInputElement && caret !== null && target.type !== 'checkbox') target.setSelectionRange(caret, caret);
  }
  const report = `${state.view}:${count}`;
  if (report !== lastReport) {
    lastReport = report;
    vscode.postMessage({ type: 'rendered', view: state.view, rows: count });
  }
}

// A render held back while a variable was being edited happens once the field is gone.
app.addEventListener('focusout', () => setTimeout(() => {
  if (renderHeld) render();
}, 0));

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'update') {
    // An update without the article keeps the one held (same key): a change elsewhere does not redraw it.
    const article = message.article ?? (message.articleKey !== undefined && message.articleKey === data?.articleKey ? data.article : undefined);
    data = { ...message, ...(article ? { article } : {}) };
    render();
  } else if (message.type === 'showCooccurrence') {
    // The command on selected articles: their tab, with the window and labels the extension kept.
    forgetCooccurrence();
    setState({ view: 'cooccur', cooccur: message.settings });
  } else if (message.type === 'cooccurrence') {
    if (receiveCooccurrence(message, state.cooccur) && state.view === 'cooccur') render();
  } else if (message.type === 'progress' && data) {
    data = { ...data, scanning: { done: message.done, total: message.total } };
    // Only the progress bar changes: swap it instead of re-rendering every row.
    const old = app.querySelector('.scanning');
    const fresh = progress(data);
    if (old && fresh) old.replaceWith(fresh);
    else render();
  }
});

// Charts are drawn for the page's width: draw them again when the panel is resized (once it settles).
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});

// Theme switches change <body>'s classes: re-render so the charts pick the shades of the new theme kind.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
