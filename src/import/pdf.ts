import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { type ArticleMetadata, cleanText, hasNoText, ImportFailure, mergeMetadata, type PdfPageText, type PdfTextRun, pdfMarkdown } from '../core/import';
import type { ConvertedArticle } from './html';

// pdf.js runs its parser in a worker; in Node (and inside one bundle) it runs in-process from this module instead
// of loading pdf.worker.mjs from a path that a bundle does not have.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;

// pdf.js 6 calls Promise.withResolvers (Node 22); the CLI and the tests also run on Node 20.
const promiseCtor = Promise as unknown as { withResolvers?: () => unknown };
promiseCtor.withResolvers ??= <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};

interface TextItemLike { str?: unknown; transform?: unknown; width?: unknown; height?: unknown }

function runOf(item: TextItemLike): PdfTextRun | undefined {
  if (typeof item.str !== 'string' || !Array.isArray(item.transform)) return undefined;
  const [a, b, , , e, f] = item.transform as number[];
  const size = Math.hypot(a ?? 0, b ?? 0) || (typeof item.height === 'number' ? item.height : 0);
  return { str: item.str, x: e ?? 0, y: f ?? 0, width: typeof item.width === 'number' ? item.width : 0, size };
}

/** A PDF date (`D:20240320060000Z`) as ISO 8601, through pdf.js's own reader of that format. */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const d = pdfjs.PDFDateString.toDateObject(value);
  return d ? d.toISOString().replace(/\.\d{3}Z$/u, 'Z') : undefined;
}

/**
 * A PDF → its text layer as Markdown (src/core/import/pdfLayout.ts) and its document information. Throws an
 * ImportFailure for a password, a damaged file, or pages without text (a scan that needs OCR).
 * `file` names the file in those messages; `cMapUrl` is where pdf.js finds the character maps of CJK fonts that
 * are not embedded (the folder holding `*.bcmap`).
 */
export async function convertPdf(bytes: Uint8Array, file: string, cMapUrl?: string): Promise<ConvertedArticle> {
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS, ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    await task.destroy();
    throw new ImportFailure(file, name === 'PasswordException' ? 'password' : 'corrupt', e instanceof Error ? e.message : String(e));
  }
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({ runs: (content.items as TextItemLike[]).map(runOf).filter((r): r is PdfTextRun => r !== undefined) });
      page.cleanup();
    }
    if (hasNoText(pages)) throw new ImportFailure(file, 'needs-ocr');
    const { markdown, firstHeading } = pdfMarkdown(pages);
    const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
    const i = (info ?? {}) as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const metadata: ArticleMetadata = mergeMetadata(
      { title: str(i.Title), author: str(i.Author), date: pdfDate(i.CreationDate) },
      { title: firstHeading !== undefined ? cleanText(firstHeading) : undefined },
    );
    return { metadata, markdown };
  } catch (e) {
    // A page that pdf.js cannot read is a damaged file; anything else is ours to see, not to rename.
    if (e instanceof ImportFailure || !/FormatError|InvalidPDFException|UnknownErrorException/u.test((e as { name?: string }).name ?? '')) throw e;
    throw new ImportFailure(file, 'corrupt', e instanceof Error ? e.message : String(e));
  } finally {
    await task.destroy();
  }
}
