import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core';
import type { TensionConfig } from '../config';

/** The sidecar of an article under the current `tensionLens.sidecar.location` (beside it, or in `.tension/`). */
export function sidecarUriFor(article: vscode.Uri, config: TensionConfig): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(article);
  const path = sidecarPathFor(article.path, config.sidecarLocation, folder?.uri.path);
  return article.with({ path });
}

/** Reads a file as UTF-8 text, or undefined when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/**
 * Writes a file atomically: a temp file beside it, then a rename over the target, so a crash or a full disk
 * leaves either the old file or the new one — never half of one. Through `workspace.fs`, so remote and virtual
 * workspaces work too.
 */
export async function writeTextAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const temp = uri.with({ path: `${uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp` });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
