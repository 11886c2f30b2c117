import * as vscode from 'vscode';

/**
 * `Open Sample Article` — the bundled sample in an untitled Markdown editor, to try every feature on. Read from the
 * extension's own files (not bundled into the code), through workspace.fs so it works in the web host too.
 */
export function registerOpenSample(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('tensionLens.openSample', async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'sample', 'ai-lab-expert-departure.md'));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(document);
  });
}
