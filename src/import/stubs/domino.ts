// turndown parses HTML strings with domino in Node; the importers hand it parsed DOM nodes (linkedom), so the
// 230 KB parser stays out of dist/import.js. Reaching this is a bug in our code, not in the user's file.
export function createDocument(): never {
  throw new Error('turndown was given an HTML string: pass it a DOM node (src/import/markdown.ts)');
}
