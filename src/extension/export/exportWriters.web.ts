import type * as vscode from 'vscode';
import { exportArticles } from '../../core/export/exporter';
import type { ExportWriters } from './exportWriters';

const writers: ExportWriters = { exportArticles };

/**
 * The export writers, bundled into the web build: a web worker extension host cannot require a file beside
 * dist/web/extension.js. Bundled as `tension-lens-export-writers` (esbuild.config.mjs); the desktop build loads
 * them from dist/export.js on first use (exportWriters.node.ts).
 */
export function loadExportWriters(_extensionUri: vscode.Uri): ExportWriters {
  return writers;
}
