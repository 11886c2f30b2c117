import * as vscode from 'vscode';
import { type ReferenceList, parseReferenceList } from '../../core';

let loaded: Promise<ReferenceList> | undefined;

/**
 * The reference word list (dist/zh-reference.txt), read through vscode.workspace.fs on first use so it works in the
 * desktop and the web host alike and never weighs on dist/extension.js.
 */
export function loadReference(extensionUri: vscode.Uri): Promise<ReferenceList> {
  loaded ??= (async () => {
    const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'zh-reference.txt');
    return parseReferenceList(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.toString());
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
