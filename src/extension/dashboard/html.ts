import * as vscode from 'vscode';

/** A fresh nonce per page load: the only key that lets a script or style element run under the CSP. */
function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The folders the webview may load from: its script bundle and its stylesheet, nothing else. */
export function dashboardResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'dashboard')];
}

/**
 * The dashboard page: an empty shell that the bundled script fills from the posted model. The Content-Security-
 * Policy allows nothing by default — no network, no inline script or style; only the nonce'd script and stylesheet
 * from the extension's own files.
 */
export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, language: string): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard', 'dashboard.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${escape(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${style.toString()}">
<title>${escape(title)}</title>
</head>
<body>
<div id="app" data-loading="true"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
