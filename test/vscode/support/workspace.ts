// Helpers for extension-host suites: open fixture files from the workspace the runner opened, wait for a condition.
// (A subfolder, so esbuild.config.mjs does not bundle it as a suite of its own; each suite bundles what it uses.)
import * as vscode from 'vscode';

/** The fixture workspace folder the runner opened (a temp copy of test/fixtures/workspace). */
export function fixtureFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: run the suites through scripts/vscode/runVSCodeTests.mjs');
  return folder;
}

/** Opens `relativePath` from the fixture workspace in an editor and returns the editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(fixtureFolder().uri, ...relativePath.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Polls `condition` every 50 ms; rejects naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
