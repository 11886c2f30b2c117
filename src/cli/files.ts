import { isAscii, isUtf8, transcode } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_MARKER_PROBE, isTensionLensExport } from '../core/export';
import { type DecodedText, ENCODING_LABEL, type EncodingChoice, decodeText } from '../core';

/** Extensions scanned when a directory is given. */
const ARTICLE = /\.(?:md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.tension']);

/** A file the CLI could not read, with the one-line reason shown to the user. */
export class FileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** The first bytes of a file: enough to tell an export of Tension Lens (see `isTensionLensExport`) from an article. */
export const EXPORT_PROBE_BYTES = EXPORT_MARKER_PROBE * 3; // a UTF-16 unit is at most 3 UTF-8 bytes

/** True when these first bytes of a file (or more) start like an export of Tension Lens: a report is not an article. */
export function startsLikeExport(bytes: Uint8Array): boolean {
  return isTensionLensExport(new TextDecoder().decode(bytes.subarray(0, EXPORT_PROBE_BYTES)));
}

/**
 * True when the file starts like an export of Tension Lens: a Markdown report saved beside the articles is not an
 * article. Reads only the start of the file; an unreadable one is left to `readArticle`.
 */
function isExportFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const bytes = Buffer.alloc(EXPORT_PROBE_BYTES);
    const read = fs.readSync(fd, bytes, 0, bytes.length, 0);
    return startsLikeExport(bytes.subarray(0, read));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A folder's entries (links not followed), or the error naming it when it cannot be read: whoever walks a tree reports
 * it and goes on with the other folders.
 */
export function folderEntries(dir: string): fs.Dirent[] | FileError {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    return new FileError(dir, `cannot read directory (${(e as NodeJS.ErrnoException).code ?? String(e)}), skipped`);
  }
}

/** A file to read: `found` when it was found in a directory, where an export of Tension Lens is left out. */
export interface ListedFile {
  readonly path: string;
  readonly found: boolean;
}

/**
 * Expands the command line's paths: files as given, directories recursively (.md/.markdown/.txt), `-` as stdin.
 * Opens no file: whoever reads a `found` file leaves it out when it is an export (`startsLikeExport`), so the
 * listing of a large corpus costs one directory read per folder, in whatever thread it runs.
 */
export function listFiles(args: readonly string[]): { files: ListedFile[]; errors: FileError[] } {
  const files: ListedFile[] = [];
  const errors: FileError[] = [];
  // `top` is the directory as given; below it every `dir` is a path.join result (normalised, no trailing separator)
  // and an entry's name holds no separator, so joining by hand gives path.join's string without normalising it
  // again for every file of a large corpus.
  // A folder that cannot be read is one error of its own: the folders after it are still listed (an archive with one
  // locked folder is still counted, and the user is told which folder was left out).
  const walk = (dir: string, top: boolean): void => {
    const entries = folderEntries(dir);
    if (entries instanceof FileError) {
      errors.push(entries);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = top ? path.join(dir, entry.name) : `${dir}${path.sep}${entry.name}`;
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(full, false);
      else if (entry.isFile() && ARTICLE.test(entry.name)) files.push({ path: full, found: true });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      files.push({ path: arg, found: false });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      errors.push(new FileError(arg, 'no such file or directory'));
      continue;
    }
    if (stat.isDirectory()) walk(arg, true);
    else files.push({ path: arg, found: false });
  }
  return { files, errors };
}

/** Whether any of the command line's paths is a directory: a corpus, where starting the workers early pays. */
export function namesDirectory(args: readonly string[]): boolean {
  return args.some((arg) => {
    try {
      return arg !== '-' && fs.statSync(arg).isDirectory();
    } catch {
      return false;
    }
  });
}

/**
 * `listFiles` with the exports of Tension Lens found in directories left out: for commands that read files one by
 * one in this thread.
 */
