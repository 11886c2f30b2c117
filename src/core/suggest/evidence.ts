import type { Analysis } from '../analyze/types';
import { LineIndex } from '../text/lines';
import { SUGGEST_FRAMES, type SuggestFrame } from './frames';
import type { ReferenceList } from './reference';
import { type Word, WordIndex, clauseAround, isClauseEnd, isHan } from './words';

/** Where a candidate was seen: a 0-based position for the editor, and a short context for the reader. */
export interface SuggestExample {
  readonly path: string;
  /** 0-based line and UTF-16 character, as in VS Code. */
  readonly line: number;
  readonly character: number;
  /** Length of the candidate as written there. */
  readonly length: number;
  readonly context: string;
}

/** What one article says about one candidate. Plain data: it crosses from a worker thread as is. */
export interface CandidateEvidence {
  /** The candidate in Simplified characters: its key. */
  readonly text: string;
  /** Its spellings as they occur (Simplified and Traditional). */
  readonly forms: string[];
  /** Weight of evidence per `axis\tpole`. */
  readonly votes: Record<string, number>;
  readonly examples: SuggestExample[];
  /** How often the candidate occurs in the article (any spelling). */
  count: number;
}

/** What one article says about every candidate, plus its word counts for keyness. */
export interface FileEvidence {
  readonly path: string;
  /** Han words of two or more characters in the article. */
  readonly words: number;
  /** Occurrences of each such word (Simplified), for candidates that another article found. */
  readonly wordCounts: Record<string, number>;
  readonly candidates: Record<string, CandidateEvidence>;
}

/** Examples kept per candidate and article. */
const MAX_EXAMPLES = 3;
/** How far a bounded slot (X与Y之争) may run, in characters. */
const SLOT_REACH = 8;
/** How close to a pole term a word must stand in a tension site to count as its neighbour. */
const NEIGHBOUR_REACH = 1;
const NEIGHBOUR_WEIGHT = 0.5;
const CONTEXT = 14;

interface KnownHit {
  readonly start: number;
  readonly end: number;
  readonly axis: string;
  readonly pole: string;
  /** The axis's other pole. */
  readonly opposite: string;
}

/**
 * Collects the evidence an analysed article gives for terms the lexicon does not know: the far side of contrast and
 * coordination frames around known pole terms, and the neighbours of pole terms in tension sites.
 */
