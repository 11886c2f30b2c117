import * as vscode from 'vscode';
import { type CompiledLexicon, type Cooccurrence, type WindowKind, addCooccurrence, cooccurrenceOf, emptyCooccurrence } from '../../core';
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
 * The poles matrices of single articles from earlier counts, so that a recount after one article changed reads and
 * analyses that one only: a window never spans two articles, so the matrix of several articles is the sum of theirs.
 * An entry holds while what its matrix depends on is unchanged: the lexicon, the window, and the article (the open
 * document's version, or the file's modification time and size). Matrices with tags also depend on the annotation
 * layer and the sidecars, so they are always counted afresh.
 */
export class CooccurrenceCache {
  #lexicon: CompiledLexicon | undefined;
  #window: WindowKind | undefined;
  readonly #entries = new Map<string, { readonly stamp: string; readonly matrix: Cooccurrence | undefined }>();

  /** Starts over when the lexicon or the window differs from the entries'. */
  use(lexicon: CompiledLexicon, window: WindowKind): void {
    if (lexicon === this.#lexicon && window === this.#window) return;
    this.#entries.clear();
    this.#lexicon = lexicon;
    this.#window = window;
  }

  /** The article's matrix if it was counted in the state `stamp` describes (undefined inside: it could not be read). */
  get(uri: vscode.Uri, stamp: string): { readonly matrix: Cooccurrence | undefined } | undefined {
    const entry = this.#entries.get(uri.toString());
    return entry?.stamp === stamp ? entry : undefined;
  }

  set(uri: vscode.Uri, stamp: string, matrix: Cooccurrence | undefined): void {
    this.#entries.set(uri.toString(), { stamp, matrix });
  }

  /** Forgets the articles no longer in the workspace, after a count over all of it. */
  keepOnly(uris: readonly vscode.Uri[]): void {
    const kept = new Set(uris.map((u) => u.toString()));
    for (const key of this.#entries.keys()) if (!kept.has(key)) this.#entries.delete(key);
  }
}

/** What an article's matrix depends on besides the lexicon: its open document's version, else its file's state. */
async function stampOf(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return `document ${open.version}`;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return `file ${stat.mtime} ${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Counts the co-occurrence matrix (`location`: a notification when the user asked, the status bar for a recount
 * after a change) of `settings` over the workspace's articles, the one given or the selection's: the articles read
 * as the concordance reads them (open documents with their edits, tags from the annotation layer or the sidecars),
 * counted by the core's `cooccurrenceOf` — the numbers of `tension-lens cooccur --json` on the same files.
 * Shows progress for the workspace and a selection, cancellable by the user and by `superseded` (a newer count of the same matrix);
 * undefined when cancelled.
 */
export async function countCooccurrence(settings: CooccurrenceSettings, article: vscode.Uri | undefined, services: CooccurrenceServices,
  location: vscode.ProgressLocation = vscode.ProgressLocation.Notification, superseded?: vscode.CancellationToken, cache?: CooccurrenceCache): Promise<CountedCooccurrence | undefined> {
  const { config, lexicon, annotations } = services;
  const current = config.current;
  const wantsTags = settings.of !== 'poles';
  const kept = wantsTags ? undefined : cache;
  kept?.use(lexicon.current, settings.window);
  /** One article's matrix: the kept one while the article is as it was, else read and counted (and kept). */
  const articleMatrix = async (uri: vscode.Uri): Promise<Cooccurrence | undefined> => {
    const stamp = kept ? await stampOf(uri) : undefined;
    const hit = stamp !== undefined ? kept?.get(uri, stamp) : undefined;
    if (hit) return hit.matrix;
    const read = await readConcordanceArticle(uri, lexicon.current, current.maxFileSizeMB * 1024 * 1024,
      (text) => (wantsTags ? taggedSpans(uri, text, annotations, current.sidecarLocation) : undefined));
    const matrix = read ? cooccurrenceOf(read, settings.window, settings.of) : undefined;
    if (stamp !== undefined) kept?.set(uri, stamp, matrix);
    return matrix;
  };
  const count = async (uris: readonly vscode.Uri[], token: vscode.CancellationToken, step?: (done: number) => void): Promise<CountedCooccurrence | undefined> => {
    let matrix = emptyCooccurrence(settings.window, settings.of);
    let slice = Date.now();
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested || superseded?.isCancellationRequested) return undefined;
      const one = await articleMatrix(uri);
      if (one) matrix = addCooccurrence(matrix, one);
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
      const counted = await count(uris, token, (done) => progress.report({ increment: 100 / Math.max(1, uris.length), message: `${done}/${uris.length}` }));
      if (counted && !selection) kept?.keepOnly(uris);
      return counted;
    });
}
