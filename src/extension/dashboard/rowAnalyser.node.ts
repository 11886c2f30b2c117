import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { ArticleInput, ArticleRow } from '../../core/dashboard';
import type { CompiledLexicon } from '../../core';
import { type RowAnalyser, rowAnalyser as inThisThread } from './rowAnalyser.web';
import type { RowAnswer, RowRequest } from './rowWorker';

export type { RowAnalyser } from './rowAnalyser.web';

/**
 * The desktop (and remote) extension host: the rows are analysed in a worker thread running dist/row-worker.js with
 * the lexicon compiled once, so a workspace of thousands of articles never holds up the extension host between two
 * yields; the host only reads files and posts their text. Falls back to this thread when the worker cannot start.
 * Bundled as `tension-lens-row-analyser` into the desktop build only (esbuild.config.mjs).
 */
export function rowAnalyser(lexicon: CompiledLexicon, extensionUri: vscode.Uri): RowAnalyser {
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'row-worker.js').fsPath;
  if (!fs.existsSync(file)) return inThisThread(lexicon, extensionUri);
  const worker = new Worker(file, { workerData: compiledLexiconPlain(lexicon) });
  const pending = new Map<number, { resolve: (row: ArticleRow | undefined) => void; reject: (e: Error) => void }>();
  let failed: Error | undefined;
  const fail = (e: Error): void => {
    failed ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (answer: RowAnswer) => {
    const p = pending.get(answer.id);
    pending.delete(answer.id);
    if (!p) return;
    if ('error' in answer) p.reject(new Error(answer.error));
    else p.resolve(answer.row);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the dashboard worker stopped')));
  // Between scans the worker waits without keeping the host alive.
  worker.unref();
  let nextId = 0;
  return {
    offThread: true,
    analyse(input: ArticleInput) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input } satisfies RowRequest);
      });
    },
    dispose: () => {
      fail(new Error('the dashboard scan was stopped'));
      void worker.terminate();
    },
  };
}

/** The lexicon as plain data for the worker (it compiles its own): the user's merged lexicon, not just the built-in. */
function compiledLexiconPlain(lexicon: CompiledLexicon): CompiledLexicon['lexicon'] {
  return lexicon.lexicon;
}
