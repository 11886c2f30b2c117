import * as vscode from 'vscode';

/** A file system error in words a user can act on: the reason, without VS Code's error-code decoration. */
export function writeErrorReason(e: unknown): string {
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'NoPermissions') return vscode.l10n.t('permission denied');
    if (e.code === 'FileNotFound') return vscode.l10n.t('the folder does not exist');
    if (e.code === 'FileIsADirectory') return vscode.l10n.t('it is a folder');
  }
  return e instanceof Error ? e.message : String(e);
}
