import * as vscode from 'vscode';

/** A fresh nonce per page load: the only key that lets a script or style element run under the CSP. */
export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** What a page built from one of our webview bundles loads: `dist/webview/<script>` and `media/<style>`. */
export interface BundledPage {
  readonly script: string;
  /** Path segments of the stylesheet under media/. */
  readonly style: readonly string[];
  readonly title: string;
  readonly language: string;
  /** Whether the page shows images (data: URLs and the extension's own files). */
  readonly images?: boolean;
  /** Attributes of the `#app` element the script fills. */
  readonly appAttributes?: string;
}

/**
 * An empty shell that a bundled script fills from what the extension posts. The Content-Security-Policy allows
 * nothing by default — no network, no inline script or style; only the nonce'd script and stylesheet from the
 * extension's own files.
 */
export function bundledPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: BundledPage): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...page.style));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    ...(page.images ? [`img-src ${webview.cspSource} data:`] : []),
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${escape(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${style.toString()}">
<title>${escape(page.title)}</title>
</head>
<body>
<div id="app"${page.appAttributes ? ` ${page.appAttributes}` : ''}></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
