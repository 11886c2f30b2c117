import type * as Export from '../export/exportBundle';
import { exportBundle } from './export.node';
import { passOn } from './onDemand';

// The stub of src/extension/export/exportOptions.ts in the desktop build (export.node.ts).
export const parseExportOptions: typeof Export.parseExportOptions = passOn(exportBundle, 'parseExportOptions');
export const pickGrouping: typeof Export.pickGrouping = passOn(exportBundle, 'pickGrouping');
export const formatLabel: typeof Export.formatLabel = passOn(exportBundle, 'formatLabel');
export const pickWhat: typeof Export.pickWhat = passOn(exportBundle, 'pickWhat');
export const pickScope: typeof Export.pickScope = passOn(exportBundle, 'pickScope');
export const pickFormat: typeof Export.pickFormat = passOn(exportBundle, 'pickFormat');
