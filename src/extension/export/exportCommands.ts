import * as vscode from 'vscode';
import {
  type ExportArticle, type ExportFormat, type ExportProblem, type ExportSummary, type ExportWhat, EXTENSION_OF, defaultFileName, exportArticles, supports,
} from '../../core/export';
import { type ExportCommandOptions, type ExportScope, formatLabel, parseExportOptions, pickFormat, pickGrouping, pickScope, pickWhat } from './exportOptions';
import { type GatherServices, GatherError, gatherDocument, gatherWorkspace } from './gatherArticles';
import { exportCodersOf, pickExportCoders, withCoders } from './exportCoders';
import { loadPinyin } from './pinyinLoader';
import { writeAtomic } from '../files/atomicWrite';
import { writeErrorReason } from './writeFile';
import { plural } from '../plural';
import { articlesOfSelection, selectedArticles } from '../files/selectedArticles';
import { BundleLoadError } from '../bundles/onDemand';
import { bundleLoadMessage } from '../bundles/bundleLoadMessage';

/** `Tension Lens: Export Selected Articles…`: from the Explorer's context menu (files and folders), or the palette. */
export const EXPORT_SELECTED_COMMAND = 'tensionLens.exportSelected';

const selectionPrompt = (): { title: string; placeHolder: string } => ({
  title: vscode.l10n.t('Tension Lens: Export Selected Articles'),
  placeHolder: vscode.l10n.t('Check the articles to export, then press Enter'),
});

/** What the export commands need: the extension's services, its folder (for dist/pinyin.js) and its version. */
export interface ExportServices extends GatherServices {
  readonly extensionUri: vscode.Uri;
  readonly version: string;
  /** Blind coding: true while the other coders' annotations of an article stay hidden (they are not exported either). */
  readonly othersHidden?: (article: vscode.Uri) => boolean;
}

/** What an export command returns (tests read it): the file written, what went in, and the files left out. */
export interface ExportOutcome {
  readonly target: string;
  readonly summary: ExportSummary;
  readonly skipped: readonly ExportProblem[];
  /** The result message shown to the user. */
  readonly message: string;
}

const nameOf = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The article an export of the active file reads, if the active editor holds one. */
function activeArticle(services: ExportServices): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && services.analyses.isArticle(document) ? document : undefined;
}

/** The save dialog, opened beside the article (or at the workspace root) with `<name>.<what>.<ext>`. */
async function askTarget(what: ExportWhat, format: ExportFormat, scope: ExportScope, document: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const base = scope === 'file' && document ? nameOf(document.uri) : folder?.name ?? 'tension-lens';
  const dir = scope === 'file' && document && !document.isUntitled ? vscode.Uri.joinPath(document.uri, '..') : folder?.uri;
  const name = defaultFileName(base, what, format);
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export to'), saveLabel: vscode.l10n.t('Export'),
    ...(dir ? { defaultUri: vscode.Uri.joinPath(dir, name) } : {}),
    filters: { [formatLabel(format).label]: [EXTENSION_OF[format]] },
  });
}

function nothingMessage(what: ExportWhat, where: string): string {
  switch (what) {
    case 'annotations': return vscode.l10n.t('Nothing to export: {0} has no annotations. Select some text and run "Annotate Selection" first.', where);
    case 'sites': return vscode.l10n.t('Nothing to export: {0} has no tension sites (sentences holding both poles of an axis).', where);
    case 'report': return vscode.l10n.t('Nothing to export: {0} has no tension terms and no annotations.', where);
    default: return vscode.l10n.t('Nothing to export: {0} has no tension terms.', where);
  }
}

/** "3 annotations, 141 term occurrences, 23 tension sites" — the parts that are not zero. */
function describe(summary: ExportSummary, scope: ExportScope): string {
  return [
    scope !== 'file' ? plural(summary.articles, vscode.l10n.t('{0} article', summary.articles), vscode.l10n.t('{0} articles', summary.articles)) : '',
    summary.annotations > 0 ? plural(summary.annotations, vscode.l10n.t('{0} annotation', summary.annotations), vscode.l10n.t('{0} annotations', summary.annotations)) : '',
    summary.terms > 0 ? plural(summary.terms, vscode.l10n.t('{0} term occurrence', summary.terms), vscode.l10n.t('{0} term occurrences', summary.terms)) : '',
    summary.sites > 0 ? plural(summary.sites, vscode.l10n.t('{0} tension site', summary.sites), vscode.l10n.t('{0} tension sites', summary.sites)) : '',
  ].filter((p) => p).join(', ');
}

