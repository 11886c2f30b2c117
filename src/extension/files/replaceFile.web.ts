import * as vscode from 'vscode';

/**
 * Moves `from` over `to` through `workspace.fs`: the only way in a web worker, and for virtual file systems.
 * VS Code deletes an existing `to` before it renames, so there is an instant with neither file (the desktop build
 * uses replaceFile.node.ts for `file:` URIs instead); the temp file then still holds the new content.
 */
export async function replaceFile(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.rename(from, to, { overwrite: true });
}
