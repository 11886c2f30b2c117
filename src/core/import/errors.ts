/**
 * Why a file could not be imported. Each kind has one English line (CLI) and the same line localised in the
 * extension; both name the file and say what to do.
 */
export type ImportFailureKind = 'unsupported' | 'corrupt' | 'password' | 'needs-ocr' | 'empty';

export class ImportFailure extends Error {
  constructor(readonly file: string, readonly kind: ImportFailureKind, readonly detail?: string) {
    super(importFailureMessage(file, kind));
    this.name = 'ImportFailure';
  }
}

/** The one line that says what went wrong with `file` and what to do about it. */
export function importFailureMessage(file: string, kind: ImportFailureKind): string {
  switch (kind) {
    case 'unsupported': return `${file}: not a format Tension Lens imports (.html, .htm, .docx, .pdf).`;
    case 'corrupt': return `${file}: the file is damaged or not what its extension says; open it in its own application and save it again.`;
    case 'password': return `${file}: the file is password-protected; save a copy without the password and import that.`;
    case 'needs-ocr': return `${file}: the PDF has no text layer (a scan); run OCR on it first, then import the result.`;
    case 'empty': return `${file}: no article text was found in the file.`;
  }
}

/** The formats an import reads, by lower-case extension. */
export const IMPORT_EXTENSIONS = ['.html', '.htm', '.docx', '.pdf'] as const;
export type ImportFormat = 'html' | 'docx' | 'pdf';

export function importFormatOf(fileName: string): ImportFormat | undefined {
  const ext = /\.[^./\\]+$/u.exec(fileName.toLowerCase())?.[0];
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.docx') return 'docx';
  if (ext === '.pdf') return 'pdf';
  return undefined;
}

/**
 * Whether `e` is an ImportFailure, also one thrown by another bundle's copy of the class (dist/import.js is built
 * apart from the extension and the CLI, so `instanceof` cannot tell).
 */
export function isImportFailure(e: unknown): e is ImportFailure {
  return e instanceof Error && e.name === 'ImportFailure' && typeof (e as { kind?: unknown }).kind === 'string' && typeof (e as { file?: unknown }).file === 'string';
}
