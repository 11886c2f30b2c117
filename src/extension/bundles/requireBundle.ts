import * as vscode from 'vscode';
import { BundleLoadError, requireBundleFile } from './onDemand';

export { BundleLoadError, exportsFunctions } from './onDemand';

/**
 * `dist/<name>.js` of the extension, required once and checked by `isBundle` (onDemand.ts): a bundle the desktop
 * build loads on first use instead of carrying it in dist/extension.js, which every session parses at activation.
 */
export function requireBundle<T>(extensionUri: vscode.Uri, name: string, isBundle: (exports: unknown) => exports is T): T {
  return requireBundleFile(vscode.Uri.joinPath(extensionUri, 'dist', `${name}.js`).fsPath, isBundle);
}

/** The message of a BundleLoadError in the user's language. */
export function bundleLoadMessage(e: BundleLoadError): string {
  return vscode.l10n.t('Tension Lens could not load {0} ({1}). Reinstall the extension to restore it.', e.file, e.reason);
}
