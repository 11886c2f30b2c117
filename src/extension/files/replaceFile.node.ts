import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { replaceFile as replaceThroughWorkspace } from './replaceFile.web';

/**
 * Moves `from` over `to`. On a local disk (`file:`, which is also what a remote extension host sees), Node's rename
 * replaces the target in one step (rename(2) on POSIX, MoveFileEx with replace on Windows): there is no instant
 * without the file, which `workspace.fs.rename` has, since it deletes the target first. Other schemes go through
 * `workspace.fs`. Bundled as `tension-lens-replace-file` into the desktop build only (esbuild.config.mjs).
 */
export async function replaceFile(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  if (from.scheme === 'file' && to.scheme === 'file') {
    try {
      await fs.rename(from.fsPath, to.fsPath);
      return;
    } catch (e) {
      // Permission and missing-folder errors as VS Code reports them, so callers explain them the same way.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw vscode.FileSystemError.NoPermissions(to);
      if (code === 'ENOENT') throw vscode.FileSystemError.FileNotFound(to);
      if (code === 'EISDIR') throw vscode.FileSystemError.FileIsADirectory(to);
      throw e;
    }
  }
  await replaceThroughWorkspace(from, to);
}
