import type { CompiledLexicon } from '../lexicon/compile';
import { markdownBlocks } from '../parse/markdown';
import { plaintextBlocks } from '../parse/plaintext';
import { type ProseBlock, proseBlock, sourceEnd, sourceOffset, sourceRange } from '../parse/proseBlock';
import { SENTENCE_STOPS, splitSentencesAt } from '../parse/sentences';
import { NumberBuffer } from '../text/numberBuffer';
import type { ArticleFormat } from './types';

/**
 * Numbers per hit in `GroupResult.hits`: start and end (relative to the group), the compiled term's index, the
 * matched form's pattern id (its text is `lexicon.patterns[form]`) and 1 when negated, else 0.
 */
export const HIT_FIELDS = 5;

/**
 * A tension site relative to its group; pole lists index into the group's hits. Its text and contrast markers are
 * read from its block when the site is first shown (`siteText`, `siteMarkers`), not for every site of every edit.
 */
export interface GroupSite {
  readonly start: number;
  readonly end: number;
  readonly axisIndex: number;
  readonly poleA: readonly number[];
  readonly poleB: readonly number[];
  /** The block and the sentence's visible range in it. */
  readonly block: ProseBlock;
  readonly from: number;
  readonly to: number;
}

/** Everything found in one group of chunks, in offsets relative to the group: memoizable by its text. */
export interface GroupResult {
  readonly length: number;
  /**
   * Hits, `HIT_FIELDS` numbers each. Flat numbers, not an object per hit: objects were a third of the analysis
   * time in allocation and garbage collection, and the analyzer copies these straight into typed arrays.
   */
  readonly hits: readonly number[];
  /** Flat [start, end, start, end, …] sentence ranges. */
  readonly sentences: readonly number[];
  readonly sites: readonly GroupSite[];
  readonly blocks: readonly ProseBlock[];
  /**
   * Offsets of line starts after the first (the group's first line starts at 0). Plain arrays, not Int32Array: a
   * typed array costs ~200 bytes of headers, more than the few offsets a group has, and `Int32Array.from` is slow.
   */
  readonly lineBreaks: readonly number[];
}

/** Per compiled term: its axis's index and its side (0 or 1), cached per lexicon so sites group hits without lookups. */
interface TermSides {
  readonly axis: Int32Array;
  readonly side: Uint8Array;
  /** Scratch: hits per axis and side in the current sentence, [axis * 2 + side]; all zero between sentences. */
  readonly seen: Int32Array;
}

const termSidesCache = new WeakMap<CompiledLexicon, TermSides>();

function termSidesOf(lexicon: CompiledLexicon): TermSides {
  let cached = termSidesCache.get(lexicon);
  if (!cached) {
    const axes = lexicon.lexicon.axes;
    cached = {
      axis: Int32Array.from(lexicon.terms.map((t) => axes.indexOf(t.axis))),
      side: Uint8Array.from(lexicon.terms.map((t) => t.side)),
      seen: new Int32Array(axes.length * 2),
    };
    termSidesCache.set(lexicon, cached);
  }
  return cached;
}

/**
 * Scratch arrays reused by every group (analysis is synchronous and never re-entered): the result keeps exact-size
 * copies, so each group allocates its arrays once instead of growing them push by push.
 */
const scratch = { hits: new NumberBuffer(), sentences: new NumberBuffer(), visible: new NumberBuffer(), bounds: new NumberBuffer(), openings: new NumberBuffer(), stops: new NumberBuffer() };

/**
 * Parses and matches one group of chunks (see `groupChunks`); `cuts` are the ends of its chunks, relative to it.
 * Each chunk is parsed on its own, exactly as if it were alone. Pure: the same text, cut the same way (which the
 * text decides), always gives the same result.
 */
export function analyzeGroup(source: string, format: ArticleFormat, lexicon: CompiledLexicon, atTextStart: boolean, cuts: readonly number[] = [source.length]): GroupResult {
  const blocks = blocksOf(source, format, atTextStart, cuts);
  const { hits, sentences } = scratch;
  hits.clear();
  sentences.clear();
  const sites: GroupSite[] = [];
  // Looked up once per group, not per block and sentence: a WeakMap lookup each was a visible share of the analysis.
  const lookups: Lookups = { negators: negatorIndexOf(lexicon), sides: termSidesOf(lexicon) };
  for (const block of blocks) analyzeBlock(block, lexicon, lookups, hits, sentences, sites);
  return { length: source.length, hits: hits.copy(), sentences: sentences.copy(), sites, blocks, lineBreaks: lineBreaksOf(source) };
}

