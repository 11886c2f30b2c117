import * as vscode from 'vscode';
import { exportsFunctions, requireBundleFile } from '../bundles/onDemand';

/** What dist/import.js exports (src/import/index.ts). */
export interface Importer {
  importArticle(bytes: Uint8Array, fileName: string): Promise<string>;
}

const isImporter = exportsFunctions<Importer>('importArticle');
let unavailable = false;

/**
 * The importers of dist/import.js, loaded on the first import: Readability, mammoth and pdf.js are several times
 * the size of the extension and need Node.js. Undefined where they cannot run — the web extension host has no
 * Node.js and no `require` for files — or the bundle is missing.
 */
export function loadImporter(extensionUri: vscode.Uri): Importer | undefined {
  if (unavailable || extensionUri.scheme !== 'file' || typeof require !== 'function') return undefined;
  try {
    return requireBundleFile(vscode.Uri.joinPath(extensionUri, 'dist', 'import.js').fsPath, isImporter);
  } catch {
    unavailable = true; // missing or unloadable bundle: the command says imports are not available here
    return undefined;
  }
}
