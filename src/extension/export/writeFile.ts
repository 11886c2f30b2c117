import * as vscode from 'vscode';

/**
 * Writes bytes atomically through `workspace.fs`: a temp file beside the target, then a rename over it, so a
 * failure leaves the old file (or none) and never half an export. The bytes twin of sidecarFiles'
 * `writeTextAtomic` (an export may be a zip). Throws the file system's error; the temp file is removed.
 */
export async function writeBytesAtomic(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

/** A file system error in words a user can act on: the reason, without VS Code's error-code decoration. */
export function writeErrorReason(e: unknown): string {
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'NoPermissions') return vscode.l10n.t('permission denied');
    if (e.code === 'FileNotFound') return vscode.l10n.t('the folder does not exist');
    if (e.code === 'FileIsADirectory') return vscode.l10n.t('it is a folder');
  }
  return e instanceof Error ? e.message : String(e);
}
