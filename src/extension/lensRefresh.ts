import type * as vscode from 'vscode';
import type { CompiledLexicon } from '../core';
import type { AnalysisService } from './analysis/analysisService';
import type { ConfigService } from './config';
import type { PoleDecorations } from './decorations/poleDecorations';
import type { LexiconService } from './lexicon/lexiconService';

/** Something that shows settings-dependent state and redraws it on request (the Terms view, the status bar). */
export interface Refreshable {
  refresh(): void;
}

/**
 * The one owner of "the lexicon or the settings changed". In this order: build the new decoration types (style,
 * poles), re-analyse (a new lexicon) or re-check what is visible (settings), repaint every visible editor with the
 * new types, refresh the views, and only then dispose the old types. Disposing a type wipes its ranges from the
 * screen, so the order cannot be left to the order in which listeners happened to be added.
 */
export class LensRefresh implements vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #poles: PoleDecorations;
  readonly #views: readonly Refreshable[];
  readonly #subscriptions: vscode.Disposable[];

  constructor(config: ConfigService, lexicon: LexiconService, analyses: AnalysisService, poles: PoleDecorations, views: readonly Refreshable[]) {
    this.#analyses = analyses;
    this.#poles = poles;
    this.#views = views;
    this.#subscriptions = [
      lexicon.onDidChange((compiled) => this.apply(compiled)),
      config.onDidChange(() => this.apply(undefined)),
    ];
  }

  /** Applies a change: a new lexicon (`compiled`), or settings only (undefined). */
  apply(compiled: CompiledLexicon | undefined): void {
    const retired = this.#poles.restyle();
    try {
      if (compiled) this.#analyses.relex(compiled);
      else this.#analyses.analyzeVisible();
      this.#poles.paintAll();
      for (const view of this.#views) view.refresh();
    } finally {
      retired.dispose();
    }
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
  }
}
