import type * as Export from '../export/exportBundle';
import { besideThisBundle } from './onDemand';

// In the desktop build, src/core/export/exporter.ts and src/extension/export/exportOptions.ts are the stubs beside
// this one, and dist/export.js the modules themselves (esbuild.config.mjs): loaded when an export starts.
export const exportBundle = besideThisBundle<typeof Export>('export', 'exportArticles', 'parseExportOptions', 'pickWhat');
