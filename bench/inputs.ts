/**
 * Deterministic benchmark inputs: articles of a given size made from the two seed articles, and lexicons of a
 * given size made from the built-in one plus terms drawn from the seeds' own text.
 *
 * Everything is seeded, so two runs (and two machines) measure the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { ROOT } from './paths';
import { type ArticleFormat, type Lexicon, type LexiconTerm, builtinLexicon } from '../src/core';

export const MiB = 1024 * 1024;
export const KiB = 1024;

const SEED_DIR = path.join(ROOT, 'test', 'fixtures', 'workspace');
const SEED_FILES = ['ai-lab-expert-departure.md', 'openai-departures-news.txt'] as const;
const SEED = 0x7e4510;

/** mulberry32: a small seeded PRNG, good enough to shuffle paragraphs reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with the given PRNG. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** One unit of an article, before it is written out as Markdown or plain text. */
interface Block {
  readonly kind: 'heading' | 'quote' | 'bullet' | 'paragraph';
  /** Heading level 1–3; 0 otherwise. */
  readonly level: number;
  /** Lines of the block (several only for a quote). */
  readonly lines: readonly string[];
}

/** The seeds' raw text, Simplified as written. */
export function seedTexts(): string[] {
  return SEED_FILES.map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
}

function markdownSeedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let quote: string[] = [];
  const flushQuote = (): void => {
    if (quote.length > 0) blocks.push({ kind: 'quote', level: 0, lines: quote });
    quote = [];
  };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    if (line.startsWith('>')) {
      quote.push(line.replace(/^>\s?/, ''));
      return;
    }
    flushQuote();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) blocks.push({ kind: 'heading', level: heading[1]?.length ?? 2, lines: [heading[2] ?? ''] });
    else if (i === 0) blocks.push({ kind: 'heading', level: 1, lines: [line] });
    else blocks.push({ kind: 'paragraph', level: 0, lines: [line] });
  });
  flushQuote();
  return blocks;
}

function plaintextSeedBlocks(text: string): Block[] {
  return text.split(/\n\s*\n/).map((s) => s.replace(/\s+$/, '')).filter((s) => s.trim() !== '').map((s, i): Block => {
    if (/^\s*•\s*/.test(s)) return { kind: 'bullet', level: 0, lines: [s.replace(/^\s*•\s*/, '')] };
    if (i === 0) return { kind: 'heading', level: 1, lines: [s] };
    if (/^[一二三四五六七八九十]+、/.test(s)) return { kind: 'heading', level: 2, lines: [s] };
    if (/^\d+\.\s/.test(s) && s.length < 80) return { kind: 'heading', level: 3, lines: [s] };
    return { kind: 'paragraph', level: 0, lines: [s] };
  });
}

let pool: Block[] | undefined;

/** Every block of both seeds, in Simplified and in Traditional (opencc cn → tw): what articles are shuffled from. */
function blockPool(): Block[] {
  if (pool) return pool;
  const [md = '', txt = ''] = seedTexts();
  const simplified = [...markdownSeedBlocks(md), ...plaintextSeedBlocks(txt)];
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const traditional = simplified.map((b) => ({ ...b, lines: b.lines.map((l) => toTraditional(l)) }));
  pool = [...simplified, ...traditional];
  return pool;
}

/**
 * How an article is laid out:
 * - `markdown`: what a 10 MB Markdown file realistically looks like — blocks separated by blank lines,
 *   `##`/`###` headings, `>` quotes, `-` bullets, prose paragraphs (which need no Markdown parse);
 * - `markdown-seed`: the Markdown seed's own shape — the same blocks with no blank lines between them;
 * - `markdown-emphasis`: `markdown` with the first four characters of every fourth paragraph in **bold**, as
 *   formatted articles have (inline syntax is what sends a paragraph to remark);
 * - `plaintext`: the plain-text seed's shape — blank-line separated, headings as bare lines, `  •` bullets.
 */
export type Layout = 'markdown' | 'markdown-seed' | 'markdown-emphasis' | 'plaintext';

/** The analysis format a layout is read in. */
export function formatOf(layout: Layout): ArticleFormat {
  return layout === 'plaintext' ? 'plaintext' : 'markdown';
}

function render(block: Block, layout: Layout): string {
  const markdown = layout !== 'plaintext';
  switch (block.kind) {
    case 'heading':
      return markdown ? `${'#'.repeat(Math.max(1, block.level))} ${block.lines[0] ?? ''}` : block.lines[0] ?? '';
    case 'quote':
      return block.lines.map((l) => (markdown ? `> ${l}` : l)).join('\n');
    case 'bullet':
      return markdown ? `- ${block.lines[0] ?? ''}` : `  • ${block.lines[0] ?? ''}`;
    default:
      return block.lines[0] ?? '';
  }
}

const SENTENCE = /[^。！？；!?]+(?:[。！？；!?]+[”’」』）)]*|$)/g;

/** Sentences a line needs before its shuffles alone keep it distinct over the ~250 passes of a 10 MB article. */
const MANY_SENTENCES = 6;

/**
 * A variant of a block for its `pass`-th use: its sentences in a new (seeded) order, and a `（pass）` marker on
 * headings and on lines too short for reordering to make them distinct. Without this a long article would
 * repeat the seeds' paragraphs verbatim, and the analyzer — which memoizes chunk results by text — would parse
 * each distinct paragraph once and look the repeats up: a benchmark of a cache hit, not of analysis. Real
 * articles do not repeat their paragraphs. Term rates stay those of the seeds.
 */
