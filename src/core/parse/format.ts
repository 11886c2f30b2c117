import type { ArticleFormat } from '../analyze/types';

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdown|mkd)$/i;

/** Markdown for `.md`/`.markdown` files or the `markdown` language id; plain prose for everything else. */
export function formatOf(pathOrLanguageId: string): ArticleFormat {
  return pathOrLanguageId === 'markdown' || MARKDOWN_EXTENSIONS.test(pathOrLanguageId) ? 'markdown' : 'plaintext';
}
