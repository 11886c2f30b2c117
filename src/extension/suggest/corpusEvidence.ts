import * as vscode from 'vscode';
import { type FileEvidence, type Suggestion, analyze, collectEvidence, formatOf, hasChinese, rankSuggestions } from '../../core';
import { decodeArticle } from '../../core/dashboard';
import { isTensionLensExport } from '../../core/export';
import type { ConfigService } from '../config';
import { findArticles } from '../dashboard/articleFiles';
import type { LexiconService } from '../lexicon/lexiconService';
import { loadReference } from './referenceLoader';

/** Longest stretch of work between two yields, so the extension host stays responsive during a scan. */
const SLICE_MS = 10;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** What the scan needs from the rest of the extension. */
export interface SuggestServices {
  readonly extensionUri: vscode.Uri;
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
}

/** An article's text: the open document's (unsaved edits count), else the file decoded as the dashboard does. */
async function textOf(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return undefined;
    const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), maxBytes);
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Scans the workspace's articles (`tensionLens.include`) for candidate terms and ranks them, leaving out the forms
 * the user lexicons reject. Example paths are the articles' URIs. Undefined when cancelled.
 */
export async function suggestFromWorkspace(
  services: SuggestServices, progress: (done: number, total: number) => void, token: vscode.CancellationToken,
): Promise<Suggestion[] | undefined> {
  const reference = await loadReference(services.extensionUri);
  const config = services.config.current;
  const uris = await findArticles(config.include, token);
  const maxBytes = config.maxFileSizeMB * 1024 * 1024;
  const compiled = services.lexicon.current;
  const evidence: FileEvidence[] = [];
  let slice = Date.now();
  for (const [i, uri] of uris.entries()) {
    if (token.isCancellationRequested) return undefined;
    if (Date.now() - slice > SLICE_MS) {
      progress(i, uris.length);
      await yieldToEventLoop();
      slice = Date.now();
    }
    const text = await textOf(uri, maxBytes);
    if (text === undefined || !hasChinese(text) || isTensionLensExport(text)) continue;
    evidence.push(collectEvidence(uri.toString(), text, analyze(text, formatOf(uri.path), compiled), reference));
  }
  progress(uris.length, uris.length);
  if (token.isCancellationRequested) return undefined;
  return rankSuggestions(evidence, compiled.lexicon, reference, { rejected: services.lexicon.rejected, top: 200 });
}
