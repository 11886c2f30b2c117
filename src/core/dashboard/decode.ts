import { ENCODING_LABEL, decodeStrict, guessLegacyEncoding } from '../text/encoding';
import type { ArticleError } from './types';

/** How far into a file to look for NUL bytes: what `git` and the CLI look at to call a file binary. */
const BINARY_PROBE = 8192;

/**
 * Decodes an article's bytes the way VS Code and the CLI read it: UTF-8, BOM dropped. Returns the error instead
 * for a file over `maxBytes` (when given), a binary one (NUL bytes near the start) or one that is not UTF-8; for
 * the last, `detail` names the legacy Chinese encoding (GB18030 or Big5) the bytes read in, when one does, so the
 * row can say how to open it.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes?: number): { text: string } | { error: ArticleError } {
  if (maxBytes !== undefined && bytes.byteLength > maxBytes) return { error: tooLarge(maxBytes) };
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { error: { code: 'binary' } };
  const text = decodeStrict(bytes, 'utf-8');
  if (text !== undefined) return { text };
  const legacy = guessLegacyEncoding(bytes);
  return { error: legacy ? { code: 'encoding', detail: ENCODING_LABEL[legacy.encoding] } : { code: 'encoding' } };
}

/** The error of a file over the size limit, with the limit in MB as its detail (so the row can quote it). */
export function tooLarge(maxBytes: number): ArticleError {
  return { code: 'tooLarge', detail: String(Math.round((maxBytes / (1024 * 1024)) * 100) / 100) };
}
