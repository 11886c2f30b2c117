import { type Zippable, strToU8, zipSync } from 'fflate';
import type { ExportData } from './collect';
import { qdeSources, writeQde } from './qde';

/**
 * The REFI-QDA project exchange file (`.qdpx`): a zip of `project.qde` and `sources/<guid>.txt`, one plain-text
 * source per article in UTF-8 without a BOM (a BOM would be a character some tools count and others do not).
 * Entries are dated `created`, so the same export gives the same bytes.
 */
export function writeQdpx(data: ExportData): Uint8Array {
  const sources = qdeSources(data);
  const parsed = Date.parse(data.request.created);
  // Zip dates start in 1980; fflate refuses earlier ones.
  const mtime = Number.isFinite(parsed) && parsed >= Date.UTC(1980, 1, 1) ? new Date(parsed) : new Date(Date.UTC(1980, 1, 1));
  const files: Zippable = { 'project.qde': [strToU8(writeQde(data, sources)), { mtime }] };
  for (const source of sources) files[source.entry] = [strToU8(source.text), { mtime }];
  return zipSync(files, { level: 6 });
}
