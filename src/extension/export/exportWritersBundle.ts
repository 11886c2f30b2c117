// The entry of dist/export.js: the export writers in a bundle of their own, loaded by exportWriters.node.ts on the
// first export, so that activation does not parse code most sessions never run.
import { exportArticles } from '../../core/export/exporter';
import type { ExportWriters } from './exportWriters';

export { exportArticles };
// What the loader checks at run time, checked here at build time too.
void ({ exportArticles } satisfies ExportWriters);
