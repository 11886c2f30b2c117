import type { Chunk } from './chunks';

/** Consecutive chunks analysed as one unit: the unit of memoization and of reuse after an edit. */
export interface ChunkGroup {
  readonly start: number;
  readonly end: number;
  /** Ends of the chunks inside, relative to `start`; the last is `end - start`. */
  readonly cuts: readonly number[];
}

/** A group closes before it would grow past this many characters (unless one chunk alone is longer). */
export const MAX_GROUP = 16 * 1024;

/** About one chunk in `GROUP_ODDS` starts a group: groups average that many paragraphs. */
const GROUP_ODDS = 8;

/** Characters of a chunk's start that decide whether it starts a group. */
const HASHED = 16;

/**
 * Groups chunks (paragraphs, headings) into units of several paragraphs. Why: the analysis has a fixed cost per
 * unit — a result object, its arrays, its slot in the tables — that on a 10 MB article of 35,000 short paragraphs
 * was about 40 % of the time; the groups cut that cost by the average group size, while an edit still
 * re-analyses only a few paragraphs.
 *
 * Where a group starts depends only on the text of the chunk that starts it (a hash of its first characters), not
 * on where the previous group started, so an edit moves group boundaries only next to it: the groups before and
 * after stay the same text and are reused. Only the size cap depends on the group's start, and it is met only by
 * runs of long paragraphs, each of which then soon starts a group by its hash again.
 */
export function groupChunks(text: string, chunks: readonly Chunk[]): ChunkGroup[] {
  const groups: ChunkGroup[] = [];
  let start = 0;
  let cuts: number[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const chunk = chunks[k] as Chunk;
    if (k > 0 && (startsGroup(text, chunk) || chunk.end - start > MAX_GROUP)) {
      groups.push({ start, end: chunk.start, cuts });
      start = chunk.start;
      cuts = [];
    }
    cuts.push(chunk.end - start);
  }
  if (chunks.length > 0) groups.push({ start, end: (chunks[chunks.length - 1] as Chunk).end, cuts });
  return groups;
}

function startsGroup(text: string, chunk: Chunk): boolean {
  const end = Math.min(chunk.end, chunk.start + HASHED);
  let h = 0x811c9dc5;
  for (let i = chunk.start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // FNV's low bits mix poorly: finish with murmur3's avalanche before taking them.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % GROUP_ODDS === 0;
}
