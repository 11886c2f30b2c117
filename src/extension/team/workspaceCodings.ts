import * as vscode from 'vscode';
import { type Coding, SIDECAR_SUFFIX, codingOf, formatJsonProblem, parseSidecar } from '../../core';
import { decodeArticle } from '../../core/dashboard';
import { articleOfSidecar, readText } from '../annotations/sidecarFiles';

/** An article with coders' sidecars, each parsed and re-anchored against the article's current text. */
export interface CodedArticle {
  readonly uri: vscode.Uri;
  /** Workspace-relative path, as shown. */
  readonly path: string;
  readonly text: string;
  /** Coder (file-safe name) → their coding. */
  readonly codings: ReadonlyMap<string, Coding>;
}

/** Coder sidecars that could not be used, with the reason (file, line/column). */
export interface CodingsFound {
  readonly articles: readonly CodedArticle[];
  readonly coders: readonly string[];
  readonly problems: readonly string[];
}

const CODER_SIDECAR = /\.tension\.([^./]+)\.json$/u;

/** The article a coder's sidecar belongs to (beside it or mirrored under `.tension/`), and the coder. */
export function articleOfCoderSidecar(sidecar: vscode.Uri): { article: vscode.Uri; coder: string } | undefined {
  const match = CODER_SIDECAR.exec(sidecar.path);
  if (!match?.[1]) return undefined;
  const single = sidecar.with({ path: `${sidecar.path.slice(0, match.index)}${SIDECAR_SUFFIX}` });
  const article = articleOfSidecar(single);
  return article ? { article, coder: match[1] } : undefined;
}

async function articleText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** Every coder sidecar in the workspace, grouped by article, read and re-anchored; malformed ones are listed, never touched. */
export async function findCodings(token?: vscode.CancellationToken): Promise<CodingsFound> {
  const files = await vscode.workspace.findFiles('**/*.tension.*.json', '**/node_modules/**', undefined, token);
  const byArticle = new Map<string, { uri: vscode.Uri; sidecars: Map<string, vscode.Uri> }>();
  for (const file of files) {
    const owner = articleOfCoderSidecar(file);
    if (!owner) continue;
    const key = owner.article.toString();
    const group = byArticle.get(key) ?? { uri: owner.article, sidecars: new Map<string, vscode.Uri>() };
    group.sidecars.set(owner.coder, file);
    byArticle.set(key, group);
  }
  const articles: CodedArticle[] = [];
  const problems: string[] = [];
  const coders = new Set<string>();
  for (const { uri, sidecars } of [...byArticle.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path))) {
    if (token?.isCancellationRequested) break;
    const text = await articleText(uri);
    if (text === undefined) {
      problems.push(vscode.l10n.t('{0}: the article cannot be read', vscode.workspace.asRelativePath(uri)));
      continue;
    }
    const codings = new Map<string, Coding>();
    for (const [coder, sidecar] of sidecars) {
      const raw = await readText(sidecar).catch(() => undefined);
      if (raw === undefined) continue;
      const parsed = parseSidecar(raw, vscode.workspace.asRelativePath(sidecar));
      if ('problems' in parsed) {
        const [first] = parsed.problems;
        problems.push(first ? formatJsonProblem(first) : vscode.workspace.asRelativePath(sidecar));
        continue;
      }
      codings.set(coder, codingOf(coder, parsed.sidecar, text));
      coders.add(coder);
    }
    articles.push({ uri, path: vscode.workspace.asRelativePath(uri), text, codings });
  }
  return { articles, coders: [...coders].sort(), problems };
}
