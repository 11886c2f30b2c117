import type * as vscode from 'vscode';
import { type ArticleInput, type ArticleRow, analyseArticle } from '../../core/dashboard';
import type { CompiledLexicon } from '../../core';

/** Analyses the dashboard's rows: in a worker thread on the desktop, in this thread (with yields) in a web worker host. */
export interface RowAnalyser extends vscode.Disposable {
  /** True when the analysis runs off the extension host's thread: the scan then keeps several files in flight. */
  readonly offThread: boolean;
  /** The row of an article; undefined when it has no Chinese (not an article). */
  analyse(input: ArticleInput): Promise<ArticleRow | undefined>;
}

/**
 * The web worker extension host has no worker threads to start: the analysis runs here, one article per call, and
 * the scan yields to the event loop between articles (workspaceArticles.ts). Bundled as `tension-lens-row-analyser`
 * into the web build (esbuild.config.mjs); the desktop build gets rowAnalyser.node.ts.
 */
export function rowAnalyser(lexicon: CompiledLexicon, _extensionUri: vscode.Uri): RowAnalyser {
  return { offThread: false, analyse: (input) => Promise.resolve(analyseArticle(input, lexicon)?.row), dispose: () => undefined };
}
