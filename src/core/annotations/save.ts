import { describeDocument } from './create';
import { pairForSave } from './pairs';
import { retarget } from './quote';
import type { Anchor, Sidecar } from './types';

/**
 * The sidecar to write for `text`: `document` describes the text, and every placed annotation's selectors are
 * refreshed from it (live edits shift ranges but leave the 32-unit context stale). Orphans keep their last selectors.
 * Tension pairs' ends are refreshed the same way (see `pairForSave`).
 */
export async function sidecarForSave(sidecar: Sidecar, anchors: readonly Anchor[], text: string): Promise<Sidecar> {
  const annotations = anchors.map(({ annotation, state }) => {
    const { start, end } = annotation.target.position;
    return state === 'orphaned' || end > text.length ? annotation : retarget(annotation, text, start, end);
  });
  const pairs = sidecar.pairs?.map((p) => pairForSave(p, text));
  return { ...sidecar, document: { ...sidecar.document, ...(await describeDocument(sidecar.document.path, text)) }, annotations, ...(pairs && { pairs }) };
}
