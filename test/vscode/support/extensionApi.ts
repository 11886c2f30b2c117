// The extension under test, as every suite reaches it — the Node extension-host suites (test/vscode/) and the web
// worker ones (test/web/) alike, so no node:assert here.
import * as vscode from 'vscode';
import packageJson from '../../../package.json';
import type { TensionLensApi } from '../../../src/extension/extension';

/** `publisher.name` from package.json. */
export const extensionId = `${packageJson.publisher}.${packageJson.name}`;

/** Activates Tension Lens and returns its API; throws when the extension is not installed in this host. */
export async function api(): Promise<TensionLensApi> {
  const extension = vscode.extensions.getExtension<TensionLensApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this extension host`);
  return extension.activate();
}

/** The markdown of every hover, joined. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** True when a live annotation decoration type was told to draw exactly `[start, end)` in the document. */
export function annotationDrawn(tl: TensionLensApi, uri: vscode.Uri, start: number, end: number): boolean {
  return Object.entries(tl.getDecorations(uri)).some(([type, ranges]) => type.startsWith('annotation:') && ranges.some((r) => r.start === start && r.end === end));
}