/** The prose blocks of each chunk of a group, in group-relative offsets. */
function blocksOf(source: string, format: ArticleFormat, atTextStart: boolean, cuts: readonly number[]): readonly ProseBlock[] {
  if (cuts.length === 1) return format === 'markdown' ? markdownBlocks(source) : plaintextBlocks(source, atTextStart);
  const blocks: ProseBlock[] = [];
  for (let k = 0, from = 0; k < cuts.length; k++) {
    const to = cuts[k] as number;
    const piece = source.slice(from, to);
    for (const block of format === 'markdown' ? markdownBlocks(piece) : plaintextBlocks(piece, atTextStart && k === 0)) {
      blocks.push(from === 0 ? block : shiftBlock(block, from));
    }
    from = to;
  }
  return blocks;
}

/** A block moved `by` code units later (its chunk's place in the group); its map is fresh, so shifted in place. */
function shiftBlock(block: ProseBlock, by: number): ProseBlock {
  const { map, textStart, headingLevel } = block;
  if (map) for (let i = 0; i < map.length; i++) map[i] = (map[i] as number) + by;
  return proseBlock(block.text, block.start + by, block.end + by, map, textStart === undefined ? undefined : textStart + by, headingLevel);
}

const NO_BREAKS: readonly number[] = Object.freeze([]);

/** Offsets after each line end (LF, CRLF or a lone CR, as VS Code counts lines). */
function lineBreaksOf(source: string): readonly number[] {
  // indexOf runs natively and is several times faster than a charCodeAt loop; a lone CR is rare enough to get
  // the slow loop only when the group has a CR at all.
  if (source.indexOf('\r') < 0) {
    let i = source.indexOf('\n');
    if (i < 0) return NO_BREAKS;
    const breaks: number[] = [];
    for (; i >= 0; i = source.indexOf('\n', i + 1)) breaks.push(i + 1);
    return breaks;
  }
  const breaks: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) breaks.push(i + 1);
    else if (c === 13 && source.charCodeAt(i + 1) !== 10) breaks.push(i + 1);
  }
  return breaks;
}

/** The per-lexicon tables `analyzeBlock` reads. */
interface Lookups {
  readonly negators: NegatorIndex;
  readonly sides: TermSides;
}

function analyzeBlock(block: ProseBlock, lexicon: CompiledLexicon, lookups: Lookups, hits: NumberBuffer, sentences: NumberBuffer, sites: GroupSite[]): void {
  const text = block.text;
  const firstHit = hits.count / HIT_FIELDS;
  // Visible-text ranges of this block's hits, parallel to its hits.
  const visible = scratch.visible;
  visible.clear();
  const negators = lookups.negators;
  const frames = lexicon.negationFrames;
  // Where opening words of negation frames start in the block, found at its first hit (most blocks have one):
  // `negates` is asked only about hits that follow one closely.
  const openings = scratch.openings;
  let openingCount = -1;
  let o = 0;
  const stops = scratch.stops;
  stops.clear();
  lexicon.termAutomaton.scanMarking(text, 0, text.length, (start, end, id) => {
    const termIndex = lexicon.patternTerm[id] ?? -1;
    if (termIndex < 0) return; // an exclusion phrase: it consumed the text, nothing fires
    hits.push2(sourceOffset(block, start), sourceEnd(block, start, end));
    hits.push2(termIndex, id);
    let negated = isNegated(text, start, negators);
    if (!negated) {
      if (openingCount < 0) {
        frames.openingStarts(text, openings);
        openingCount = openings.count;
      }
      while (o < openingCount && openings.at(o) < start - frames.span) o++;
      negated = o < openingCount && openings.at(o) < start && frames.negates(text, start, end);
    }
    hits.push(negated ? 1 : 0);
    visible.push2(start, end);
  }, SENTENCE_STOPS, stops);

  const bounds = scratch.bounds;
  bounds.clear();
  splitSentencesAt(text, 0, text.length, stops, bounds);
  let h = 0;
  const blockHits = hits.count / HIT_FIELDS - firstHit;
  for (let s = 0; s < bounds.count; s += 2) {
    const from = bounds.at(s);
    const to = bounds.at(s + 1);
    const sentenceStart = sourceOffset(block, from);
    const sentenceEnd = sourceEnd(block, from, to);
    sentences.push2(sentenceStart, sentenceEnd);
    while (h < blockHits && visible.at(2 * h) < from) h++;
    let end = h;
    while (end < blockHits && visible.at(2 * end + 1) <= to) end++;
    // A site needs a hit on each side of an axis: most sentences have fewer than two hits and need no grouping.
    if (end - h >= 2) {
      sentenceSites(hits, firstHit + h, firstHit + end, { block, from, to, start: sentenceStart, end: sentenceEnd }, lookups.sides, sites);
    }
    h = end;
  }
}

