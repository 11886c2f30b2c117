import * as vscode from 'vscode';
import { type Cooccurrence, addCooccurrence, cooccurrenceOf, emptyCooccurrence } from '../../core';
import type { CooccurrenceSettings } from '../../core/dashboard';
import type { AnnotationService } from '../annotations/annotationService';
import { readConcordanceArticle, taggedSpans } from '../concordance/articleSource';
import type { ConfigService } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';
import { findArticles } from './articleFiles';

/** What counting needs; owned by the composition root. */
export interface CooccurrenceServices {
  readonly config: ConfigService;
  readonly lexicon: LexiconService;
  readonly annotations: AnnotationService;
}

/** A matrix and the articles it was counted over (a clicked cell's concordance searches the same ones). */
export interface CountedCooccurrence {
  readonly matrix: Cooccurrence;
  readonly uris: readonly vscode.Uri[];
}

/** Longest stretch of analysis between two yields, so the extension host stays responsive. */
const SLICE_MS = 15;

/**
 * Counts the co-occurrence matrix (`location`: a notification when the user asked, the status bar for a recount
 * after a change) of `settings` over the workspace's articles, the one given or the selection's: the articles read
 * as the concordance reads them (open documents with their edits, tags from the annotation layer or the sidecars),
 * counted by the core's `cooccurrenceOf` — the numbers of `tension-lens cooccur --json` on the same files.
 * Shows progress for the workspace and a selection, cancellable by the user and by `superseded` (a newer count of the same matrix);
 * undefined when cancelled.
 */
export async function countCooccurrence(settings: CooccurrenceSettings, article: vscode.Uri | undefined, services: CooccurrenceServices,
  location: vscode.ProgressLocation = vscode.ProgressLocation.Notification, superseded?: vscode.CancellationToken): Promise<CountedCooccurrence | undefined> {
  const { config, lexicon, annotations } = services;
  const current = config.current;
  const wantsTags = settings.of !== 'poles';
  const count = async (uris: readonly vscode.Uri[], token: vscode.CancellationToken, step?: (done: number) => void): Promise<CountedCooccurrence | undefined> => {
    let matrix = emptyCooccurrence(settings.window, settings.of);
    let slice = Date.now();
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested || superseded?.isCancellationRequested) return undefined;
      const read = await readConcordanceArticle(uri, lexicon.current, current.maxFileSizeMB * 1024 * 1024,
        (text) => (wantsTags ? taggedSpans(uri, text, annotations, current.sidecarLocation) : undefined));
      if (read) matrix = addCooccurrence(matrix, cooccurrenceOf(read, settings.window, settings.of));
      step?.(i + 1);
      if (Date.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        slice = Date.now();
      }
    }
    return { matrix, uris };
  };
  if (settings.scope === 'article') {
    const none = new vscode.CancellationTokenSource();
    try {
      return await count(article ? [article] : [], none.token);
    } finally {
      none.dispose();
    }
  }
  // The selection is the articles the user chose (`selectedArticles`), counted as they are given.
  const selection = settings.scope === 'selection' ? (settings.files ?? []).map((f) => vscode.Uri.parse(f, true)) : undefined;
  return vscode.window.withProgress({ location, title: vscode.l10n.t('Tension Lens: counting co-occurrences'), cancellable: location === vscode.ProgressLocation.Notification },
    async (progress, token) => {
      const uris = selection ?? await findArticles(current.include, token);
      return count(uris, token, (done) => progress.report({ increment: 100 / Math.max(1, uris.length), message: `${done}/${uris.length}` }));
    });
}
