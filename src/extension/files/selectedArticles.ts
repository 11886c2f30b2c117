import * as vscode from 'vscode';
import { findArticles } from '../dashboard/articleFiles';
import { WorkspaceArticles } from '../dashboard/workspaceArticles';

/** What the palette's pick says: the command's title, and what to check the articles for. */
export interface SelectionPrompt {
  readonly title: string;
  readonly placeHolder: string;
}

function urisOfArguments(clicked: unknown, selected: unknown): vscode.Uri[] {
  // The Explorer passes the clicked resource and, with several selected, all of them (the clicked one among them).
  if (Array.isArray(selected) && selected.length > 0 && selected.every((u) => u instanceof vscode.Uri)) return selected;
  return clicked instanceof vscode.Uri ? [clicked] : [];
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * The articles of an Explorer selection: a selected file as it is (the user chose it, as `cooccur FILE…` counts
 * it), a selected folder as the workspace's articles under it (`tensionLens.include`). Sorted, without duplicates.
 */
export async function articlesOfSelection(resources: readonly vscode.Uri[], include: readonly string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  let articles: vscode.Uri[] | undefined;
  for (const resource of resources) {
    if (!(await isFolder(resource))) {
      found.set(resource.toString(), resource);
      continue;
    }
    articles ??= await findArticles(include);
    const prefix = `${resource.toString().replace(/\/$/, '')}/`;
    for (const article of articles) if (article.toString().startsWith(prefix)) found.set(article.toString(), article);
  }
  return [...found.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** The palette's way: a multi-select pick of the workspace's articles; undefined when the user cancels. */
async function pickArticles(include: readonly string[], prompt: SelectionPrompt): Promise<vscode.Uri[] | undefined> {
  const articles = await findArticles(include);
  if (articles.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No articles in this workspace: the files searched are those of the tensionLens.include setting.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(articles.map((uri) => ({ label: WorkspaceArticles.pathOf(uri), uri })), {
    title: prompt.title, placeHolder: prompt.placeHolder, canPickMany: true,
  });
  return picked?.map((p) => p.uri);
}

/**
 * The articles a command over "selected articles" reads: the Explorer's selection when it was run from there, else
 * the ones the user picks. Undefined when there is nothing to read (cancelled, or a folder without articles: said so).
 */
export async function selectedArticles(clicked: unknown, selected: unknown, include: readonly string[], prompt: SelectionPrompt): Promise<vscode.Uri[] | undefined> {
  const resources = urisOfArguments(clicked, selected);
  if (resources.length === 0) {
    const picked = await pickArticles(include, prompt);
    return picked && picked.length > 0 ? picked : undefined;
  }
  const articles = await articlesOfSelection(resources, include);
  if (articles.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No articles in the selection: the files counted in a folder are those of the tensionLens.include setting.'));
    return undefined;
  }
  return articles;
}
