import * as vscode from 'vscode';

/** The API `activate` returns, so tests and other extensions can read what the extension sees. */
export interface TensionLensApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): TensionLensApi {
  return Object.freeze({ version: String((context.extension.packageJSON as { version?: unknown }).version ?? '') });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
