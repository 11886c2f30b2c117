import { articleMarkdown, ImportFailure, importFormatOf } from '../core/import';
import { convertDocx } from './docx';
import { convertHtml, type ConvertedArticle } from './html';

export interface ConvertOptions {
  /** The time written as `imported` (default: now). */
  readonly now?: Date;
  /** Where pdf.js finds the character maps of CJK fonts a PDF does not embed (a folder of `*.bcmap`). */
  readonly cMapUrl?: string;
}

/** Fewer letters than this is not an article (a short Chinese news brief still has well over a hundred). */
const MIN_ARTICLE_LETTERS = 20;

/** Converts a file's bytes by its extension; an ImportFailure when the format is not one we read or no text came out. */
export async function convertFile(bytes: Uint8Array, fileName: string, options: ConvertOptions = {}): Promise<ConvertedArticle> {
  const format = importFormatOf(fileName);
  let article: ConvertedArticle;
  if (format === 'html') article = convertHtml(bytes);
  else if (format === 'docx') {
    try {
      article = await convertDocx(bytes);
    } catch (e) {
      // mammoth's words for a file that is no zip or no Word document: "Can't find end of central directory", …
      throw new ImportFailure(fileName, isEncryptedOffice(bytes) ? 'password' : 'corrupt', e instanceof Error ? e.message : String(e));
    }
  } else if (format === 'pdf') article = await (await loadPdf()).convertPdf(bytes, fileName, options.cMapUrl);
  else throw new ImportFailure(fileName, 'unsupported');
  // A few stray words (a menu's 首页 that Readability fell back to) are no article either.
  if ((article.markdown.match(/\p{L}/gu)?.length ?? 0) < MIN_ARTICLE_LETTERS) throw new ImportFailure(fileName, 'empty');
  return article;
}

let pdfModule: Promise<typeof import('./pdf')> | undefined;

/**
 * pdf.js, evaluated on the first PDF. While it loads it prints "Warning: Cannot polyfill `DOMMatrix`…" with
 * console.warn (canvas features a text import never uses), which would land in the CLI's output and the extension
 * host's log: console.warn is quiet for that moment only.
 */
function loadPdf(): Promise<typeof import('./pdf')> {
  pdfModule ??= (async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      return await import('./pdf');
    } finally {
      console.warn = warn;
    }
  })();
  return pdfModule;
}

/** A password-protected Word file is no zip but an OLE compound file (D0 CF 11 E0) holding the encrypted package. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * A file as an imported Markdown article: front matter (title, source, url, author, date, imported, original) and
 * the article's text. `fileName` is the file's own name, without folders.
 */
export async function importArticle(bytes: Uint8Array, fileName: string, options: ConvertOptions = {}): Promise<string> {
  const article = await convertFile(bytes, fileName, options);
  return articleMarkdown(article.metadata, article.markdown, options.now ?? new Date(), fileName);
}
