// The dashboard's worker thread on the desktop (src/extension/dashboard/rowAnalyser.node.ts), bundled on its own as
// dist/row-worker.js: it compiles the lexicon it is started with once, then turns each article it is sent into its
// overview row. No `vscode` here: a worker thread has no extension API; the host reads the files.
import { parentPort, workerData } from 'node:worker_threads';
import { type Lexicon, compileLexicon } from '../../core';
import { type ArticleInput, type ArticleRow, analyseArticle } from '../../core/dashboard';

export interface RowRequest {
  readonly id: number;
  readonly input: ArticleInput;
}

export type RowAnswer = { readonly id: number; readonly row: ArticleRow | undefined } | { readonly id: number; readonly error: string };

const port = parentPort;
if (port) {
  const lexicon = compileLexicon(workerData as Lexicon);
  port.on('message', ({ id, input }: RowRequest) => {
    try {
      port.postMessage({ id, row: analyseArticle(input, lexicon)?.row } satisfies RowAnswer);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies RowAnswer);
    }
  });
}
