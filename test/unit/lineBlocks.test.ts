import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineBlocks } from '../../src/core/parse/lineBlocks';
import { remarkBlocks } from '../../src/core/parse/markdown';
import { sourceOffset } from '../../src/core/parse/proseBlock';

/** A block as the analysis sees it: visible text, where each visible character comes from, and heading level. */
function view(blocks: ReturnType<typeof remarkBlocks>) {
  return blocks.map((b) => ({
    text: b.text, start: b.start, end: b.end, level: b.headingLevel,
    map: Array.from({ length: b.text.length + 1 }, (_, k) => sourceOffset(b, k)),
  }));
}

// Emphasis pieces too: pairs lineBlocks reads itself (**开源**, *透明*) and the near misses it must leave to remark
// (**“开源”** is not bold in CommonMark, a lone or tripled *, a * bullet).
const words = fc.constantFrom(
  '开源', '闭源商用', '基础研究', '商业化', '透明', '。', ',', '社区共建', 'AI', '1', '2025年', ' ', '#', '-', '>', '+', '1.', '2)', '=', '|',
  '**开源**', '*透明*', '**商业化**', '**', '*', '***', '* ', '**“开源”**', '“', '”', 'a', '𠀀',
);
const content = fc.array(words, { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
const line = fc.oneof(
  content,
  content.map((c) => `# ${c}`), content.map((c) => `### ${c}`), content.map((c) => `- ${c}`), content.map((c) => `+ ${c}`),
  content.map((c) => `1. ${c}`), content.map((c) => `3. ${c}`), content.map((c) => `> ${c}`), content.map((c) => `>${c}`),
  fc.constant(''), fc.constant('>'),
);

describe('lineBlocks: simple Markdown lines without remark', () => {
  it('agrees with remark wherever it answers, on thousands of generated chunks', () => {
    let answered = 0;
    let withEmphasis = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
      const source = lines.join('\n');
      const simple = lineBlocks(source);
      if (simple === undefined) return;
      answered++;
      if (source.includes('*')) withEmphasis++;
      assert.deepEqual(view(simple), view(remarkBlocks(source)), JSON.stringify(source));
    }), { numRuns: 10000 });
    assert.ok(answered > 500, `only ${answered} chunks were simple enough to check`);
    assert.ok(withEmphasis > 200, `only ${withEmphasis} of them had emphasis`);
  });

  it('agrees with remark on generated lines full of emphasis and near misses', () => {
    const piece = fc.constantFrom('开源', '透明', '。', '“', '”', '，', 'a', '1', ' ', '*', '**', '***', '**开源**', '*透明*', '**商业**化', '𠀀');
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    const emphasisLine = fc.oneof(text, text.map((t) => `- ${t}`), text.map((t) => `> ${t}`), text.map((t) => `## ${t}`), fc.constant(''));
    let answered = 0;
    fc.assert(fc.property(fc.array(emphasisLine, { minLength: 1, maxLength: 5 }), (lines) => {
      const source = lines.join('\n');
      const simple = lineBlocks(source);
      if (simple === undefined || !source.includes('*')) return;
      answered++;
      assert.deepEqual(view(simple), view(remarkBlocks(source)), JSON.stringify(source));
    }), { numRuns: 10000 });
    assert.ok(answered > 500, `only ${answered} chunks with emphasis were simple enough to check`);
  });

  it('leaves other inline syntax, emphasis it cannot be sure of, tabs and CR line ends to remark', () => {
    for (const s of ['`code`', '[链接](u)', '甲\t乙', '甲\r\n乙', 'a &amp; b', '**“开源”**是', '* 列表', '***开源***', '开**源', '**开源*', '**𠀀**']) {
      assert.equal(lineBlocks(s), undefined, s);
    }
  });

  it('reads *em* and **strong** around Han characters as remark does, in paragraphs, headings, items and quotes', () => {
    for (const s of [
      '开**源**', '坚持**开源**而非*闭源*。', '**开源**\n续行**透明**', '第一行\n**开源**', '## **开源**与闭源', '- **开源**项目\n懒续行',
      '> 引文**开源**\n> 第二行', '**开**源**放**', '*开*源',
    ]) {
      const simple = lineBlocks(s);
      assert.ok(simple, `lineBlocks should read ${JSON.stringify(s)}`);
      assert.deepEqual(view(simple), view(remarkBlocks(s)), JSON.stringify(s));
    }
  });
});
