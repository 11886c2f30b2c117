// Extension-host figures for `npm run bench` (section 4): activation time, the time from opening a 1 MB article to
// its decorations, and from a keystroke in it to repainted decorations. Written to bench/.results/extension.json
// (git-ignored); asserts only that the figures are sane.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import packageJson from '../../package.json';
import type { TensionLensApi } from '../../src/extension/extension';
import { fixtureFolder, waitFor } from './support/workspace';

/**
 * Median time from a one-character edit in the middle of the article to its re-analysis and repainted decorations,
 * over 7 edits: from the change event the extension host receives to the end of the repaint (getText, analysis,
 * ranges, setDecorations). The debounce is set to 0 meanwhile: it is a deliberate wait, not work.
 */
async function editToDecorations(tl: TensionLensApi, editor: vscode.TextEditor): Promise<number> {
  const config = vscode.workspace.getConfiguration('tensionLens');
  await config.update('debounceMs', 0, vscode.ConfigurationTarget.Workspace);
  try {
    await tl.whenAnalyzed(editor.document);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Subscribed after the extension's own listener, so the analysis is already scheduled when this one runs;
      // the waiter it adds is resolved right after the repaint.
      const measured = new Promise<number>((resolve) => {
        const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document !== editor.document) return;
          subscription.dispose();
          const changedAt = performance.now();
          void tl.whenAnalyzed(e.document).then(() => resolve(performance.now() - changedAt));
        });
      });
      const at = editor.document.positionAt((editor.document.getText().length >> 1) + i * 17);
      assert.ok(await editor.edit((edit) => edit.insert(at, '开')));
      samples.push(await measured);
      assert.ok((tl.getAnalysis(editor.document.uri)?.hitCount ?? 0) > 0);
    }
    return samples.sort((a, b) => a - b)[samples.length >> 1] ?? 0;
  } finally {
    await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
  }
}

describe('benchmark figures from the extension host', () => {
  it('measures activation and open-to-decorations on a 1 MB article', async () => {
    const extension = vscode.extensions.getExtension<TensionLensApi>(`${packageJson.publisher}.${packageJson.name}`);
    assert.ok(extension);
    const tl = await extension.activate();
    const folder = fixtureFolder().uri;
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'openai-departures-news.txt')));
    const paragraphs = seed.split(/\n+/).filter((p) => p.trim());
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 1024 * 1024; i++) text += `${paragraphs[(i * 7919) % paragraphs.length] ?? ''}（${i}）\n\n`;
    const uri = vscode.Uri.joinPath(folder, 'tmp-bench', 'one-megabyte.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const start = performance.now();
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(() => Object.keys(tl.getDecorations(editor.document.uri)).length > 0, 'decorations on the 1 MB article', 30_000);
      const openToDecorationsMs = performance.now() - start;
      assert.ok(tl.activationMs > 0 && openToDecorationsMs > 0);
      const editToDecorationsMs = await editToDecorations(tl, editor);
      assert.ok(editToDecorationsMs > 0);
      const out = path.resolve(__dirname, '../../../bench/.results/extension.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify({ activationMs: tl.activationMs, openToDecorationsMs, editToDecorationsMs, measuredAt: new Date().toISOString() }, null, 2)}\n`);
    } finally {
      // The edits above left the article dirty: revert it so closing asks nothing.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'tmp-bench'), { recursive: true });
    }
  });
});
