import * as vscode from 'vscode';
import { replaceFile } from 'tension-lens-replace-file';

/**
 * Writes bytes atomically: a hidden temp file beside the target, then a rename over it, so a crash, a full disk or
 * an error leaves the old file or the new one — never half of one, and never neither. A failure removes the temp
 * file and throws the file system's error. `createFolder` makes the target's folder first (sidecars under
 * `.tension/`); exports leave it to the user, whose chosen folder must exist.
 */
export async function writeAtomic(target: vscode.Uri, bytes: Uint8Array, options: { createFolder?: boolean } = {}): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
  if (options.createFolder) await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await replaceFile(temp, target);
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
