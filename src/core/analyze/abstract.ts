import { type ProseBlock, sourceRange } from '../parse/proseBlock';
import type { GroupResult } from './group';
import type { AbstractBlock, TextRange } from './types';

const ABSTRACT = /^(?:摘\s*要|内容摘要|內容摘要|提要|Abstract)\s*[:：]?\s*/i;
const KEYWORDS = /^(?:关键词|關鍵詞|关键字|關鍵字|Key\s*words)\s*[:：]?\s*/i;

interface PlacedBlock {
  readonly base: number;
  readonly block: ProseBlock;
}

/**
 * Finds the abstract and keywords: a heading 摘要 / 关键词 followed by its text, or a paragraph that
 * starts with 摘要： / 关键词：. Only the first of each counts. Empty when the article has neither.
 */
export function findAbstract(results: readonly GroupResult[], groupStarts: Int32Array): AbstractBlock {
  const blocks = new LazyBlocks(results, groupStarts);
  let abstract: AbstractBlock['abstract'];
  let keywords: AbstractBlock['keywords'];
  for (let i = 0; !abstract || !keywords; i++) {
    const current = blocks.at(i);
    if (!current) break;
    const { block } = current;
    for (const [pattern, kind] of [[ABSTRACT, 'abstract'], [KEYWORDS, 'keywords']] as const) {
      if ((kind === 'abstract' ? abstract : keywords) !== undefined) continue;
      const m = pattern.exec(block.text);
      if (!m) continue;
      // A heading introduces the blocks after it; an inline label introduces the rest of its own paragraph.
      const body: PlacedBlock[] = [];
      let skip = 0;
      if (block.headingLevel !== undefined && m[0].length === block.text.trim().length) {
        for (let j = i + 1, next = blocks.at(j); next && next.block.headingLevel === undefined; next = blocks.at(++j)) body.push(next);
      } else if (m[0].length < block.text.length) {
        body.push(current);
        skip = m[0].length;
      } else continue;
      if (kind === 'abstract') abstract = joinBlocks(body, skip);
      else keywords = splitKeywords(body, skip);
    }
  }
  const result: { abstract?: AbstractBlock['abstract']; keywords?: AbstractBlock['keywords'] } = {};
  if (abstract) result.abstract = abstract;
  if (keywords && keywords.length > 0) result.keywords = keywords;
  return result as AbstractBlock;
}

/**
 * The blocks of all groups in order, gathered only as far as they are asked for: the abstract is near the top,
 * and copying every block of a 5 MB article on each analysis cost more than the search itself.
 */
class LazyBlocks {
  readonly #results: readonly GroupResult[];
  readonly #starts: Int32Array;
  readonly #blocks: PlacedBlock[] = [];
  #group = 0;

  constructor(results: readonly GroupResult[], starts: Int32Array) {
    this.#results = results;
    this.#starts = starts;
  }

  at(i: number): PlacedBlock | undefined {
    while (i >= this.#blocks.length && this.#group < this.#results.length) {
      const k = this.#group++;
      const base = this.#starts[k] ?? 0;
      for (const block of this.#results[k]?.blocks ?? []) this.#blocks.push({ base, block });
    }
    return this.#blocks[i];
  }
}

function joinBlocks(body: readonly PlacedBlock[], skip: number): (TextRange & { text: string }) | undefined {
  const first = body[0];
  const last = body[body.length - 1];
  if (!first || !last) return undefined;
  const text = body.map((b, i) => (i === 0 ? b.block.text.slice(skip) : b.block.text)).join('\n').trim();
  const start = first.base + sourceRange(first.block, skip, skip).start;
  return { start, end: last.base + last.block.end, text };
}

function splitKeywords(body: readonly PlacedBlock[], skip: number): (TextRange & { text: string })[] {
  const out: (TextRange & { text: string })[] = [];
  body.forEach(({ base, block }, i) => {
    const re = /[^,，、;；\s]+/g;
    re.lastIndex = i === 0 ? skip : 0;
    for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
      const range = sourceRange(block, m.index, m.index + m[0].length);
      out.push({ start: base + range.start, end: base + range.end, text: m[0] });
    }
  });
  return out;
}
