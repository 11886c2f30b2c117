import type * as Export from '../export/exportBundle';
import { exportBundle } from './export.node';
import { passOn } from './onDemand';

// The stub of src/core/export/exporter.ts in the desktop build (export.node.ts).
export const exportArticles: typeof Export.exportArticles = passOn(exportBundle, 'exportArticles');
