import * as vscode from 'vscode';
import sample from '../../../media/sample/ai-lab-expert-departure.md';

/** `Open Sample Article` — the bundled sample in an untitled Markdown editor, to try every feature on. */
export function registerOpenSample(): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.openSample', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: sample });
    await vscode.window.showTextDocument(document);
  });
}
