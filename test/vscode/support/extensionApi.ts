// The extension under test, as the web suites reach it.
import * as vscode from 'vscode';
import packageJson from '../../package.json';
import type { TensionLensApi } from '../../src/extension/extension';
import { ok } from './assert';

/** `publisher.name` from package.json. */
export const extensionId = `${packageJson.publisher}.${packageJson.name}`;

/** Activates Tension Lens and returns its API. */
export async function api(): Promise<TensionLensApi> {
  const extension = vscode.extensions.getExtension<TensionLensApi>(extensionId);
  ok(extension, `${extensionId} is not installed`);
  return extension.activate();
}

/** The markdown of every hover, joined. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
