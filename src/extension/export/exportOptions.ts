import * as vscode from 'vscode';
import { type ExportFormat, type ExportWhat, EXPORT_WHATS, FORMATS_FOR, isExportFormat, isExportWhat } from '../../core/export';

/** Which articles an export reads: the active file, or every article of the workspace. */
export type ExportScope = 'file' | 'workspace';

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
  /** Whose annotations (team coding): `mine` (the sidecar the editor edits), `all`, or a coder's name; asked when absent. */
  readonly coder?: string;
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
  const { what, scope, format, target } = arg;
  if (what !== undefined && !isExportWhat(what)) return { error: vscode.l10n.t('Unknown export "what": {0}. Use one of: {1}.', shown(what), EXPORT_WHATS.join(', ')) };
  if (scope !== undefined && scope !== 'file' && scope !== 'workspace') return { error: vscode.l10n.t('Unknown export scope: {0}. Use "file" or "workspace".', shown(scope)) };
  if (format !== undefined && !isExportFormat(format)) return { error: vscode.l10n.t('Unknown export format: {0}. Use one of: {1}.', shown(format), 'csv, json, md, html, w3c, qdpx') };
  const uri = targetOf(target);
  if (target !== undefined && !uri) return { error: vscode.l10n.t('The export target must be a file path or URI.') };
  const { coder } = arg;
  if (coder !== undefined && (typeof coder !== 'string' || coder.trim() === '')) return { error: vscode.l10n.t('The export coder must be "mine", "all" or a coder’s name, not {0}.', shown(coder)) };
  return { ...(what ? { what } : {}), ...(scope ? { scope } : {}), ...(format ? { format } : {}), ...(uri ? { target: uri } : {}), ...(coder ? { coder: coder.trim() } : {}) };
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
