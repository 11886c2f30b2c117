import * as vscode from 'vscode';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The concordance page: a shell the bundled script fills; the CSP allows only its own nonce'd script and style. */
export function concordanceHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, language: string): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'concordance.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'concordance', 'concordance.css'));
  const csp = ["default-src 'none'", `style-src ${webview.cspSource} 'nonce-${n}'`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join('; ');
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
<div id="app"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
