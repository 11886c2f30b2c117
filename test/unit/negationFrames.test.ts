import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { analyze, builtinLexicon, compileLexicon, mergeLexicons, parseUserLexicon } from '../../src/core';
import { isNegated, negatorIndexOf } from '../../src/core/analyze/group';

/** Each hit of a one-line text as `form` or `!form` when negated. */
function marks(text: string): string[] {
  return analyze(text, 'plaintext', builtinLexicon).hits.map((h) => `${h.negated ? '!' : ''}${h.text}`);
}

describe('negation frames: negation that reaches past the character before the term', () => {
  it('而非 / 而不是 negate what follows in the clause, not past a comma', () => {
    assert.deepEqual(marks('董事会的初衷是把公共利益放在首位,而非单纯追求利润。'), ['初衷', '公共利益', '!追求利润']);
    assert.deepEqual(marks('他们选择开源,而不是走向封闭。'), ['开源', '!封闭']);
    assert.deepEqual(marks('选择开源而非走向封闭,也拥抱合作。'), ['开源', '!封闭', '合作']);
  });

  it('并非 negates what follows in the clause, not past a comma', () => {
    assert.deepEqual(marks('这一变革并非出于短期利益。'), ['!短期利益']);
    assert.deepEqual(marks('这并非全部,真正的问题是短期利益。'), ['短期利益']);
  });

  it('不是…而是 negates what stands between them, not what follows 而是', () => {
    assert.deepEqual(marks('他们看重的不是估值,而是使命。'), ['!估值', '使命']);
    assert.deepEqual(marks('这不是理想主义而是务实的选择。'), ['!理想主义', '务实']);
    assert.deepEqual(marks('他们看重的不是公司的估值,而是使命。'), ['!估值', '使命']);
    // Without 而是 in the clause only the character before counts, as before.
    assert.deepEqual(marks('这不是一个关于利润的问题。'), ['利润']);
  });

  it('不受…驱动/约束/限制 negates the term inside the frame', () => {
    assert.deepEqual(marks('构建不受产生财务回报需求限制的通用人工智能。'), ['!财务回报']);
    assert.deepEqual(marks('研究不受资本驱动。'), ['!资本驱动']);
    assert.deepEqual(marks('研究不受资本市场的短期情绪影响。'), ['!资本市场', '!短期']);
    // No closing word: 不受 alone is not a frame.
    assert.deepEqual(marks('不受欢迎的资本。'), ['资本']);
  });

  it('与其…不如 negates the dispreferred side only', () => {
    assert.deepEqual(marks('与其追逐短期回报,不如坚持长期主义。'), ['!短期回报', '长期主义']);
    assert.deepEqual(marks('与其追逐短期回报不如坚持长期主义。'), ['!短期回报', '长期主义']);
    // Not across the end of a sentence.
    assert.deepEqual(marks('与其追逐短期回报。不如坚持长期主义。'), ['短期回报', '长期主义']);
    // 与其他 is "with other": no 不如, no negation.
    assert.deepEqual(marks('与其他机构合作。'), ['合作']);
  });

  it('reaches no further than the frame says', () => {
    assert.deepEqual(marks('而非一二三四五六七八九十一二三四利润'), ['利润']);
    assert.deepEqual(marks('而非一二三四五六七八利润'), ['!利润']);
  });

  it('works on Traditional text as on Simplified', () => {
    for (const to of ['tw', 'hk', 't'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      assert.deepEqual(marks(convert('他们看重的不是估值,而是使命。')).map((m) => m.startsWith('!')), [true, false], to);
      assert.deepEqual(marks(convert('构建不受产生财务回报需求限制的通用人工智能。')).map((m) => m.startsWith('!')), [true], to);
    }
  });

  it('keeps the built-in frames when a user lexicon is merged, and takes the user lexicon’s own', () => {
    const { lexicon, problems } = parseUserLexicon('{ "version": 1, "negationFrames": [{ "starts": ["谈不上"], "reach": 6 }], "axes": [] }', 'user.json');
    assert.deepEqual(problems, []);
    const merged = mergeLexicons(builtinLexicon, lexicon ?? { version: 1, axes: [] });
    const negated = (text: string) => analyze(text, 'plaintext', merged).hits.map((h) => h.negated);
    assert.deepEqual(negated('他们看重的不是估值,而是使命。'), [true, false]);
    assert.deepEqual(negated('这谈不上开源。'), [true]);
    assert.ok(parseUserLexicon('{ "version": 1, "negationFrames": [{ "starts": [] }], "axes": [] }', 'bad.json').problems.length > 0);
  });
});

describe('negation frames: asked only near an opening word, the same answers as asking at every hit', () => {
  it('marks the same hits negated as asking negates() for each hit, on random texts of frames, terms and stops', () => {
    const lexicon = compileLexicon(builtinLexicon);
    const negators = negatorIndexOf(lexicon);
    // Opening and closing words of every frame, terms, negators, commas and sentence ends, and filler that pushes a
    // term past a frame's reach.
    const pieces = [
      '不是', '而是', '而非', '而不是', '并非', '並非', '并不是', '不受', '驱动', '约束', '与其', '不如', '倒不如',
      '开源', '封闭', '资本驱动', '公共利益', '短期利益', '追求利润', '合作', '不', '没有', '，', '。', '；', '、',
      '的', '这一', '我们', '选择', '一二三四五六七八九十',
    ];
    let seed = 42;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let negatedByFrame = 0;
    for (let t = 0; t < 1500; t++) {
      let text = '';
      const n = 2 + Math.floor(random() * 24);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
      // One line, no blank line: one plain-text block whose visible text is the text itself.
      const hits = analyze(text, 'plaintext', lexicon).hits;
      for (const hit of hits) {
        const byFrame = lexicon.negationFrames.negates(text, hit.start, hit.end);
        if (byFrame && !isNegated(text, hit.start, negators)) negatedByFrame++;
        assert.equal(hit.negated, isNegated(text, hit.start, negators) || byFrame, `${text} @${hit.start} ${hit.text}`);
      }
    }
    assert.ok(negatedByFrame > 200, `frames negated only ${negatedByFrame} hits: the texts do not exercise them`);
  });
});
