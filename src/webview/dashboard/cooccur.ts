import { cooccurrenceChart, cooccurrenceLabels } from '../../core/charts';
import { type CooccurrenceSettings, type DashboardCooccurrence, INITIAL_COOCCURRENCE } from '../../core/dashboard/protocol';
import type { ViewContext } from './context';
import { chart, counted, format, h } from './dom';

/** The matrix last received, and the settings last asked for (so a re-render does not ask again). */
let received: DashboardCooccurrence | undefined;
let asked: string | undefined;

const keyOf = (s: CooccurrenceSettings): string => `${s.window}|${s.of}|${s.scope}${s.scope === 'selection' ? `|${(s.files ?? []).join('|')}` : ''}`;

/** Keeps a matrix the extension sent; true when it is the one the tab waits for (the caller renders again). */
export function receiveCooccurrence(message: DashboardCooccurrence, settings: CooccurrenceSettings | undefined): boolean {
  received = message;
  return keyOf(message.settings) === keyOf(settings ?? INITIAL_COOCCURRENCE);
}

/** Forgets the matrix: after a rescan the tab asks for it again. */
export function forgetCooccurrence(): void {
  received = undefined;
  asked = undefined;
}

function select<T extends string>(key: string, label: string, current: T, options: readonly (readonly [T, string])[], change: (value: T) => void): HTMLElement {
  const element = h('select', { 'data-key': key, 'aria-label': label }, ...options.map(([value, text]) => h('option', { value, selected: value === current }, text)));
  element.addEventListener('change', () => change(element.value as T));
  return h('label', { class: 'axis-sort' }, label, element);
}

function exportButton(context: ViewContext, settings: CooccurrenceSettings): HTMLElement {
  const button = h('button', { type: 'button', 'data-key': 'cooccur-export' }, context.data.strings.cooccurExport);
  button.addEventListener('click', () => context.post({ type: 'cooccurExport', settings }));
  return button;
}

/** Which articles the matrix counts, said above it; a selection says how many, with the way back to the workspace. */
function scopeLine(context: ViewContext, settings: CooccurrenceSettings, set: (patch: Partial<CooccurrenceSettings>) => void): HTMLElement | false {
  const s = context.data.strings;
  const files = settings.files ?? [];
  if (settings.scope !== 'selection') return false;
  const back = h('button', { type: 'button', 'data-key': 'cooccur-workspace' }, s.scopeBackToWorkspace);
  back.addEventListener('click', () => set({ scope: 'workspace' }));
  // The paths in the tooltip: which articles, not only how many.
  const names = files.map((f) => decodeURIComponent(f.slice(f.lastIndexOf('/') + 1))).join('\n');
  return h('p', { class: 'hint cooccur-scope' },
    h('span', { 'data-key': 'cooccur-scope-shown', title: names }, counted(s.scopeSelection, files.length, context.language)), ' ', back);
}

/**
 * Co-occurrence: the matrix of poles (and tags) counted per sentence, paragraph or section over the workspace, the
 * active article or a selection of articles — counted by the extension with the core (the numbers of
 * `cooccur --json`), only drawn here. A clicked cell (or Enter on it) asks for the concordance of its windows.
 */
export function renderCooccur(root: HTMLElement, context: ViewContext): number {
  const s = context.data.strings;
  const settings = context.state.cooccur ?? INITIAL_COOCCURRENCE;
  const set = (patch: Partial<CooccurrenceSettings>): void => context.setState({ cooccur: { ...settings, ...patch } });
  root.append(h('div', { class: 'toolbar' },
    select('cooccur-window', s.cooccurWindow, settings.window, [['sentence', s.windowSentence], ['paragraph', s.windowParagraph], ['section', s.windowSection]], (window) => set({ window })),
    select('cooccur-of', s.cooccurOf, settings.of, [['poles', s.ofPoles], ['tags', s.ofTags], ['both', s.ofBoth]], (of) => set({ of })),
    select('cooccur-scope', s.cooccurScope, settings.scope, [
      ['workspace', s.scopeWorkspace], ['article', s.scopeArticle],
      ...(settings.files && settings.files.length > 0 ? [['selection', counted(s.scopeSelection, settings.files.length, context.language)] as const] : []),
    ], (scope) => set({ scope })),
    // The HTML report of the same articles: the active file, the workspace or the selection.
    exportButton(context, settings)));
  const scope = scopeLine(context, settings, set);
  if (scope) root.append(scope);
  const key = keyOf(settings);
  const m = received && keyOf(received.settings) === key ? received : undefined;
  if (!m) {
    if (asked !== key) {
      asked = key;
      context.post({ type: 'cooccur', settings });
    }
    root.append(h('p', { class: 'empty', role: 'status', 'data-key': 'cooccur-status' }, s.cooccurComputing));
    return 0;
  }
  const { matrix } = m;
  if (matrix.labels.length === 0) {
    root.append(h('p', { class: 'empty', role: 'status' }, s.cooccurEmpty));
    return 0;
  }
  const labels = cooccurrenceLabels(matrix, context.data.model.axes, context.colors, context.theme, context.language, s.tagWord);
  const svg = cooccurrenceChart(matrix, labels, context.theme, {
    title: s.cooccur, fill: 'var(--vscode-charts-blue, #3794ff)', focusableCells: true,
    cellTitle: (a, b, n) => format(s.cooccurCell, a.detail ? `${a.detail} / ${a.name}` : a.name, b.detail ? `${b.detail} / ${b.name}` : b.name, n),
  });
  const holder = chart(svg, 'cooccurrence');
  const open = (target: EventTarget | null): void => {
    const cell = target instanceof Element ? target.closest('[data-cell]') : null;
    const [row, column] = (cell?.getAttribute('data-cell') ?? '').split(',').map(Number);
    if (row === undefined || column === undefined || !Number.isInteger(row) || !Number.isInteger(column)) return;
    context.post({ type: 'cooccurCell', settings, row, column });
  };
  holder.addEventListener('click', (e) => open(e.target));
  holder.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    open(e.target);
  });
  root.append(h('section', { class: 'card cooccur-card', 'aria-label': s.cooccur, 'data-window': settings.window, 'data-of': settings.of, 'data-scope': settings.scope },
    h('h3', {}, s.cooccur),
    h('p', { class: 'hint' }, `${s.cooccurHint} ${format(s.cooccurFiles, m.files)}${m.article ? ` (${m.article})` : ''}`),
    holder));
  return matrix.labels.length;
}
