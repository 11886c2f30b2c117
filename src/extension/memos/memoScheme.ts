/** The scheme of memo documents (see memoDocuments.ts): notes about articles, never articles themselves. */
export const MEMO_SCHEME = 'tension-memo';
