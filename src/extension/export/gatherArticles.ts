import * as vscode from 'vscode';
import { type ArticleVariables, analyze, formatOf, hasChinese, mergeVariables, parseSidecar, readFrontMatter, reanchorAll, reanchorPair } from '../../core';
import { type ExportAnnotations, type ExportArticle, type ExportProblem, isTensionLensExport } from '../../core/export';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnnotationService } from '../annotations/annotationService';
import { locateSidecar, readText } from '../annotations/sidecarFiles';
import type { ConfigService } from '../config';
import { forEachArticleText } from '../files/workspaceArticleTexts';
import type { LexiconService } from '../lexicon/lexiconService';
import { VariableTableFiles } from '../variables/variableTables';

/** What gathering needs from the rest of the extension. */
export interface GatherServices {
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
  readonly analyses: AnalysisService;
  readonly annotations: AnnotationService;
}

/** The articles to export, and the files left out with the reason. */
export interface Gathered {
  readonly articles: ExportArticle[];
  readonly skipped: ExportProblem[];
}

/** Thrown when the export cannot go on (a malformed sidecar of the active file); `message` names the file and the fix. */
export class GatherError extends Error {}

/**
 * An article's document variables as the CLI export reads them: its front matter (Markdown), overridden value by
 * value by its row of the workspace folder's tension-variables.csv. Undefined when it has none.
 */
async function variablesOf(uri: vscode.Uri, text: string, markdown: boolean, tables: VariableTableFiles): Promise<ArticleVariables | undefined> {
  const frontMatter = markdown ? readFrontMatter(text, uri.path).variables : {};
  const variables = mergeVariables(frontMatter, uri.scheme === 'untitled' ? undefined : await tables.variablesOf(uri));
  return Object.keys(variables).length > 0 ? variables : undefined;
}

/** A reader of the variable tables for one export: each folder's table read once, its watcher gone afterwards. */
async function withTables<T>(use: (tables: VariableTableFiles) => Promise<T>): Promise<T> {
  const tables = new VariableTableFiles();
  try {
    return await use(tables);
  } finally {
    tables.dispose();
  }
}

const multiRoot = (): boolean => (vscode.workspace.workspaceFolders?.length ?? 0) > 1;

/** The path shown for a file: workspace-relative (prefixed by the folder's name in a multi-root workspace). */
function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, multiRoot());
}

/** A link from the export file to an article: a relative path when both are on the same file system, else its URI. */
export function hrefFrom(target: vscode.Uri | undefined, article: vscode.Uri): string {
  if (!target || target.scheme !== article.scheme || target.authority !== article.authority) return article.toString();
  const from = target.path.split('/').slice(0, -1);
  const to = article.path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].map(encodeURIComponent).join('/');
}

function sidecarProblem(sidecar: vscode.Uri, detail: string): string {
  return vscode.l10n.t('the sidecar {0} cannot be read ({1}); fix it, or export term occurrences only', vscode.workspace.asRelativePath(sidecar), detail);
}

/** The annotations of an open document as the editor holds them (unsaved edits included). */
async function liveAnnotations(document: vscode.TextDocument, services: GatherServices): Promise<ExportAnnotations | ExportProblem | undefined> {
  const loaded = await services.annotations.load(document);
  if (loaded.problem) {
    // The service's problem reads `<sidecar>:<line>:<column>: …`; the message names the sidecar once.
    const first = (loaded.problem.split('\n')[0] ?? '').replace(`${vscode.workspace.asRelativePath(loaded.sidecar)}:`, '');
    return { path: shownPath(loaded.sidecar), message: sidecarProblem(loaded.sidecar, first) };
  }
  const coder = services.annotations.coder;
  return loaded.set && loaded.set.anchors.length + loaded.set.tags.length + loaded.set.pairs.length > 0
    ? {
      tags: loaded.set.tags, anchors: loaded.set.anchors, ...(coder === undefined ? {} : { coder }),
      ...(loaded.set.memo === undefined ? {} : { memo: loaded.set.memo }), ...(loaded.set.pairs.length > 0 && { pairs: loaded.set.pairs }),
    } : undefined;
}