/** "Skipped 2 files: a.md (a binary file); …" */
function skippedFiles(skipped: readonly ExportProblem[]): string {
  const list = skipped.map((s) => `${s.path} (${s.message})`).join('; ');
  return plural(skipped.length, vscode.l10n.t('Skipped {0} file: {1}', skipped.length, list), vscode.l10n.t('Skipped {0} files: {1}', skipped.length, list));
}

/** "Open" opens the file (HTML and QDPX in their own applications), "Reveal" shows it in the OS or the Explorer. */
async function offerOpen(message: string, target: vscode.Uri, format: ExportFormat, warn: boolean): Promise<void> {
  const open = vscode.l10n.t('Open');
  const canRevealInOS = (await vscode.commands.getCommands(true)).includes('revealFileInOS') && target.scheme === 'file';
  // The web host has no revealFileInOS: a file inside the workspace can still be shown in the Explorer.
  const reveal = canRevealInOS || vscode.workspace.getWorkspaceFolder(target) ? vscode.l10n.t('Reveal') : undefined;
  const buttons = reveal ? [open, reveal] : [open];
  const choice = warn ? await vscode.window.showWarningMessage(message, ...buttons) : await vscode.window.showInformationMessage(message, ...buttons);
  if (choice === open) {
    const external = (format === 'html' || format === 'qdpx') && (await vscode.env.openExternal(target).then((ok) => ok, () => false));
    if (!external) await vscode.commands.executeCommand('vscode.open', target);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand(canRevealInOS ? 'revealFileInOS' : 'revealInExplorer', target);
  }
}

/**
 * `Tension Lens: Export…`: asks what, which articles and which format (each skipped when the options argument
 * gives it), then where; reads the articles (with a cancellable progress notification for the workspace), writes
 * the file atomically and offers to open it. Returns what was written, or undefined when nothing was.
 */
