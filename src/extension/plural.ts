import * as vscode from 'vscode';
import { pluralForm } from '../core/text/plural';

/**
 * A message with a count, in the plural form the display language needs: both forms go through `vscode.l10n.t`
 * at the call site (`plural(n, <the one form>, <the other form>)`), so each is translated; Chinese gives both alike.
 */
export function plural(count: number, one: string, other: string): string {
  return pluralForm({ one, other }, count, vscode.env.language);
}
