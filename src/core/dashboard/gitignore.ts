/**
 * Turns a root `.gitignore` into glob patterns for `vscode.workspace.findFiles`' exclude, relative to the folder.
 * Deliberately simple — the common shapes (`name`, `dir/`, `/anchored`, `a/b`, `*.log`, `**`) — because the
 * dashboard only needs to keep build output and vendored files out of the overview. Negations (`!keep.md`) cannot
 * be expressed as an exclude and are dropped, so a re-included file stays excluded; nested `.gitignore` files are
 * not read. Returns an empty array for an empty file.
 */
export function gitignoreGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    line = line.replace(/^\\([#!])/, '$1');
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    // A slash at the start or in the middle anchors the pattern to the folder; otherwise it matches at any depth.
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    if (line === '' || line === '**') continue;
    // Braces and commas mean something to VS Code's glob but nothing to git: escape them out of the way.
    line = line.replace(/[{},]/g, (c) => `[${c}]`);
    const base = anchored || line.startsWith('**/') ? line : `**/${line}`;
    if (!dirOnly) globs.push(base);
    globs.push(`${base}/**`);
  }
  return [...new Set(globs)];
}
