import * as vscode from 'vscode';
import { writeAtomic } from '../files/atomicWrite';
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
 * Writes a sidecar atomically (temp file, then a one-step replace: see files/atomicWrite.ts), making its folder
 * (`.tension/`) when needed. Through `workspace.fs` and, for local files, Node's rename.
 */
export async function writeTextAtomic(uri: vscode.Uri, text: string): Promise<void> {
  await writeAtomic(uri, new TextEncoder().encode(text), { createFolder: true });
}
