// Annotations from the web worker extension host: the sidecar JSON lands beside the article through
// `vscode.workspace.fs`, in the workspace and in a virtual (in-memory) file system alike.
import * as vscode from 'vscode';
import type { TensionLensApi } from '../../src/extension/extension';
import { fixtureFolder, waitFor } from '../vscode/support/workspace';
import { annotationDrawn, api } from '../vscode/support/extensionApi';
import { equal, ok } from './assert';
import { MemFs } from './memfs';

const decoder = new TextDecoder();
const QUOTE = '闭源商用路径';

interface SidecarJson {
  annotations: { id: string; note: string; target: { selector: { type: string; exact?: string }[] } }[];
}

/** Opens `uri`, annotates the first QUOTE in it with a note, and returns the new annotation's id. */
async function annotateQuote(tl: TensionLensApi, uri: vscode.Uri, note: string): Promise<string> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await tl.whenAnalyzed(editor.document);
  const start = editor.document.getText().indexOf(QUOTE);
  ok(start >= 0, `${QUOTE} is not in ${uri.toString()}`);
  const id = await tl.annotate({ uri: uri.toString(), start, end: start + QUOTE.length, tags: ['争议焦点'], note });
  ok(id, 'annotate returned no id');
  await waitFor(() => annotationDrawn(tl, uri, start, start + QUOTE.length), 'the annotation to be drawn');
  return id;
}

/** Checks the sidecar holds annotation `id` with the quote and note. */
function assertSidecar(bytes: Uint8Array, id: string, note: string): void {
  const json = JSON.parse(decoder.decode(bytes)) as SidecarJson;
  const annotation = json.annotations.find((a) => a.id === id);
  ok(annotation, `annotation ${id} is not in the sidecar`);
  equal(annotation.note, note, 'note');
  equal(annotation.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, QUOTE, 'quote');
}

describe('web: annotations', () => {
  let tl: TensionLensApi;

  before(async () => {
    tl = await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('annotating in the workspace writes <article>.tension.json beside the article', async () => {
    const folder = fixtureFolder().uri;
    const article = vscode.Uri.joinPath(folder, 'web-tmp', 'article.md');
    await vscode.workspace.fs.writeFile(article, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'ai-lab-expert-departure.md')));
    try {
      const id = await annotateQuote(tl, article, '网页版批注');
      assertSidecar(await vscode.workspace.fs.readFile(article.with({ path: `${article.path}.tension.json` })), id, '网页版批注');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'web-tmp'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('annotating in a virtual file system writes the sidecar there, atomically (no temp file left)', async () => {
    const memfs = new MemFs();
    const registration = vscode.workspace.registerFileSystemProvider('tension-mem', memfs, { isCaseSensitive: true });
    try {
      const article = vscode.Uri.from({ scheme: 'tension-mem', path: '/articles/离职.md' });
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(article, '..'));
      await vscode.workspace.fs.writeFile(article, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixtureFolder().uri, 'ai-lab-expert-departure.md')));
      const id = await annotateQuote(tl, article, 'virtual');
      equal(memfs.files().join(' '), '/articles/离职.md /articles/离职.md.tension.json', 'files in the virtual file system');
      assertSidecar(memfs.readFile(article.with({ path: `${article.path}.tension.json` })), id, 'virtual');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
    }
  });
});
