import type * as vscode from 'vscode';
import { bundledPageHtml } from '../webview/page';

/** The concordance page: a shell the bundled script fills; the CSP allows only its own nonce'd script and style. */
export function concordanceHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, language: string): string {
  return bundledPageHtml(webview, extensionUri, { script: 'concordance.js', style: ['concordance', 'concordance.css'], title, language });
}
