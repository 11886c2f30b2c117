import * as vscode from 'vscode';

/** What dist/import.js exports (src/import/index.ts). */
export interface Importer {
  importArticle(bytes: Uint8Array, fileName: string): Promise<string>;
}

let loaded: Importer | null | undefined;

/**
 * The importers of dist/import.js, loaded on the first import: Readability, mammoth and pdf.js are several times
 * the size of the extension and need Node.js. Undefined where they cannot run — the web extension host has no
 * Node.js and no `require` for files — or the bundle is missing.
 */
export function loadImporter(extensionUri: vscode.Uri): Importer | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  loaded = null;
  if (extensionUri.scheme !== 'file' || typeof require !== 'function') return undefined;
  try {
    // A path known only at run time: esbuild leaves this require alone, so the importers stay out of extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading our own separately built bundle
    const bundle = require(vscode.Uri.joinPath(extensionUri, 'dist', 'import.js').fsPath) as Partial<Importer>;
    if (typeof bundle.importArticle === 'function') loaded = bundle as Importer;
  } catch {
    // Missing or unloadable bundle: the command says imports are not available here.
  }
  return loaded ?? undefined;
}
