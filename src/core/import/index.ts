export * from './errors';
export * from './frontMatter';
export * from './metadata';
export * from './pdfLayout';
