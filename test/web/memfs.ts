// An in-memory file system provider: a virtual workspace like the ones VS Code for the Web opens (GitHub
// repositories, vscode-test-web's mount), where only `vscode.workspace.fs` can read or write.
import * as vscode from 'vscode';

type Entry = { readonly type: vscode.FileType.File; data: Uint8Array; mtime: number } | { readonly type: vscode.FileType.Directory; mtime: number };

/** Files and folders by path, nothing else; enough for the extension's reads, atomic writes (temp + rename) and stats. */
export class MemFs implements vscode.FileSystemProvider {
  readonly #entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  readonly #changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.#changes.event;

  /** The paths of every file, sorted (what a test asserts on). */
  files(): string[] {
    return [...this.#entries].filter(([, e]) => e.type === vscode.FileType.File).map(([p]) => p).sort();
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.#get(uri);
    return { type: entry.type, ctime: entry.mtime, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.#entries]
      .filter(([p]) => p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/'))
      .map(([p, e]) => [p.slice(prefix.length), e.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.#entries.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.#get(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existed = this.#entries.has(uri.path);
    this.#entries.set(uri.path, { type: vscode.FileType.File, data: content, mtime: Date.now() });
    this.#changes.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.#get(uri);
    for (const p of [...this.#entries.keys()]) if (p === uri.path || p.startsWith(`${uri.path}/`)) this.#entries.delete(p);
    this.#changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): void {
    const entry = this.#get(oldUri);
    if (!options.overwrite && this.#entries.has(newUri.path)) throw vscode.FileSystemError.FileExists(newUri);
    this.#entries.delete(oldUri.path);
    this.#entries.set(newUri.path, entry);
    this.#changes.fire([{ type: vscode.FileChangeType.Deleted, uri: oldUri }, { type: vscode.FileChangeType.Created, uri: newUri }]);
  }

  #get(uri: vscode.Uri): Entry {
    const entry = this.#entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }
}
