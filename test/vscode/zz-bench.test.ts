// Extension-host figures for `npm run bench` (section 4): activation time and the time from opening a 1 MB article to
// its decorations. Written to bench/.results/extension.json (git-ignored); asserts only that the figures are sane.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import packageJson from '../../package.json';
import type { TensionLensApi } from '../../src/extension/extension';
import { fixtureFolder, waitFor } from './support/workspace';

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
      const out = path.resolve(__dirname, '../../../bench/.results/extension.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify({ activationMs: tl.activationMs, openToDecorationsMs, measuredAt: new Date().toISOString() }, null, 2)}\n`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'tmp-bench'), { recursive: true });
    }
  });
});
