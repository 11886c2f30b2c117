import * as vscode from 'vscode';
import { withProjectMemo, withTagMemo } from '../../core';
import type { AnnotationService } from '../annotations/annotationService';
import type { CodebookService } from './codebookService';

import { MEMO_SCHEME } from './memoScheme';

/** A memo opens as a Markdown editor of this scheme, and saving it (Ctrl+S) stores it. */
export { MEMO_SCHEME };

/** What a memo document is the memo of. */
export type MemoTarget =
  | { readonly kind: 'project' }
  | { readonly kind: 'tag'; readonly label: string; readonly color?: string }
  | { readonly kind: 'article'; readonly article: vscode.Uri };

/** The memo document of a target: its title names what it is the memo of; the query says where it is stored. */
export function memoUri(target: MemoTarget, title: string): vscode.Uri {
  // The title becomes the editor tab's name; '/' would make it a folder.
  const name = `/${title.replace(/[/\\]/g, '-')}.md`;
  const query = target.kind === 'project' ? 'project'
    : target.kind === 'tag' ? `tag=${encodeURIComponent(target.label)}${target.color ? `&color=${encodeURIComponent(target.color)}` : ''}`
    : `article=${encodeURIComponent(target.article.toString())}`;
  return vscode.Uri.from({ scheme: MEMO_SCHEME, path: name, query });
}

/** The target of a memo document, or undefined for a URI that is not one. */
export function memoTarget(uri: vscode.Uri): MemoTarget | undefined {
  // Only the memo itself: the sidecar (`….md.tension.json`) the annotation layer looks for beside any Markdown
  // document must not be found here.
  if (uri.scheme !== MEMO_SCHEME || !uri.path.endsWith('.md')) return undefined;
  if (uri.query === 'project') return { kind: 'project' };
  const params = new Map(uri.query.split('&').map((p) => {
    const eq = p.indexOf('=');
    return [p.slice(0, eq), decodeURIComponent(p.slice(eq + 1))] as const;
  }));
  const label = params.get('tag');
  if (label !== undefined) {
    const color = params.get('color');
    return { kind: 'tag', label, ...(color && { color }) };
  }
  const article = params.get('article');
  return article ? { kind: 'article', article: vscode.Uri.parse(article) } : undefined;
}

/**
 * Memo documents: reading one gives the memo as it is stored now (the codebook's tag or project memo, the article's
 * sidecar memo), saving it stores the text there — atomically, through the codebook service or the annotation layer,
 * so an article memo is one more step of *Undo Last Annotation Change*. The editor gives multi-line editing and undo.
 */
export class MemoDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  readonly #emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.#emitter.event;
  readonly #annotations: AnnotationService;
  readonly #codebook: CodebookService;
  readonly #mtimes = new Map<string, number>();

  constructor(annotations: AnnotationService, codebook: CodebookService) {
    this.#annotations = annotations;
    this.#codebook = codebook;
  }

  async #text(uri: vscode.Uri): Promise<string> {
    const target = memoTarget(uri);
    if (!target) throw vscode.FileSystemError.FileNotFound(uri);
    if (target.kind === 'article') {
      const document = await vscode.workspace.openTextDocument(target.article);
      return (await this.#annotations.load(document)).set?.memo ?? '';
    }
    await this.#codebook.ready;
    if (this.#codebook.problem) throw vscode.FileSystemError.Unavailable(this.#codebook.problem.message);
    if (target.kind === 'project') return this.#codebook.codebook?.memo ?? '';
    return this.#codebook.tag(target.label)?.description ?? '';
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const text = await this.#text(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: this.#mtimes.get(uri.toString()) ?? 0, size: new TextEncoder().encode(text).length };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.#text(uri));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const target = memoTarget(uri);
    if (!target) throw vscode.FileSystemError.FileNotFound(uri);
    // Trailing blank lines are the editor's, not the memo's.
    const memo = new TextDecoder().decode(content).replace(/\s+$/, '');
    try {
      if (target.kind === 'article') {
        const document = await vscode.workspace.openTextDocument(target.article);
        await this.#annotations.load(document);
        await this.#annotations.change(document, (set) => set.setMemo(memo));
      } else if (target.kind === 'project') {
        await this.#codebook.update((book) => withProjectMemo(book, memo));
      } else {
        await this.#codebook.update((book) => withTagMemo(book, target.label, memo, target.color));
      }
    } catch (e) {
      // Shown by VS Code as the reason the save failed; the editor keeps the text, so nothing is lost.
      throw vscode.FileSystemError.NoPermissions(e instanceof Error ? e.message : String(e));
    }
    this.#mtimes.set(uri.toString(), Date.now());
    this.#emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  dispose(): void {
    this.#emitter.dispose();
  }
}
