import type * as vscode from 'vscode';
import { exportsFunctions, requireBundle } from '../bundles/requireBundle';
import type { ExportWriters } from './exportWriters';

/**
 * The export writers of dist/export.js, required on the first export (desktop and remote hosts). Throws
 * BundleLoadError when the file is missing. Bundled as `tension-lens-export-writers` into the desktop build only
 * (esbuild.config.mjs); the web build bundles the writers themselves (exportWriters.web.ts).
 */
export function loadExportWriters(extensionUri: vscode.Uri): ExportWriters {
  return requireBundle(extensionUri, 'export', exportsFunctions<ExportWriters>('exportArticles'));
}
