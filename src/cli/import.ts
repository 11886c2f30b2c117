import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleFileName, importFailureMessage, isImportFailure } from '../core/import';
import { FileError, readBytes } from './files';

/** What dist/import.js exports (src/import/index.ts). */
interface Importer {
  importArticle(bytes: Uint8Array, fileName: string): Promise<string>;
}

export const IMPORT_USAGE = 'tension-lens import [--out DIR] [--force] FILE...';

/**
 * The importers: dist/import.js beside the bundled CLI (Readability, mammoth and pdf.js are several times the CLI's
 * size, so they are loaded only here); the sources when run from src/ (tests, tsx).
 */
async function loadImporter(): Promise<Importer> {
  const bundled = path.join(__dirname, 'import.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- our own separately built bundle, by path
  if (path.basename(__filename) === 'cli.js' && fs.existsSync(bundled)) return require(bundled) as Importer;
  const sources = ['..', 'import', 'index'].join('/'); // computed, so that esbuild does not bundle it into cli.js
  return (await import(sources)) as Importer;
}

/**
 * Writes `text` to `target` all at once: a temporary file beside it, then a hard link (which fails when `target`
 * exists, so nothing is overwritten between our check and the write) or, with `force`, a rename over it.
 */
export function writeNewFile(target: string, text: string, force: boolean): 'written' | 'exists' {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  fs.writeFileSync(temp, text, { flag: 'wx' });
  try {
    if (force) {
      fs.renameSync(temp, target);
      return 'written';
    }
    try {
      fs.linkSync(temp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      // A file system without hard links (FAT, some network shares): check, then rename.
      if (fs.existsSync(target)) return 'exists';
      fs.renameSync(temp, target);
    }
    return 'written';
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

interface ImportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `tension-lens import`: each FILE → a Markdown article beside it or in --out. Exit 0, 1 (some file failed), 2 (usage). */
export async function runImportCommand(argv: readonly string[], io: ImportIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  } catch (e) {
    io.err(`tension-lens: ${(e as Error).message}\nUsage: ${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (files.length === 0) {
    io.err(`tension-lens: import needs at least one FILE (.html, .htm, .docx or .pdf)\nUsage: ${IMPORT_USAGE}`);
    return 2;
  }
  if (values.out !== undefined) {
    try {
      fs.mkdirSync(values.out, { recursive: true });
    } catch (e) {
      io.err(`tension-lens: cannot create --out ${values.out}: ${(e as Error).message}`);
      return 2;
    }
  }
  const importer = await loadImporter();
  let failed = 0;
  for (const file of files) {
    const name = path.basename(file);
    const target = path.join(values.out ?? path.dirname(file), articleFileName(name));
    try {
      if (!values.force && fs.existsSync(target)) {
        io.err(`${file}: not imported: ${target} exists (--force overwrites it)`);
        failed++;
        continue;
      }
      if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        io.err(`${file}: is a folder; import takes files (.html, .htm, .docx, .pdf)`);
        failed++;
        continue;
      }
      const text = await importer.importArticle(new Uint8Array(readBytes(file)), name);
      if (writeNewFile(target, text, values.force) === 'exists') {
        io.err(`${file}: not imported: ${target} exists (--force overwrites it)`);
        failed++;
        continue;
      }
      io.out(`${file} → ${target}`);
    } catch (e) {
      failed++;
      if (isImportFailure(e)) io.err(importFailureMessage(file, e.kind));
      else if (e instanceof FileError) io.err(e.message);
      else if ((e as NodeJS.ErrnoException).code) io.err(`${file}: ${(e as Error).message}`);
      else throw e;
    }
  }
  return failed > 0 ? 1 : 0;
}
