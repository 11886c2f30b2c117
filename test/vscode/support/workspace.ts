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

/** Whether `uri` exists (file or folder). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * A folder of the suite's own below the fixture workspace (`name`), for the copies its tests write: after the suite,
 * every editor is closed and the folder deleted, so the next suites find the workspace as the runner made it.
 * Call inside `describe`; returns the folder.
 */
export function scratchFolder(name: string): vscode.Uri {
  const uri = vscode.Uri.joinPath(fixtureFolder().uri, name);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });
  return uri;
}