export function collectPaths(args: readonly string[]): { paths: string[]; errors: FileError[] } {
  const { files, errors } = listFiles(args);
  return { paths: files.filter((f) => !f.found || !isExportFile(f.path)).map((f) => f.path), errors };
}

/** What the CLI says after "not valid UTF-8" when no encoding fits. */
const CONVERT = 'convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8) or name its encoding with --encoding';

/** The bytes of a file (or of stdin for `-`); a `FileError` for a missing or unreadable one. */
export function readBytes(file: string): Uint8Array {
  try {
    return file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (e) {
    throw readError(file, e);
  }
}

function readError(file: string, e: unknown): FileError {
  const code = (e as NodeJS.ErrnoException).code;
  return new FileError(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`);
}

/** What a `ReusedReader`'s buffer starts at, and the most it keeps after a larger file. */
const REUSED_BYTES = 256 * 1024;

/**
 * `readBytes` for a thread that reads file after file: into one buffer, reused, instead of a new one per file (and
 * the fstat readFileSync makes to size it). The bytes returned are valid until the next `read`: decoding copies
 * them into a string. A file larger than the buffer gets a larger one, kept only up to `REUSED_BYTES`.
 */
export class ReusedReader {
  private buffer = Buffer.allocUnsafe(REUSED_BYTES);

  read(file: string): Uint8Array {
    if (file === '-') return readBytes(file);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      throw readError(file, e);
    }
    let buffer = this.buffer;
    let length = 0;
    try {
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
      }
    } catch (e) {
      throw readError(file, e);
    } finally {
      fs.closeSync(fd);
    }
    if (buffer.length <= REUSED_BYTES) this.buffer = buffer;
    return buffer.subarray(0, length);
  }
}

/**
 * Valid UTF-8 as a string. Chinese text is mostly three-byte sequences, which `toString('utf8')` decodes a character
 * at a time; `transcode` converts to UTF-16 in bulk (SIMD where Node has it) and the string is then a copy, several
 * times faster and the same characters. ASCII needs neither. Where Node is built without ICU, `transcode` throws.
 */
function utf8Text(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return bytes.toString('utf8');
  }
}

/**
 * Decodes an article's bytes, BOM dropped: `auto` (the default) is UTF-8, else GB18030 or Big5 when the bytes read
 * as Chinese in one of them (src/core/text/encoding.ts). Throws a `FileError` for a binary file (NUL bytes) or bytes
 * that fit no encoding tried, naming the one that would fit when the user asked for another.
 */
export function decodeArticleBytes(file: string, bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError(file, 'binary file (contains NUL bytes), skipped');
  // Most files are UTF-8: Node checks and decodes those natively, several times faster than a fatal TextDecoder.
  if ((choice === 'auto' || choice === 'utf-8') && isUtf8(bytes)) {
    const text = utf8Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  }
  const decoded = decodeText(bytes, choice);
  if (decoded) return decoded;
  if (choice === 'auto') throw new FileError(file, `not valid UTF-8, and it does not read as GB18030 or Big5 Chinese; ${CONVERT}`);
  const fits = decodeText(bytes, 'auto');
  const hint = fits ? `it reads as ${ENCODING_LABEL[fits.encoding]}: use --encoding ${fits.encoding} or auto` : CONVERT;
  throw new FileError(file, `not valid ${ENCODING_LABEL[choice]}; ${hint}`);
}

/** Reads and decodes an article (see `decodeArticleBytes`): its text as VS Code would hold it, and the encoding used. */
export function readDecoded(file: string, choice: EncodingChoice = 'auto'): DecodedText {
  return decodeArticleBytes(file, readBytes(file), choice);
}

/**
 * Reads an article as text the way VS Code would hold it, BOM dropped. Throws a `FileError` for a missing,
 * unreadable, binary (NUL bytes) file, or one in no encoding tried (`readDecoded`).
 */
export function readArticle(file: string, choice: EncodingChoice = 'auto'): string {
  return readDecoded(file, choice).text;
}