export function collectEvidence(path: string, text: string, analysis: Analysis, reference: ReferenceList, frames: readonly SuggestFrame[] = SUGGEST_FRAMES): FileEvidence {
  const hits: KnownHit[] = [];
  analysis.forEachHit((h) => {
    const poles = h.term.axis.poles;
    hits.push({ start: h.start, end: h.end, axis: h.term.axis.id, pole: h.term.pole.id, opposite: poles[h.term.side === 0 ? 1 : 0].id });
  });
  const overlapsHit = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (analysis.hitIndexAt(i) >= 0) return true;
    return false;
  };
  // Frame words are matched in Simplified (與 is 与); the table maps one character to one, so offsets agree.
  const simple = reference.simplify(text);
  const lines = LineIndex.of(text);
  const index = new WordIndex(text);
  const candidates: Record<string, CandidateEvidence> = {};
  const seen = new Set<string>();

  const vote = (start: number, end: number, axis: string, pole: string, weight: number): void => {
    const surface = text.slice(start, end);
    if (surface.length < 2 || !isHan(surface) || !looksLikeTerm(surface) || overlapsHit(start, end)) return;
    // One vote per place and pole, however many frames or neighbours point at it.
    const place = `${start}:${end}:${axis}\t${pole}`;
    if (seen.has(place)) return;
    seen.add(place);
    const key = reference.simplify(surface);
    const c = (candidates[key] ??= { text: key, forms: [], votes: {}, examples: [], count: 0 });
    if (!c.forms.includes(surface)) c.forms.push(surface);
    const k = `${axis}\t${pole}`;
    c.votes[k] = (c.votes[k] ?? 0) + weight;
    if (c.examples.length < MAX_EXAMPLES && !c.examples.some((e) => lines.positionAt(start).line === e.line)) {
      const { line, character } = lines.positionAt(start);
      c.examples.push({ path, line, character, length: end - start, context: contextOf(text, start, end) });
    }
  };

  /** The words a slot holds: all of a bounded slot (a short phrase), or the word(s) next to the frame. */
  const slotSpan = (from: number, to: number, bounded: boolean, side: 'right' | 'left', maxWords = 3): { start: number; end: number } | undefined => {
    if (to <= from) return undefined;
    const words = index.within(from, to);
    if (words.length === 0) return undefined;
    if (bounded) {
      const first = words[0] as Word;
      const last = words[words.length - 1] as Word;
      if (to - from > SLOT_REACH || words.length > maxWords || first.start !== from || last.end !== to) return undefined;
      // A phrase begins and ends on a word of two or more characters: 推动技术平 (cut off mid-word) or 个来自中国
      // (a classifier left over) is not a term.
      if (words.length > 1 && (first.text.length < 2 || last.text.length < 2)) return undefined;
      return { start: from, end: to };
    }
    const ordered: Word[] = side === 'right' ? words : [...words].reverse();
    const first = ordered[0] as Word;
    if ((side === 'right' ? first.start !== from : first.end !== to) || !isHan(first.text)) return undefined;
    const next = ordered[1];
    const adjacent = next !== undefined && isHan(next.text) && (side === 'right' ? next.start === first.end : next.end === first.start);
    if (adjacent) {
      const span = side === 'right' ? { start: first.start, end: next.end } : { start: next.start, end: first.end };
      const phrase = text.slice(span.start, span.end);
      // A one-character word is rarely a term on its own (新/旧): take it with its neighbour; two words are one
      // candidate when a dictionary knows them together.
      if ((first.text.length === 1 && phrase.length <= 4) || reference.has(reference.simplify(phrase))) return span;
    }
    return { start: first.start, end: first.end };
  };

  for (const hit of hits) {
    let rightDone = false;
    let leftDone = false;
    for (const frame of frames) {
      const relationPole = frame.relation === 'opposite' ? hit.opposite : hit.pole;
      if (!rightDone) {
        // Known X, candidate Y.
        const middle = frame.middle.find((m) => simple.startsWith(m, hit.end));
        const before = !frame.before || frame.before.some((b) => b.length <= hit.start && simple.startsWith(b, hit.start - b.length));
        if (middle !== undefined && before) {
          const from = hit.end + middle.length;
          const to = frame.after ? findAfter(simple, from, frame.after) : frame.relation === 'same' ? itemEnd(text, from) : clauseAround(text, from, 12).end;
          const span = to === undefined ? undefined : slotSpan(from, to, frame.after !== undefined || frame.relation === 'same', 'right', frame.relation === 'same' ? 2 : 3)
            // A list's last item runs on into the predicate (开放、互通是原则): then the word next to the frame.
            ?? (frame.relation === 'same' ? slotSpan(from, clauseAround(text, from, 12).end, false, 'right') : undefined);
          if (span) {
            vote(span.start, span.end, hit.axis, relationPole, frame.weight);
            rightDone = true;
          }
        }
      }
      if (!leftDone) {
        // Known Y, candidate X.
        const middle = frame.middle.find((m) => m.length <= hit.start && simple.startsWith(m, hit.start - m.length));
        const after = !frame.after || frame.after.some((a) => simple.startsWith(a, hit.end));
        if (middle !== undefined && after) {
          const to = hit.start - middle.length;
          const from = frame.before ? findBefore(simple, to, frame.before) : frame.relation === 'same' ? itemStart(text, to) : clauseAround(text, to, 12).start;
          const span = from === undefined ? undefined : slotSpan(from, to, frame.before !== undefined || frame.relation === 'same', 'left', frame.relation === 'same' ? 2 : 3)
            ?? (frame.relation === 'same' ? slotSpan(clauseAround(text, to, 12).start, to, false, 'left') : undefined);
          if (span) {
            vote(span.start, span.end, hit.axis, relationPole, frame.weight);
            leftDone = true;
          }
        }
      }
    }
  }

  // Neighbours of pole terms in tension sites: 开放共享 puts 共享 beside 开放.
  analysis.forEachSite((site) => {
    const axis = site.axis.id;
    for (const hit of hits) {
      if (hit.start < site.start || hit.end > site.end || hit.axis !== axis) continue;
      const clause = clauseAround(text, hit.start);
      const from = Math.max(clause.start, hit.start - NEIGHBOUR_REACH - 4);
      const to = Math.min(clause.end, hit.end + NEIGHBOUR_REACH + 4);
      for (const w of index.within(from, to)) {
        const near = w.end <= hit.start ? hit.start - w.end <= NEIGHBOUR_REACH : w.start >= hit.end && w.start - hit.end <= NEIGHBOUR_REACH;
        if (near) vote(w.start, w.end, axis, hit.pole, NEIGHBOUR_WEIGHT);
      }
    }
  });

  // Word counts (for keyness and for counting candidates other articles found), and each candidate's occurrences.
  const wordCounts: Record<string, number> = {};
  let words = 0;
  for (const w of index.words) {
    if (w.text.length < 2 || !isHan(w.text)) continue;
    words++;
    const key = reference.simplify(w.text);
    wordCounts[key] = (wordCounts[key] ?? 0) + 1;
  }
  for (const c of Object.values(candidates)) {
    c.count = occurrences(simple, c.text);
    c.examples.sort((a, b) => a.line - b.line || a.character - b.character);
  }
  return { path, words, wordCounts, candidates };
}

