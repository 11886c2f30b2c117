// The concordance webview: a table of left | match | right, the left context right-aligned in its column so every
// match starts at the same x (a table aligns CJK and Latin alike, whatever the glyph widths). Sorting and filtering
// happen here, over the lines the extension streams in; marks, opening and annotating go back as messages.
import { type ConcordanceStrings, type FromConcordanceView, type KwicSort, type ToConcordanceView, type ViewLine, sortKwicLines } from '../../core/concordance';
import { h } from '../dashboard/dom';

interface VsCodeApi {
  postMessage(message: FromConcordanceView): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

const fill = (template: string, ...values: (string | number)[]): string => template.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)] ?? ''));

const state = {
  strings: undefined as ConcordanceStrings | undefined,
  query: '',
  lines: [] as ViewLine[],
  files: 0,
  total: 0,
  done: true,
  cancelled: false,
  sort: 'position' as KwicSort,
  fileFilter: '',
  pole: '',
  negated: 'any' as 'any' | 'yes' | 'no',
  marked: new Set<number>(),
  annotated: new Set<number>(),
  focus: 0,
};

const app = document.getElementById('app') as HTMLElement;
let shown: ViewLine[] = [];
let renderQueued = false;

function visible(): ViewLine[] {
  const filtered = state.lines.filter((l) => (!state.fileFilter || l.path.includes(state.fileFilter))
    && (!state.pole || l.pole === state.pole) && (state.negated === 'any' || l.negated === (state.negated === 'yes')));
  return sortKwicLines(filtered, state.sort) as ViewLine[];
}

function status(): string {
  const s = state.strings;
  if (!s) return '';
  const files = new Set(state.lines.map((l) => l.path)).size;
  const base = !state.done ? fill(s.scanning, state.lines.length, state.files, state.total)
    : state.cancelled ? fill(s.cancelled, state.lines.length) : fill(s.found, state.lines.length, files);
  return state.marked.size > 0 ? `${base} · ${fill(s.marked, state.marked.size)}` : base;
}

function select(id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  const el = h('select', { id, 'aria-label': label }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  el.addEventListener('change', () => onChange(el.value));
  return h('label', {}, `${label} `, el);
}

function render(): void {
  renderQueued = false;
  const s = state.strings;
  if (!s) return;
  const active = document.activeElement?.id;
  shown = visible();
  state.focus = Math.min(state.focus, Math.max(0, shown.length - 1));
  const query = h('input', { id: 'query', type: 'text', value: state.query, 'aria-label': s.query, size: 40 });
  query.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') vscode.postMessage({ type: 'search', query: query.value });
  });
  const search = h('button', { id: 'search' }, s.search);
  search.addEventListener('click', () => vscode.postMessage({ type: 'search', query: query.value }));
  const cancel = h('button', { id: 'cancel', disabled: state.done }, s.cancel);
  cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  const fileFilter = h('input', { id: 'file-filter', type: 'search', value: state.fileFilter, placeholder: s.filterFile, 'aria-label': s.filterFile });
  fileFilter.addEventListener('input', () => {
    state.fileFilter = fileFilter.value;
    render();
    (document.getElementById('file-filter') as HTMLInputElement | null)?.focus();
  });
  const poles = [...new Set(state.lines.map((l) => l.pole).filter((p): p is string => p !== null))].sort();
  const markAll = h('button', { id: 'mark-all' }, s.markAll);
  markAll.addEventListener('click', () => {
    for (const l of shown) if (!state.annotated.has(l.id)) state.marked.add(l.id);
    render();
  });
  const annotate = h('button', { id: 'annotate', disabled: state.marked.size === 0 }, s.annotate);
  annotate.addEventListener('click', () => vscode.postMessage({ type: 'annotate', ids: [...state.marked] }));
  const exportCsv = h('button', { id: 'export', disabled: shown.length === 0 }, s.exportCsv);
  exportCsv.addEventListener('click', () => vscode.postMessage({ type: 'export', ids: shown.map((l) => l.id) }));
  const exportHtml = h('button', { id: 'export-html', disabled: state.lines.length === 0, title: s.exportHtml }, s.exportHtml);
  exportHtml.addEventListener('click', () => vscode.postMessage({ type: 'exportHtml', sort: state.sort }));

  const rows = shown.map((l, i) => {
    const row = h('tr', {
      'data-id': l.id, tabindex: i === state.focus ? 0 : -1, class: [l.negated ? 'negated' : '', state.marked.has(l.id) ? 'marked' : '', state.annotated.has(l.id) ? 'annotated' : ''].join(' ').trim(),
      'aria-selected': state.marked.has(l.id),
    },
    h('td', { class: 'mark' }, state.annotated.has(l.id) ? '✓' : state.marked.has(l.id) ? '●' : ''),
    h('td', { class: 'file', title: `${l.path}:${l.line + 1}:${l.character + 1}` }, `${l.path}:${l.line + 1}`),
    h('td', { class: 'left' }, h('span', {}, l.left)),
    h('td', { class: 'match', 'data-pole': l.pole ?? '' }, l.match),
    h('td', { class: 'right' }, h('span', {}, l.right)));
    row.addEventListener('click', () => {
      state.focus = i;
      vscode.postMessage({ type: 'open', id: l.id });
    });
    return row;
  });
  const table = h('table', { id: 'lines', role: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, s.file), h('th', { class: 'left' }, s.left), h('th', {}, s.match), h('th', {}, s.right))),
    h('tbody', {}, ...rows));
  table.addEventListener('keydown', onKey);
  app.replaceChildren(
    h('div', { class: 'bar' }, query, search, cancel),
    h('div', { class: 'bar' },
      select('sort', s.sort, state.sort, [['position', s.sortPosition], ['left', s.sortLeft], ['right', s.sortRight], ['file', s.sortFile]], (v) => {
        state.sort = v as KwicSort;
        render();
      }),
      fileFilter,
      select('pole-filter', s.filterPole, state.pole, [['', s.anyPole], ...poles.map((p): [string, string] => [p, p])], (v) => {
        state.pole = v;
        render();
      }),
      select('negated-filter', s.negated, state.negated, [['any', s.negatedAny], ['yes', s.negatedYes], ['no', s.negatedNo]], (v) => {
        state.negated = v as typeof state.negated;
        render();
      })),
    h('div', { class: 'bar' }, markAll, annotate, exportCsv, exportHtml, h('span', { class: 'keys' }, s.keys)),
    h('p', { id: 'status', role: 'status', 'data-done': state.done ? 'yes' : 'no' }, status()),
    table,
  );
  if (active === 'lines-row') focusRow();
}

