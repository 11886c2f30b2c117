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

const words = fc.constantFrom('开源', '闭源商用', '基础研究', '商业化', '透明', '。', ',', '社区共建', 'AI', '1', '2025年', ' ', '#', '-', '>', '+', '1.', '2)', '=', '|');
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
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
      const source = lines.join('\n');
      const simple = lineBlocks(source);
      if (simple === undefined) return;
      answered++;
      assert.deepEqual(view(simple), view(remarkBlocks(source)), JSON.stringify(source));
    }), { numRuns: 10000 });
    assert.ok(answered > 500, `only ${answered} chunks were simple enough to check`);
  });

  it('leaves inline syntax, tabs and CR line ends to remark', () => {
    for (const s of ['开**源**', '`code`', '[链接](u)', '甲\t乙', '甲\r\n乙', 'a &amp; b']) assert.equal(lineBlocks(s), undefined, s);
  });
});