/** The annotations of a closed file, read from its sidecar and re-anchored against `text`. */
async function fileAnnotations(article: vscode.Uri, text: string, services: GatherServices): Promise<ExportAnnotations | ExportProblem | undefined> {
  // The sidecar the editor shows: the coder's own in team coding, else the single / consensus one.
  const coder = services.annotations.coder;
  const sidecar = await locateSidecar(article, services.config.current.sidecarLocation, coder);
  let raw: string | undefined;
  try {
    raw = await readText(sidecar);
  } catch (e) {
    return { path: shownPath(sidecar), message: sidecarProblem(sidecar, e instanceof Error ? e.message : String(e)) };
  }
  if (raw === undefined) return undefined;
  const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(sidecar));
  const [first] = 'problems' in parsed ? parsed.problems : [];
  if ('problems' in parsed) return { path: shownPath(sidecar), message: sidecarProblem(sidecar, first ? `${first.line + 1}:${first.character + 1}: ${first.message}` : '') };
  const pairs = (parsed.sidecar.pairs ?? []).map((pair) => reanchorPair(pair, text));
  return {
    tags: parsed.sidecar.tags, anchors: reanchorAll(parsed.sidecar.annotations, text).anchors, ...(coder === undefined ? {} : { coder }),
    ...(parsed.sidecar.memo === undefined ? {} : { memo: parsed.sidecar.memo }), ...(pairs.length > 0 && { pairs }),
  };
}

/**
 * The active document as an export article; undefined when it holds no Chinese. A malformed sidecar throws a
 * `GatherError` when annotations are wanted: exporting the file without them would silently lose them.
 */
export async function gatherDocument(document: vscode.TextDocument, withAnnotations: boolean, target: vscode.Uri | undefined, services: GatherServices): Promise<ExportArticle | undefined> {
  const text = document.getText();
  if (!hasChinese(text)) return undefined;
  const analysis = (await services.analyses.whenAnalyzed(document))?.analysis
    ?? analyze(text, formatOf(document.languageId === 'markdown' ? 'markdown' : document.fileName), services.lexicon.current);
  const annotations = withAnnotations && !document.isUntitled ? await liveAnnotations(document, services) : undefined;
  if (annotations && 'message' in annotations) throw new GatherError(annotations.message);
  const variables = await withTables((tables) => variablesOf(document.uri, text, analysis.format === 'markdown', tables));
  return {
    path: shownPath(document.uri), uri: document.uri.toString(), href: hrefFrom(target, document.uri), text, analysis,
    ...(annotations ? { annotations } : {}), ...(variables ? { variables } : {}),
  };
}

/**
 * Every article of the workspace (`tensionLens.include`, as the dashboard finds them) or the `only` ones, analysed, with its
 * annotations when wanted. Unreadable files and malformed sidecars are skipped and listed; files without Chinese
 * and earlier exports are not articles and are left out silently. Reports progress per file; returns undefined when cancelled.
 */
export async function gatherWorkspace(
  withAnnotations: boolean, target: vscode.Uri | undefined, services: GatherServices,
  progress: (done: number, total: number) => void, token: vscode.CancellationToken, only?: readonly vscode.Uri[],
): Promise<Gathered | undefined> {
  const articles: ExportArticle[] = [];
  const skipped: ExportProblem[] = [];
  const done = await withTables((tables) => forEachArticleText(services.config.current, token, progress, async (uri, read) => {
    if ('error' in read) {
      skipped.push({ path: shownPath(uri), message: read.error });
      return;
    }
    // Files without Chinese are not articles, and an earlier export (it carries the export marker) is not one either.
    if (!hasChinese(read.text) || isTensionLensExport(read.text)) return;
    const annotations = !withAnnotations ? undefined : read.document ? await liveAnnotations(read.document, services) : await fileAnnotations(uri, read.text, services);
    if (annotations && 'message' in annotations) {
      skipped.push(annotations);
      return;
    }
    const analysis = analyze(read.text, formatOf(uri.path), services.lexicon.current);
    const variables = await variablesOf(uri, read.text, analysis.format === 'markdown', tables);
    articles.push({
      path: shownPath(uri), uri: uri.toString(), href: hrefFrom(target, uri), text: read.text,
      analysis, ...(annotations ? { annotations } : {}), ...(variables ? { variables } : {}),
    });
  }, only));
  return done ? { articles, skipped } : undefined;
}
