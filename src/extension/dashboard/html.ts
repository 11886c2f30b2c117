import * as vscode from 'vscode';
import { bundledPageHtml } from '../webview/page';

/** The folders the webview may load from: its script bundle and its stylesheet, nothing else. */
export function dashboardResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'dashboard')];
}

/** The dashboard page: an empty shell that the bundled script fills from the posted model (see bundledPageHtml). */
export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, language: string): string {
  return bundledPageHtml(webview, extensionUri, {
    script: 'dashboard.js', style: ['dashboard', 'dashboard.css'], title, language, images: true, appAttributes: 'data-loading="true"',
  });
}