/**
 * Function characters a term does not begin or end with (的是, 每一, 都要 are segmentation leftovers, not terms);
 * 不 and 非 stay allowed at the start (非营利, 不透明).
 */
const EDGE_FUNCTION_CHARS = new Set([...'的了是在和与及或而也都就还又被把将对向从到于为以每这那其之所等着过得地仍更最很太已并且']);

function looksLikeTerm(word: string): boolean {
  return !EDGE_FUNCTION_CHARS.has(word.charAt(0)) && !EDGE_FUNCTION_CHARS.has(word.charAt(word.length - 1));
}

/** Where a list item (X、Y、Z) that starts at `from` ends: the next 、 or the clause end. */
function itemEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from <= SLOT_REACH && text.charAt(i) !== '、' && !isClauseEnd(text.charAt(i))) i++;
  return i;
}

/** Where a list item that ends at `to` starts. */
function itemStart(text: string, to: number): number {
  let i = to;
  while (i > 0 && to - i <= SLOT_REACH && text.charAt(i - 1) !== '、' && !isClauseEnd(text.charAt(i - 1))) i--;
  return i;
}

function findAfter(text: string, from: number, after: readonly string[]): number | undefined {
  for (let i = from + 1; i <= Math.min(text.length, from + SLOT_REACH); i++) {
    if (isClauseEnd(text.charAt(i - 1))) return undefined;
    if (after.some((a) => text.startsWith(a, i))) return i;
  }
  return undefined;
}

function findBefore(text: string, to: number, before: readonly string[]): number | undefined {
  for (let i = to - 1; i >= Math.max(0, to - SLOT_REACH); i--) {
    if (isClauseEnd(text.charAt(i))) return undefined;
    const b = before.find((x) => x.length <= i && text.startsWith(x, i - x.length));
    if (b !== undefined) return i;
  }
  return undefined;
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** A few characters either side of the candidate, on its line, whitespace folded. */
function contextOf(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  const nextNl = text.indexOf('\n', end);
  if (nextNl >= 0 && nextNl < to) to = nextNl;
  return `${from > 0 && text.charAt(from - 1) !== '\n' ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ').trim()}${to < text.length && text.charAt(to) !== '\n' && text.charAt(to) !== '\r' ? '…' : ''}`;
}
