import * as vscode from 'vscode';
import { decodeArticle } from '../../core/dashboard';
import type { TensionConfig } from '../config';
import { findArticles } from '../dashboard/articleFiles';

/** Longest stretch of work between two yields, so the extension host stays responsive during a scan. */
const SLICE_MS = 10;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A workspace file's text (with its open document, whose unsaved edits count), or why it cannot be read. */
export type ArticleText = { readonly text: string; readonly document?: vscode.TextDocument } | { readonly error: string };

/** Reads one workspace file: the open document's text when it is open, else the file decoded as the CLI does. */
export async function readArticleText(uri: vscode.Uri, maxBytes: number): Promise<ArticleText> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document) return { text: document.getText(), document };
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return { error: vscode.l10n.t('larger than tensionLens.maxFileSizeMB') };
    const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), maxBytes);
    if ('text' in decoded) return { text: decoded.text };
    return { error: decoded.error.code === 'binary' ? vscode.l10n.t('a binary file') : decoded.error.code === 'encoding' ? vscode.l10n.t('not UTF-8') : vscode.l10n.t('larger than tensionLens.maxFileSizeMB') };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Reads every file of the workspace that `tensionLens.include` names (or the `only` articles, a selection), one after
 * another, yielding to the editor between slices of work and reporting progress, and hands each to `visit`. False
 * when cancelled.
 */
export async function forEachArticleText(
  config: TensionConfig, token: vscode.CancellationToken, progress: (done: number, total: number) => void,
  visit: (uri: vscode.Uri, read: ArticleText) => void | Promise<void>, only?: readonly vscode.Uri[],
): Promise<boolean> {
  const uris = only ?? await findArticles(config.include, token);
  if (token.isCancellationRequested) return false;
  const maxBytes = config.maxFileSizeMB * 1024 * 1024;
  let slice = Date.now();
  for (const [i, uri] of uris.entries()) {
    if (token.isCancellationRequested) return false;
    if (Date.now() - slice > SLICE_MS) {
      progress(i, uris.length);
      await yieldToEventLoop();
      slice = Date.now();
    }
    await visit(uri, await readArticleText(uri, maxBytes));
  }
  progress(uris.length, uris.length);
  return !token.isCancellationRequested;
}
