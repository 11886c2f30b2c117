import * as vscode from 'vscode';
import { type FileEvidence, type Suggestion, analyze, collectEvidence, formatOf, hasChinese, rankSuggestions } from '../../core';
import { isTensionLensExport } from '../../core/export';
import type { ConfigService } from '../config';
import { forEachArticleText } from '../files/workspaceArticleTexts';
import type { LexiconService } from '../lexicon/lexiconService';
import { loadReference } from './referenceLoader';


/** What the scan needs from the rest of the extension. */
export interface SuggestServices {
  readonly extensionUri: vscode.Uri;
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
}

/**
 * Scans the workspace's articles (`tensionLens.include`) for candidate terms and ranks them, leaving out the forms
 * the user lexicons reject. Example paths are the articles' URIs. Undefined when cancelled.
 */
export async function suggestFromWorkspace(
  services: SuggestServices, progress: (done: number, total: number) => void, token: vscode.CancellationToken,
): Promise<Suggestion[] | undefined> {
  const reference = await loadReference(services.extensionUri);
  const compiled = services.lexicon.current;
  const evidence: FileEvidence[] = [];
  const done = await forEachArticleText(services.config.current, token, progress, (uri, read) => {
    if ('error' in read || !hasChinese(read.text) || isTensionLensExport(read.text)) return;
    evidence.push(collectEvidence(uri.toString(), read.text, analyze(read.text, formatOf(uri.path), compiled), reference));
  });
  if (!done) return undefined;
  return rankSuggestions(evidence, compiled.lexicon, reference, { rejected: services.lexicon.rejected, top: 200 });
}