function focusRow(): void {
  const row = document.querySelector<HTMLElement>(`#lines tbody tr:nth-child(${state.focus + 1})`);
  if (row) {
    row.id = 'lines-row';
    row.tabIndex = 0;
    row.focus();
  }
}

function onKey(e: KeyboardEvent): void {
  const line = shown[state.focus];
  const move = (to: number): void => {
    state.focus = Math.max(0, Math.min(shown.length - 1, to));
    render();
    focusRow();
  };
  switch (e.key) {
    case 'ArrowDown': case 'j': move(state.focus + 1); break;
    case 'ArrowUp': case 'k': move(state.focus - 1); break;
    case 'Enter': if (line) vscode.postMessage({ type: 'open', id: line.id }); break;
    case 'a': case 'A': if (line && !state.annotated.has(line.id)) state.marked.add(line.id); move(state.focus + 1); break;
    case 's': case 'S': if (line) state.marked.delete(line.id); move(state.focus + 1); break;
    case ' ':
      if (line) {
        if (state.marked.has(line.id)) state.marked.delete(line.id);
        else if (!state.annotated.has(line.id)) state.marked.add(line.id);
      }
      move(state.focus);
      break;
    default: return;
  }
  e.preventDefault();
}

/** Re-renders once per frame at most while lines stream in. */
function queueRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(render);
}

window.addEventListener('message', (event: MessageEvent<ToConcordanceView>) => {
  const m = event.data;
  switch (m.type) {
    case 'start':
      Object.assign(state, { strings: m.strings, query: m.query, lines: [], files: 0, total: 0, done: false, cancelled: false, focus: 0 });
      state.marked.clear();
      state.annotated.clear();
      break;
    case 'lines':
      state.lines.push(...m.lines);
      state.files = m.files;
      state.total = m.total;
      break;
    case 'done':
      state.done = true;
      state.cancelled = m.cancelled;
      break;
    case 'annotated':
      for (const id of m.ids) {
        state.annotated.add(id);
        state.marked.delete(id);
      }
      break;
    case 'error':
      app.replaceChildren(h('p', { class: 'error' }, m.message));
      return;
  }
  queueRender();
});

vscode.postMessage({ type: 'ready' });