/** A sentence of a block: visible range `[from, to)` and its source range. */
interface BlockSentence {
  readonly block: ProseBlock;
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Appends a site for each axis with hits on both sides among hits `[first, end)` of one sentence, axes in the
 * order they first occur, with each side's hit indices. Counts in a scratch array, not a Map per sentence.
 */
function sentenceSites(hits: NumberBuffer, first: number, end: number, sentence: BlockSentence, sides: TermSides, out: GroupSite[]): void {
  const { seen, axis, side } = sides;
  for (let k = first; k < end; k++) {
    const term = hits.at(k * HIT_FIELDS + 2);
    const slot = (axis[term] as number) * 2 + (side[term] as number);
    seen[slot] = (seen[slot] as number) + 1;
  }
  for (let k = first; k < end; k++) {
    const a = axis[hits.at(k * HIT_FIELDS + 2)] as number;
    if (a < 0 || seen[a * 2] === 0 || seen[a * 2 + 1] === 0) continue;
    // Exact-size arrays: the counts are known, and growing from empty allocates room for 17 each.
    const poleA = new Array<number>(seen[a * 2] as number);
    const poleB = new Array<number>(seen[a * 2 + 1] as number);
    for (let j = k, na = 0, nb = 0; j < end; j++) {
      const term = hits.at(j * HIT_FIELDS + 2);
      if (axis[term] === a) {
        if (side[term] === 0) poleA[na++] = j;
        else poleB[nb++] = j;
      }
    }
    seen[a * 2] = 0; // reported: later hits of this axis start nothing
    out.push({ start: sentence.start, end: sentence.end, axisIndex: a, poleA, poleB, block: sentence.block, from: sentence.from, to: sentence.to });
  }
  for (let k = first; k < end; k++) {
    const a = axis[hits.at(k * HIT_FIELDS + 2)] as number;
    if (a >= 0) {
      seen[a * 2] = 0;
      seen[a * 2 + 1] = 0;
    }
  }
}

/**
 * Negators by their last code unit, longest first, cached per lexicon (72 negators in the built-in one), and a flag
 * per code unit that some negator ends with it: most hits follow a character that ends none, and the flag answers
 * for them without a Map lookup.
 */
export interface NegatorIndex {
  readonly endsOne: Uint8Array;
  readonly byLast: ReadonlyMap<number, readonly string[]>;
}

const negatorIndexCache = new WeakMap<CompiledLexicon, NegatorIndex>();

export function negatorIndexOf(lexicon: CompiledLexicon): NegatorIndex {
  let index = negatorIndexCache.get(lexicon);
  if (!index) {
    const byLast = new Map<number, string[]>();
    const endsOne = new Uint8Array(0x10000);
    for (const negator of lexicon.negators) {
      if (negator.length === 0) continue;
      const last = negator.charCodeAt(negator.length - 1);
      endsOne[last] = 1;
      const list = byLast.get(last);
      if (list) list.push(negator);
      else byLast.set(last, [negator]);
    }
    negatorIndexCache.set(lexicon, (index = { endsOne, byLast }));
  }
  return index;
}

/**
 * True when a negator ends right where the term starts (不开放, 拒绝开源); only visible text counts. Looks only at
 * the negators ending with the character before the term: trying all of them for every hit was 40 % of matching.
 */
export function isNegated(text: string, start: number, negators: NegatorIndex): boolean {
  if (start === 0) return false;
  const before = text.charCodeAt(start - 1);
  if (negators.endsOne[before] === 0) return false;
  const candidates = negators.byLast.get(before);
  if (!candidates) return false;
  for (let k = 0; k < candidates.length; k++) {
    const negator = candidates[k] as string;
    if (start >= negator.length && text.startsWith(negator, start - negator.length)) return true;
  }
  return false;
}

/** The sentence of a site as it reads (visible text). */
export function siteText(site: GroupSite): string {
  return site.block.text.slice(site.from, site.to);
}

/** Contrast markers in a site's sentence (而, 但, 博弈 …), in order, with group-relative source ranges. */
export function siteMarkers(site: GroupSite, lexicon: CompiledLexicon): { text: string; start: number; end: number }[] {
  const { block } = site;
  const markers: { text: string; start: number; end: number }[] = [];
  lexicon.markerAutomaton.scan(block.text, site.from, site.to, (start, end, id) => {
    if (id >= lexicon.markers.length) return; // an exclusion such as 从而: not a contrast
    const range = sourceRange(block, start, end);
    markers.push({ text: block.text.slice(start, end), start: range.start, end: range.end });
  });
  return markers;
}