function variant(block: Block, pass: number, random: () => number): Block {
  if (pass === 0) return block;
  if (block.kind === 'heading') return { ...block, lines: [`${block.lines[0] ?? ''}（${pass}）`] };
  return {
    ...block,
    lines: block.lines.map((line) => {
      const sentences = line.match(SENTENCE) ?? [line];
      const shuffled = shuffle(sentences, random).join('');
      return sentences.length >= MANY_SENTENCES ? shuffled : `${shuffled}（${pass}）`;
    }),
  };
}

/**
 * An article of at most `bytes` UTF-8 bytes (it stops at the last whole block that fits): the block pool
 * shuffled by a PRNG with a fixed seed, again and again, each pass with its sentences reordered (`variant`).
 * Same arguments, same text; a smaller article is a prefix of a larger one in the same layout.
 */
export function article(layout: Layout, bytes: number): string {
  const random = prng(SEED);
  const separator = layout === 'markdown-seed' ? '\n' : '\n\n';
  const sepBytes = separator.length;
  const parts: string[] = [];
  let size = 0;
  for (let pass = 0; ; pass++) {
    for (const block of shuffle([...blockPool()], random)) {
      let text = render(variant(block, pass, random), layout);
      if (layout === 'markdown-emphasis' && block.kind === 'paragraph' && parts.length % 4 === 0) text = text.replace(/^(\p{Script=Han}{4})/u, '**$1**');
      const add = Buffer.byteLength(text, 'utf8') + (parts.length > 0 ? sepBytes : 0);
      if (size + add > bytes) return parts.join(separator) + '\n';
      parts.push(text);
      size += add;
    }
  }
}

/** Share of an article's chunks whose text occurs once: what the analyzer's per-chunk memo cannot reuse. */
export function distinctChunkShare(text: string, chunks: readonly { start: number; end: number }[]): number {
  const seen = new Set<string>();
  for (const c of chunks) seen.add(text.slice(c.start, c.end));
  return chunks.length > 0 ? seen.size / chunks.length : 1;
}

/** Number of surface forms (what the matcher searches for) of a lexicon. */
export function formCount(lexicon: Lexicon): number {
  let n = 0;
  for (const axis of lexicon.axes) for (const pole of axis.poles) for (const term of pole.terms) n += term.forms.length;
  return n;
}

/** All patterns the term automaton holds: forms, then exclusion phrases (the order `compileLexicon` uses). */
export function patternsOf(lexicon: Lexicon): string[] {
  const forms: string[] = [];
  const exclusions: string[] = [];
  for (const axis of lexicon.axes) {
    for (const pole of axis.poles) {
      for (const term of pole.terms) {
        forms.push(...term.forms);
        exclusions.push(...(term.exclude ?? []));
      }
    }
  }
  return [...forms, ...exclusions];
}

/**
 * Function characters that real lexicon terms almost never contain (的, 了, 是 …): n-grams with them would be
 * word-boundary fragments such as 的开, far more frequent than any real term.
 */
const FUNCTION_CHARS = /[的了着是在和与與及也都就这這那其被把对對为為从從之而并並等个個有]/;

/** Distinct 2–4 character runs of Han characters in the texts, in order of first appearance. */
function hanNgrams(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
      const chars = [...run];
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + n <= chars.length; i++) seen.add(chars.slice(i, i + n).join(''));
      }
    }
  }
  return [...seen];
}

/**
 * The built-in lexicon grown to `forms` surface forms with generated terms: distinct 2–4 character Han n-grams
 * of the seeds (Simplified and Traditional) not already a form or exclusion and without a function character
 * (`FUNCTION_CHARS`), drawn with a seeded PRNG. Drawn
 * uniformly over distinct n-grams, most are rare 3–4 character runs, so they occur in the articles about as
 * often as real domain terms do; the rest are common bigrams that make the text denser in hits. Returns the
 * built-in lexicon itself when it already has `forms` forms.
 */
export function lexiconWithForms(forms: number, base: Lexicon = builtinLexicon): Lexicon {
  const need = forms - formCount(base);
  if (need <= 0) return base;
  const taken = new Set(patternsOf(base));
  const texts = blockPool().flatMap((b) => b.lines);
  const candidates = hanNgrams(texts).filter((g) => !taken.has(g) && !FUNCTION_CHARS.test(g));
  if (candidates.length < need) throw new Error(`only ${candidates.length} candidate n-grams for ${need} generated terms`);
  const chosen = shuffle(candidates, prng(SEED ^ forms)).slice(0, need);
  const bi = (s: string) => ({ zh: s, en: s });
  const term = (form: string, i: number): LexiconTerm => ({ id: `bench-${i}`, label: bi(form), definition: bi('generated'), forms: [form] });
  const half = Math.ceil(chosen.length / 2);
  return {
    ...base,
    axes: [
      ...base.axes,
      {
        id: 'bench-generated', label: bi('generated'), definition: bi('generated terms for the benchmark'),
        poles: [
          { id: 'bench-a', label: bi('a'), definition: bi('a'), terms: chosen.slice(0, half).map(term) },
          { id: 'bench-b', label: bi('b'), definition: bi('b'), terms: chosen.slice(half).map((f, i) => term(f, half + i)) },
        ],
      },
    ],
  };
}

/** A size in bytes as people say it: 100 KB, 1 MB, 10 MB. */
export function sizeLabel(bytes: number): string {
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(bytes % MiB === 0 ? 0 : 1)} MB`;
  return `${Math.round(bytes / KiB)} KB`;
}
