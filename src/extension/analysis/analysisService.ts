import * as vscode from 'vscode';
import { MEMO_SCHEME } from '../memos/memoScheme';
import { type Analysis, Analyzer, type CompiledLexicon, formatOf, hasChinese } from '../../core';
import type { ConfigService } from '../config';
import type { LexiconService } from '../lexicon/lexiconService';

/** The analysis of one document at one version. */
export interface DocumentAnalysis {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly analysis: Analysis;
}

/** A document was (re-)analysed, or its analysis dropped (`result` undefined: closed, or no longer an article). */
export interface AnalysisEvent {
  readonly document: vscode.TextDocument;
  readonly result: DocumentAnalysis | undefined;
}

interface Entry {
  analyzer: Analyzer;
  result?: DocumentAnalysis;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Keeps an analysis for every visible Chinese article, re-analysed after edits (debounced). A lexicon or settings
 * change is not its business: `LensRefresh` calls `relex` / `analyzeVisible` at the right moment. One `Analyzer`
 * per document, so a re-analysis only re-parses the groups of paragraphs an edit touched.
 */
export class AnalysisService implements vscode.Disposable {
  readonly #config: ConfigService;
  readonly #lexicon: LexiconService;
  readonly #entries = new Map<string, Entry>();
  readonly #emitter = new vscode.EventEmitter<AnalysisEvent>();
  /** Fires after a document has been (re-)analysed or its analysis dropped, with the document and its analysis. */
  readonly onDidAnalyze = this.#emitter.event;
  /** Documents over the size limit the user chose to analyse anyway. */
  readonly #allowedLarge = new Set<string>();
  readonly #warnedLarge = new Set<string>();
  readonly #waiters = new Map<string, (() => void)[]>();
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(config: ConfigService, lexicon: LexiconService) {
    this.#config = config;
    this.#lexicon = lexicon;
    this.#subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.analyzeVisible()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.#schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.#drop(d)),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.#isVisible(d)) this.analyzeNow(d);
      }),
    );
  }

  /** The latest analysis of a document, if it is an article we analyse. */
  get(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.#entries.get(uri.toString())?.result;
  }

  /** True when the document is one we analyse: Markdown/plain text or an included glob. */
  isArticle(document: vscode.TextDocument): boolean {
    // A memo document is Markdown about an article, not an article: no highlights, and the views keep the article.
    if (document.uri.scheme === MEMO_SCHEME) return false;
    if (document.languageId === 'markdown' || document.languageId === 'plaintext') return true;
    return this.#config.current.include.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  analyzeVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const entry = this.#entries.get(editor.document.uri.toString());
      if (entry?.result?.version !== editor.document.version) this.analyzeNow(editor.document);
    }
  }

  /** Analyses a document now (cancelling a pending debounced run); undefined when it is not an article for us. */
  analyzeNow(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = document.uri.toString();
    const entry = this.#entries.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    if (!this.isArticle(document) || !this.#withinSizeLimit(document)) return undefined;
    const text = document.getText();
    if (!hasChinese(text)) {
      // Silent on text with no Chinese: forget anything shown before (the user may have deleted it all).
      if (entry?.result) this.#drop(document);
      this.#resolveWaiters(key);
      return undefined;
    }
    const current = entry ?? { analyzer: new Analyzer(this.#lexicon.current) };
    const result: DocumentAnalysis = { uri: document.uri, version: document.version, analysis: current.analyzer.analyze(text, formatOf(document.languageId === 'markdown' ? 'markdown' : document.fileName)) };
    current.result = result;
    delete current.timer;
    this.#entries.set(key, current);
    this.#emitter.fire({ document, result });
    this.#resolveWaiters(key);
    return result;
  }

  /** Resolves when the document's current version has been analysed (or found not to be an article). */
  whenAnalyzed(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    const entry = this.#entries.get(key);
    if (entry?.result?.version === document.version && !entry.timer) return Promise.resolve(entry.result);
    if (!entry?.timer) return Promise.resolve(this.analyzeNow(document));
    return new Promise((resolve) => {
      const list = this.#waiters.get(key) ?? [];
      list.push(() => resolve(this.get(document.uri)));
      this.#waiters.set(key, list);
    });
  }

  #resolveWaiters(key: string): void {
    const list = this.#waiters.get(key);
    this.#waiters.delete(key);
    for (const resolve of list ?? []) resolve();
  }

  #isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  #schedule(document: vscode.TextDocument): void {
    // Only what the user sees is re-analysed; a hidden document is analysed again when it becomes visible.
    if (!this.#isVisible(document)) {
      const entry = this.#entries.get(document.uri.toString());
      if (entry?.timer) clearTimeout(entry.timer);
      return;
    }
    const key = document.uri.toString();
    const entry = this.#entries.get(key) ?? { analyzer: new Analyzer(this.#lexicon.current) };
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.analyzeNow(document), this.#config.current.debounceMs);
    this.#entries.set(key, entry);
  }

  #withinSizeLimit(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    const limitMB = this.#config.current.maxFileSizeMB;
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    // A UTF-16 unit is at most 3 UTF-8 bytes: only a document that could be over the limit is measured exactly.
    if (length * 3 <= limitMB * 1024 * 1024 || this.#allowedLarge.has(key)) return true;
    if (utf8Length(document.getText()) <= limitMB * 1024 * 1024) return true;
    if (!this.#warnedLarge.has(key)) {
      this.#warnedLarge.add(key);
      const analyse = vscode.l10n.t('Analyse anyway');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('Tension Lens skipped {0}: it is larger than tensionLens.maxFileSizeMB ({1} MB).', vscode.workspace.asRelativePath(document.uri), limitMB),
          analyse,
        )
        .then((choice) => {
          if (choice !== analyse) return;
          this.#allowedLarge.add(key);
          this.analyzeNow(document);
        });
    }
    return false;
  }

  /** Re-analyses every document analysed so far with a new lexicon, then whatever is visible. */
  relex(compiled: CompiledLexicon): void {
    for (const entry of this.#entries.values()) entry.analyzer = new Analyzer(compiled);
    for (const document of vscode.workspace.textDocuments) if (this.#entries.has(document.uri.toString())) this.analyzeNow(document);
    this.analyzeVisible();
  }

  #drop(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const entry = this.#entries.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    if (this.#entries.delete(key)) this.#emitter.fire({ document, result: undefined });
  }

  dispose(): void {
    for (const entry of this.#entries.values()) if (entry.timer) clearTimeout(entry.timer);
    for (const d of this.#subscriptions) d.dispose();
    this.#emitter.dispose();
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
