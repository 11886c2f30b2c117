import { reanchorAll } from '../annotations/reanchor';
import type { Sidecar } from '../annotations/types';
import type { Coding } from './types';

/** A coder's sidecar as a coding of `text`: its annotations re-anchored against the text as it is now. */
export function codingOf(coder: string, sidecar: Sidecar, text: string): Coding {
  return { coder, tags: sidecar.tags, anchors: reanchorAll(sidecar.annotations, text).anchors };
}
