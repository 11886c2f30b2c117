import * as vscode from 'vscode';
import type { BundleLoadError } from './onDemand';

/** The message of a BundleLoadError (onDemand.ts) in the user's language, for a command that could not run. */
export function bundleLoadMessage(e: BundleLoadError): string {
  return vscode.l10n.t('Tension Lens could not load {0} ({1}). Reinstall the extension to restore it.', e.file, e.reason);
}