async function runExport(services: ExportServices, arg: unknown, preset: ExportCommandOptions = {}): Promise<ExportOutcome | undefined> {
  const parsed = parseExportOptions(arg);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(parsed.error);
    return undefined;
  }
  const options = { ...preset, ...parsed };
  const what = options.what ?? (await pickWhat());
  if (!what) return undefined;
  const document = activeArticle(services);
  const hasFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  let scope = options.scope;
  if (!scope) scope = document && hasFolder ? await pickScope(vscode.workspace.asRelativePath(document.uri)) : document ? 'file' : 'workspace';
  if (!scope) return undefined;
  if (scope === 'file' && !document) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a Markdown or plain-text article to export it, or export all articles in the workspace.'));
    return undefined;
  }
  if (scope !== 'file' && !hasFolder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder to export its articles, or export the active file.'));
    return undefined;
  }
  // A selection given as files and folders (the options, the Explorer) is read as the Explorer means it; none given: asked.
  let selection: vscode.Uri[] | undefined;
  if (scope === 'selection') {
    const include = services.config.current.include;
    selection = options.articles ? await articlesOfSelection(options.articles, include) : await selectedArticles(undefined, undefined, include, selectionPrompt());
    if (!selection) return undefined;
    if (selection.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No articles in the selection: the files counted in a folder are those of the tensionLens.include setting.'));
      return undefined;
    }
  }
  const format = options.format ?? (await pickFormat(what));
  if (!format) return undefined;
  if (!supports(what, format)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('A {0} file cannot hold {1}; choose another format.', formatLabel(format).label, what));
    return undefined;
  }
  const withAnnotations = what === 'annotations' || what === 'report';
  // Team coding: a coder can be chosen, or all of them exported (asked only when other coders' sidecars exist).
  const coders = !withAnnotations ? { kind: 'mine' } as const : options.coder ? exportCodersOf(options.coder) : await pickExportCoders(services.annotations.coder);
  if (!coders) return undefined;
  const target = options.target ?? (await askTarget(what, format, scope, document));
  if (!target) return undefined;

  let articles: ExportArticle[];
  let skipped: ExportProblem[] = [];
  try {
    if (scope === 'file' && document) {
      const article = await gatherDocument(document, withAnnotations, target, services);
      articles = article ? [article] : [];
    } else {
      const gathered = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Tension Lens: exporting'), cancellable: true },
        (progress, token) => {
          let reported = 0;
          return gatherWorkspace(withAnnotations, target, services, (done, total) => {
            const percent = (done / Math.max(1, total)) * 100;
            progress.report({ increment: percent - reported, message: `${done}/${total}` });
            reported = percent;
          }, token, selection);
        });
      if (!gathered) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; nothing was written.'));
        return undefined;
      }
      ({ articles, skipped } = gathered);
    }
  } catch (e) {
    if (!(e instanceof GatherError)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export: {0}', e.message));
    return undefined;
  }
  articles = await withCoders(articles, coders, services.annotations.coder, services.config.current.sidecarLocation, services.othersHidden ?? (() => false));

  // A report of several articles can be grouped by a document variable (the picker lists the variables found); an
  // export given its target (a script, a test) asks nothing more, as the options argument promises.
  let groupBy = options.groupBy;
  if (groupBy === undefined && options.target === undefined && (format === 'html' || format === 'md') && scope !== 'file') {
    groupBy = await pickGrouping(articles);
    if (groupBy === undefined) return undefined;
  }
  const where = scope === 'file' && document ? vscode.workspace.asRelativePath(document.uri)
    : selection ? plural(selection.length, vscode.l10n.t('the selection of {0} article', selection.length), vscode.l10n.t('the selection of {0} articles', selection.length))
      : vscode.l10n.t('the workspace');
  const pinyin = format === 'csv' || format === 'json' ? loadPinyin(services.extensionUri) : undefined;
  const result = exportArticles({
    what, format, articles, lexicon: services.lexicon.current.lexicon, skipped,
    language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en', created: new Date().toISOString(),
    generator: { name: 'Tension Lens', version: services.version }, ...(pinyin ? { pinyin } : {}),
    ...(groupBy ? { groupBy } : {}), ...(format === 'html' && options.cooccurrence ? { cooccurrence: options.cooccurrence } : {}),
    ...(format === 'html' && options.concordance ? { concordance: options.concordance } : {}),
  });
  if (!result.ok) {
    const skippedNote = skipped.length > 0 ? ` ${skippedFiles(skipped)}` : '';
    void vscode.window.showInformationMessage(nothingMessage(what, where) + skippedNote);
    return undefined;
  }
  try {
    await writeAtomic(target, result.bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}. Nothing was written; choose another location.', target.scheme === 'file' ? target.fsPath : target.toString(), writeErrorReason(e)));
    return undefined;
  }
  const notes = [
    vscode.l10n.t('Exported {0} to {1}.', describe(result.summary, scope), nameOf(target)),
    format === 'qdpx' && result.summary.orphaned > 0 ? plural(result.summary.orphaned,
      vscode.l10n.t('{0} orphaned annotation was left out: its text is no longer in the article.', result.summary.orphaned),
      vscode.l10n.t('{0} orphaned annotations were left out: their text is no longer in the article.', result.summary.orphaned)) : '',
    skipped.length > 0 ? skippedFiles(skipped) : '',
  ].filter((n) => n);
  const message = notes.join(' ');
  void offerOpen(message, target, format, skipped.length > 0);
  return { target: target.toString(), summary: result.summary, skipped, message };
}

/** An export, or a message saying which file is missing when the desktop build cannot load the writers (dist/export.js). */
async function exportCommand(services: ExportServices, arg: unknown, preset?: ExportCommandOptions): Promise<ExportOutcome | undefined> {
  try {
    return await runExport(services, arg, preset);
  } catch (e) {
    if (!(e instanceof BundleLoadError)) throw e;
    void vscode.window.showErrorMessage(bundleLoadMessage(e));
    return undefined;
  }
}

/** Registers `Export…`, the two one-step exports (annotations as CSV, the HTML report) and Export Selected Articles. */
export function registerExportCommands(services: ExportServices): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('tensionLens.export', (arg?: unknown) => exportCommand(services, arg)),
    vscode.commands.registerCommand('tensionLens.exportAnnotationsCsv', (arg?: unknown) => exportCommand(services, arg, { what: 'annotations', format: 'csv' })),
    vscode.commands.registerCommand('tensionLens.exportHtmlReport', (arg?: unknown) => exportCommand(services, arg, { what: 'report', format: 'html' })),
    vscode.commands.registerCommand(EXPORT_SELECTED_COMMAND, async (clicked?: unknown, selected?: unknown) => {
      // Run from the Explorer: its selection; from the palette: the articles the user checks.
      const articles = await selectedArticles(clicked, selected, services.config.current.include, selectionPrompt());
      return articles ? exportCommand(services, undefined, { scope: 'selection', articles }) : undefined;
    }),
  ];
}
