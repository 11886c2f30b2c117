import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_MARKER_PROBE, isTensionLensExport } from '../core/export';

/** Extensions scanned when a directory is given. */
const ARTICLE = /\.(?:md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.tension']);

/** A file the CLI could not read, with the one-line reason shown to the user. */
export class FileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

/**
 * True when the file starts like an export of Tension Lens (see `isTensionLensExport`): a Markdown report saved
 * beside the articles is not an article. Reads only the start of the file; an unreadable one is left to `readArticle`.
 */
function isExportFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    // A UTF-16 unit is at most 3 UTF-8 bytes: this many bytes hold the probed characters.
    const bytes = Buffer.alloc(EXPORT_MARKER_PROBE * 3);
    const read = fs.readSync(fd, bytes, 0, bytes.length, 0);
    return isTensionLensExport(new TextDecoder().decode(bytes.subarray(0, read)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Expands the command line's paths: files as given, directories recursively (.md/.markdown/.txt, exports of Tension
 * Lens left out), `-` as stdin.
 */
export function collectPaths(args: readonly string[]): { paths: string[]; errors: FileError[] } {
  const paths: string[] = [];
  const errors: FileError[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(full);
      else if (entry.isFile() && ARTICLE.test(entry.name) && !isExportFile(full)) paths.push(full);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      paths.push(arg);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      errors.push(new FileError(arg, 'no such file or directory'));
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(arg);
      } catch (e) {
        errors.push(new FileError(arg, `cannot read directory (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
      }
    } else paths.push(arg);
  }
  return { paths, errors };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an article as text the way VS Code would hold it: UTF-8, BOM dropped. Throws a `FileError` for a
 * missing, unreadable, binary (NUL bytes) or non-UTF-8 file.
 */
export function readArticle(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`);
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError(file, 'binary file (contains NUL bytes), skipped');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new FileError(file, 'not valid UTF-8; convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8) and try again');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
