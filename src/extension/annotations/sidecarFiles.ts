import * as vscode from 'vscode';
import { writeAtomic } from '../files/atomicWrite';
import { SIDECAR_FOLDER, SIDECAR_SUFFIX, type SidecarLocation, coderOfSidecarName, coderSidecarPathFor, sidecarPathFor } from '../../core';
import type { TensionConfig } from '../config';

/** The sidecar of an article in the given storage location (beside it, or mirrored in `.tension/`). */
export function sidecarUriAt(article: vscode.Uri, location: SidecarLocation): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(article);
  return article.with({ path: sidecarPathFor(article.path, location, folder?.uri.path) });
}

/** Coder `coder`'s sidecar of an article (`a.md.tension.<coder>.json`), or the single one when `coder` is undefined. */
export function coderSidecarUriAt(article: vscode.Uri, coder: string | undefined, location: SidecarLocation): vscode.Uri {
  if (coder === undefined) return sidecarUriAt(article, location);
  const folder = vscode.workspace.getWorkspaceFolder(article);
  return article.with({ path: coderSidecarPathFor(article.path, coder, location, folder?.uri.path) });
}

/** The sidecar of an article under the current `tensionLens.sidecar.location` (beside it, or in `.tension/`). */
export function sidecarUriFor(article: vscode.Uri, config: TensionConfig): vscode.Uri {
  return sidecarUriAt(article, config.sidecarLocation);
}

/** The storage location that is not `location`. */
export function otherLocation(location: SidecarLocation): SidecarLocation {
  return location === 'folder' ? 'beside' : 'folder';
}

/** The article a sidecar belongs to: the path without the suffix, taken out of `.tension/` when it is mirrored there. */
export function articleOfSidecar(sidecar: vscode.Uri): vscode.Uri | undefined {
  if (!sidecar.path.endsWith(SIDECAR_SUFFIX)) return undefined;
  const path = sidecar.path.slice(0, -SIDECAR_SUFFIX.length);
  const root = vscode.workspace.getWorkspaceFolder(sidecar)?.uri.path.replace(/\/+$/, '');
  const mirror = root === undefined ? undefined : `${root}/${SIDECAR_FOLDER}/`;
  return sidecar.with({ path: mirror && path.startsWith(mirror) ? `${root}/${path.slice(mirror.length)}` : path });
}

/** True when the file or folder exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/**
 * Where an article's annotations are: its sidecar in the configured location, else one left in the other location
 * (until the user moves the sidecars after a location switch, both are read), else the configured place to create it.
 */
export async function locateSidecar(article: vscode.Uri, location: SidecarLocation, coder?: string): Promise<vscode.Uri> {
  const preferred = coderSidecarUriAt(article, coder, location);
  const other = coderSidecarUriAt(article, coder, otherLocation(location));
  if (preferred.toString() === other.toString() || (await exists(preferred))) return preferred;
  return (await exists(other)) ? other : preferred;
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

/** The coders with a sidecar of `article` in either location (file-safe names, each once). */
export async function coderSidecarsOf(article: vscode.Uri): Promise<string[]> {
  const name = article.path.slice(article.path.lastIndexOf('/') + 1);
  const coders = new Set<string>();
  for (const location of ['beside', 'folder'] as const) {
    const folder = vscode.Uri.joinPath(sidecarUriAt(article, location), '..');
    const entries = await vscode.workspace.fs.readDirectory(folder).then((e) => e, () => [] as [string, vscode.FileType][]);
    for (const [file] of entries) {
      const coder = coderOfSidecarName(name, file);
      if (coder !== undefined) coders.add(coder);
    }
  }
  return [...coders];
}
