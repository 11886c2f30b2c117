// The extension loads in a real VS Code: opening a Chinese article activates it, and its API is reachable.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import packageJson from '../../package.json';
import type { TensionLensApi } from '../../src/extension/extension';
import { openFixture, waitFor } from './support/workspace';

const extensionId = `${packageJson.publisher}.${packageJson.name}`;

describe('activation', () => {
  it('opening the Markdown article activates the extension, which reports its version', async () => {
    const editor = await openFixture('ai-lab-expert-departure.md');
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /开放原则/);

    const extension = vscode.extensions.getExtension<TensionLensApi>(extensionId);
    assert.ok(extension, `${extensionId} is not installed in the extension host`);
    await waitFor(() => extension.isActive, `${extensionId} to activate on a Markdown document`);
    assert.equal(extension.exports.version, packageJson.version);
  });

  it('the plain-text news article opens as plaintext with the extension still active', async () => {
    const editor = await openFixture('openai-departures-news.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    assert.match(editor.document.getText(), /OpenAI/);
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
  });
});
