import * as vscode from 'vscode';
import { type ArticleInput, type SidecarSummary, decodeArticle, gitignoreGlobs, summarizeSidecar, tooLarge } from '../../core/dashboard';

/** Never articles, whatever the include globs say: what the CLI's directory walk skips too. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.tension/**'];

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * The articles of the workspace: every file matching a `tensionLens.include` glob in each workspace folder.
 * `findFiles` with an exclude glob still applies `files.exclude`; the exclude adds the folder's root `.gitignore`
 * (simple patterns, see `gitignoreGlobs`) and node_modules/.git/.tension. Sorted, without duplicates.
 */
export async function findArticles(include: readonly string[], token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const ignored = gitignoreGlobs((await readText(vscode.Uri.joinPath(folder.uri, '.gitignore'))) ?? '');
    const exclude = `{${[...ALWAYS_EXCLUDED, ...ignored].join(',')}}`;
    for (const pattern of include) {
      // One search per glob: VS Code's globs do not nest braces, and the default include is itself a brace list.
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), exclude, undefined, token)) {
        found.set(uri.toString(), uri);
      }
      if (token?.isCancellationRequested) return [];
    }
  }
  return [...found.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** Where an article's sidecar may be: beside it, or mirrored under `<folder>/.tension/` (`tensionLens.sidecar.location`). */
export function sidecarUris(article: vscode.Uri, location: 'beside' | 'folder'): vscode.Uri[] {
  const beside = article.with({ path: `${article.path}.tension.json` });
  const folder = vscode.workspace.getWorkspaceFolder(article);
  if (location !== 'folder' || !folder) return [beside];
  const relative = article.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  return [vscode.Uri.joinPath(folder.uri, '.tension', `${relative}.tension.json`), beside];
}

/** The annotations of an article's sidecar, or undefined when it has none. A broken sidecar counts 0 and never throws. */
export async function readSidecar(article: vscode.Uri, location: 'beside' | 'folder'): Promise<SidecarSummary | undefined> {
  for (const uri of sidecarUris(article, location)) {
    const text = await readText(uri);
    if (text !== undefined) return summarizeSidecar(text);
  }
  return undefined;
}

/**
 * Reads one article as the dashboard's model wants it: the open document's text when it is open (unsaved edits
 * count), else the file's bytes decoded like the CLI does. Over `maxBytes`, binary, not UTF-8 or unreadable gives
 * an input with an error instead; this never throws.
 */
export async function readArticle(uri: vscode.Uri, path: string, maxBytes: number, sidecarLocation: 'beside' | 'folder'): Promise<ArticleInput> {
  const sidecar = await readSidecar(uri, sidecarLocation);
  const withSidecar = sidecar ? { sidecar } : {};
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const text = open.getText();
    // A UTF-16 unit is at most 3 UTF-8 bytes: only a text that could be over the limit is measured exactly.
    if (text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes) return { path, error: tooLarge(maxBytes) };
    return { path, text, ...withSidecar };
  }
  try {
    // Stat first, so a huge file is never read into memory just to be refused.
    if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return { path, error: tooLarge(maxBytes) };
    const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), maxBytes);
    return 'error' in decoded ? { path, error: decoded.error } : { path, text: decoded.text, ...withSidecar };
  } catch (e) {
    return { path, error: { code: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
}
