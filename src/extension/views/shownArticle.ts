import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';

/** A document's file name, as a view names the article it shows. */
function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.fileName;
}

/**
 * The article the Terms and Tags views show: the active editor's when it is an analysed article, else the last one
 * shown (until it is closed), so clicking into a settings file or the dashboard does not empty the views. While the
 * article shown is not the active editor's, every view attached to it names the article in its description, so
 * what it shows is never a guess.
 */
export class ShownArticle implements vscode.Disposable {
  readonly #analyses: AnalysisService;
  readonly #emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  /** Fires when the article shown changes or is re-analysed (the document, or undefined when there is none). */
  readonly onDidChange = this.#emitter.event;
  readonly #views: vscode.TreeView<unknown>[] = [];
  #document: vscode.TextDocument | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(analyses: AnalysisService) {
    this.#analyses = analyses;
    this.#document = this.#activeArticle();
    this.#subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.#follow()),
      analyses.onDidAnalyze(({ document }) => {
        if (document === this.#document || document === vscode.window.activeTextEditor?.document) this.#follow();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.#document) this.#follow();
      }),
    );
  }

  /** The article shown, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.#document;
  }

  /** Names the shown article in `view`'s description whenever it is not the active editor's. */
  attach(view: vscode.TreeView<unknown>): void {
    this.#views.push(view);
    this.#describe(view);
  }

  #activeArticle(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.#analyses.get(document.uri) ? document : undefined;
  }

  #follow(): void {
    const active = this.#activeArticle();
    if (active) this.#document = active;
    else if (this.#document?.isClosed || (this.#document && !this.#analyses.get(this.#document.uri))) this.#document = undefined;
    for (const view of this.#views) this.#describe(view);
    this.#emitter.fire(this.#document);
  }

  #describe(view: vscode.TreeView<unknown>): void {
    const document = this.#document;
    view.description = document && document !== vscode.window.activeTextEditor?.document ? fileName(document) : '';
  }

  dispose(): void {
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}
