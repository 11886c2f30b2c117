import * as vscode from 'vscode';
// The concordance and variables modules rather than the core's facade: this module is part of dist/export.js
// (esbuild.config.mjs), which would otherwise unpack a second copy of the lexicon when the first export loads it.
import { COOCCURRENCE_OFS, type CooccurrenceOf, KWIC_SORTS, type KwicSort, WINDOW_KINDS, type WindowKind } from '../../core/concordance';
import { type GroupBy, groupByText, isDateVariable, parseGroupBy } from '../../core/variables';
import { type ExportArticle, type ExportFormat, type ExportWhat, EXPORT_WHATS, FORMATS_FOR, isExportFormat, isExportWhat } from '../../core/export';

/** Which articles an export reads: the active file, every article of the workspace, or the articles selected. */
export type ExportScope = 'file' | 'workspace' | 'selection';

/**
 * The options argument of `tensionLens.export` (documented in the README): every field given skips its prompt,
 * so `{ what, scope, format, target }` exports without any UI but the result message. `target` is a URI string,
 * an absolute file path or a `vscode.Uri`.
 */
export interface ExportCommandOptions {
  readonly what?: ExportWhat;
  readonly scope?: ExportScope;
  readonly format?: ExportFormat;
  readonly target?: vscode.Uri;
  /** HTML and Markdown: group by this variable (`source`, `date:year`); null for none (no prompt either way). */
  readonly groupBy?: GroupBy | null;
  /** HTML: add the co-occurrence matrix of these windows and labels. */
  readonly cooccurrence?: { readonly window: WindowKind; readonly of: CooccurrenceOf };
  /** HTML: add the concordance of this query (the Concordance view's Export HTML gives its query). */
  readonly concordance?: { readonly query: string; readonly sort?: KwicSort };
  /** Whose annotations (team coding): `mine` (the sidecar the editor edits), `all`, or a coder's name; asked when absent. */
  readonly coder?: string;
  /**
   * Scope `selection`: the articles to export, as the Explorer selects them (files, or folders meaning the articles
   * under them); URI strings, file paths or `vscode.Uri`s. Giving them implies the scope.
   */
  readonly articles?: readonly vscode.Uri[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A wrong option value as the message quotes it. */
const shown = (v: unknown): string => JSON.stringify(v) ?? typeof v;

/**
 * A target given as a string: a URI when it starts with a scheme (`file:///…`, `vscode-remote://…`, `memfs:/a`),
 * else a file path. A scheme has two letters or more, so a Windows drive (`C:\out.csv`) stays a path.
 */
function targetOf(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || value === '') return undefined;
  return /^[a-z][\w+.-]+:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/**
 * Reads the command's argument. Anything that is not a plain options object (a tree node or a URI when the
 * command runs from a menu) means "no options"; a field with a wrong value gives an error naming it.
 */
export function parseExportOptions(arg: unknown): ExportCommandOptions | { error: string } {
  if (!isRecord(arg) || arg instanceof vscode.Uri) return {};
  const { what, format, target, groupBy, cooccurrence, concordance, articles } = arg;
  let scope = arg.scope as ExportScope | undefined;
  if (what !== undefined && !isExportWhat(what)) return { error: vscode.l10n.t('Unknown export "what": {0}. Use one of: {1}.', shown(what), EXPORT_WHATS.join(', ')) };
  if (scope !== undefined && !(['file', 'workspace', 'selection'] as unknown[]).includes(scope)) return { error: vscode.l10n.t('Unknown export scope: {0}. Use "file", "workspace" or "selection".', shown(scope)) };
  let selection: vscode.Uri[] | undefined;
  if (articles !== undefined) {
    selection = Array.isArray(articles) ? articles.map(targetOf).filter((u): u is vscode.Uri => u !== undefined) : [];
    if (!Array.isArray(articles) || selection.length !== articles.length || (scope !== undefined && scope !== 'selection')) {
      return { error: vscode.l10n.t('Export articles {0}: give a list of file or folder paths or URIs, with no scope or the scope "selection".', shown(articles)) };
    }
    scope = 'selection';
  }
  if (format !== undefined && !isExportFormat(format)) return { error: vscode.l10n.t('Unknown export format: {0}. Use one of: {1}.', shown(format), 'csv, json, md, html, w3c, qdpx') };
  const uri = targetOf(target);
  if (target !== undefined && !uri) return { error: vscode.l10n.t('The export target must be a file path or URI.') };
  let by: GroupBy | null | undefined;
  if (groupBy === '' || groupBy === null) by = null;
  else if (typeof groupBy === 'string') {
    const parsed = parseGroupBy(groupBy);
    if ('error' in parsed) return { error: vscode.l10n.t('Export grouping {0}: {1}', shown(groupBy), parsed.error) };
    by = parsed;
  } else if (groupBy !== undefined) return { error: vscode.l10n.t('Export grouping {0}: give a variable name such as "source" or "date:year".', shown(groupBy)) };
  let matrix: ExportCommandOptions['cooccurrence'];
  if (cooccurrence !== undefined) {
    const c = isRecord(cooccurrence) ? cooccurrence : {};
    const window = c.window ?? 'sentence';
    const of = c.of ?? 'poles';
    if (!(WINDOW_KINDS as readonly unknown[]).includes(window) || !(COOCCURRENCE_OFS as readonly unknown[]).includes(of)) {
      return { error: vscode.l10n.t('Export co-occurrence {0}: use {1}.', shown(cooccurrence), '{ "window": "sentence|paragraph|section", "of": "poles|tags|both" }') };
    }
    matrix = { window: window as WindowKind, of: of as CooccurrenceOf };
  }
  let kwic: ExportCommandOptions['concordance'];
  if (concordance !== undefined) {
    const query = isRecord(concordance) ? concordance.query : undefined;
    const sort = isRecord(concordance) ? concordance.sort ?? 'position' : undefined;
    if (typeof query !== 'string' || query.trim() === '' || !(KWIC_SORTS as readonly unknown[]).includes(sort)) return { error: vscode.l10n.t('Export concordance {0}: use {1}.', shown(concordance), '{ "query": "pole:open", "sort": "position|left|right|file" }') };
    kwic = { query, sort: sort as KwicSort };
  }
  const { coder } = arg;
  if (coder !== undefined && (typeof coder !== 'string' || coder.trim() === '')) return { error: vscode.l10n.t('The export coder must be "mine", "all" or a coder’s name, not {0}.', shown(coder)) };
  return {
    ...(what ? { what } : {}), ...(scope ? { scope } : {}), ...(format ? { format } : {}), ...(uri ? { target: uri } : {}),
    ...(by !== undefined ? { groupBy: by } : {}), ...(matrix ? { cooccurrence: matrix } : {}), ...(kwic ? { concordance: kwic } : {}),
    ...(typeof coder === 'string' ? { coder: coder.trim() } : {}), ...(selection ? { articles: selection } : {}),
  };
}

/**
 * Asks how to group the articles of an HTML or Markdown report: by one of the variables they have (a date one also
 * by year, quarter or month), or not at all. No prompt (null) when no article has a variable; undefined when the
 * user closes the picker.
 */
export async function pickGrouping(articles: readonly ExportArticle[]): Promise<GroupBy | null | undefined> {
  const names = [...new Set(articles.flatMap((a) => Object.keys(a.variables ?? {})))];
  if (names.length === 0) return null;
  const items: (vscode.QuickPickItem & { value: GroupBy | null })[] = [{ value: null, label: vscode.l10n.t('No grouping'), detail: vscode.l10n.t('The report as it is, article by article') }];
  for (const key of names) {
    const values = articles.map((a) => a.variables?.[key]).filter((v) => v !== undefined);
    const count = new Set(values).size;
    items.push({ value: { key }, label: key, description: vscode.l10n.t('{0} values', count) });
    // A date variable (every value an ISO date) also by period: what the trend is drawn from.
    if (isDateVariable(key) && values.every((v) => /^\d{4}(?:-\d\d){0,2}$/.test(v))) {
      for (const period of ['year', 'quarter', 'month'] as const) items.push({ value: { key, period }, label: groupByText({ key, period }), description: vscode.l10n.t('trend per period') });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export: group the articles?'), placeHolder: vscode.l10n.t('Add the groups, the poles × values crosstab and, for dates, the trend'),
  });
  return picked ? picked.value : undefined;
}

/** Labels of the `what` picker. */
function whatItems(): (vscode.QuickPickItem & { value: ExportWhat })[] {
  return [
    { value: 'annotations', label: vscode.l10n.t('Annotations'), detail: vscode.l10n.t('Your annotations: the text, its tags and notes') },
    { value: 'terms', label: vscode.l10n.t('Term occurrences'), detail: vscode.l10n.t('Every tension term found, with its axis, pole and sentence') },
    { value: 'stats', label: vscode.l10n.t('Term statistics'), detail: vscode.l10n.t('Counts per axis, pole and term') },
    { value: 'sites', label: vscode.l10n.t('Tension sites'), detail: vscode.l10n.t('Sentences where both poles of an axis meet') },
    { value: 'report', label: vscode.l10n.t('Full report'), detail: vscode.l10n.t('Counts, top terms, tension sites and annotations; as HTML with charts and the highlighted article') },
  ];
}

/** Labels of the format picker, and the save dialog's filter names. */
export function formatLabel(format: ExportFormat): { label: string; detail: string } {
  switch (format) {
    case 'csv': return { label: 'CSV', detail: vscode.l10n.t('For Excel, R or pandas: one row per item, UTF-8 with BOM') };
    case 'json': return { label: 'JSON', detail: vscode.l10n.t('The same data for scripts (format in the README)') };
    case 'md': return { label: 'Markdown', detail: vscode.l10n.t('A readable report with links to the lines') };
    case 'html': return { label: vscode.l10n.t('HTML report'), detail: vscode.l10n.t('One self-contained page with charts; prints well') };
    case 'w3c': return { label: vscode.l10n.t('W3C Web Annotation'), detail: vscode.l10n.t('JSON-LD for web annotation tools; term occurrences as machine-made annotations') };
    case 'qdpx': return { label: vscode.l10n.t('REFI-QDA project'), detail: vscode.l10n.t('.qdpx for MAXQDA, NVivo, ATLAS.ti and QualCoder; term occurrences as machine codings') };
  }
}

/** Asks what to export; undefined when the user closes the picker. */
export async function pickWhat(): Promise<ExportWhat | undefined> {
  return (await vscode.window.showQuickPick(whatItems(), { title: vscode.l10n.t('Export: what?'), placeHolder: vscode.l10n.t('What to export') }))?.value;
}

/** Asks which articles; undefined when the user closes the picker. */
export async function pickScope(activeName: string): Promise<ExportScope | undefined> {
  const items: (vscode.QuickPickItem & { value: ExportScope })[] = [
    { value: 'file', label: vscode.l10n.t('Active file'), description: activeName },
    { value: 'workspace', label: vscode.l10n.t('All articles in the workspace'), description: vscode.l10n.t('every file matching tensionLens.include') },
    { value: 'selection', label: vscode.l10n.t('Articles I choose…'), description: vscode.l10n.t('check them in a list') },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export: which articles?'), placeHolder: vscode.l10n.t('Which articles to export') }))?.value;
}

/** Asks for a format that can hold `what` (no prompt when only one can); undefined when the user closes the picker. */
export async function pickFormat(what: ExportWhat): Promise<ExportFormat | undefined> {
  const formats = FORMATS_FOR[what];
  if (formats.length === 1) return formats[0];
  const items = formats.map((value) => ({ value, ...formatLabel(value) }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export: which format?'), placeHolder: vscode.l10n.t('File format') }))?.value;
}
