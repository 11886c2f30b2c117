import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Analysis, Analyzer, analyze, stripBom } from '../../src/core';
import { testLexicon } from './helpers/testLexicon';
import { tablesOf } from '../../src/core/analyze/articleAnalysis';

const run = (text: string, format: 'markdown' | 'plaintext' = 'markdown') => analyze(text, format, testLexicon);
const found = (text: string, format: 'markdown' | 'plaintext' = 'markdown') =>
  run(text, format).hits.map((h) => `${h.text}:${h.pole}@${h.start}-${h.end}${h.negated ? '!' : ''}`);

describe('analyze: terms', () => {
  it('finds terms with their axis and pole, leftmost-longest', () => {
    const a = run('坚持开放原则,拒绝闭源商用。');
    assert.deepEqual(a.hits.map((h) => [h.text, h.term, h.axis, h.pole]), [
      ['开放原则', 'open-principle', 'open-closed', 'open'],
      ['闭源商用', 'closed-commercial', 'open-closed', 'closed'],
    ]);
  });

  it('never reads 非营利 as profit through its inner 营利', () => {
    assert.deepEqual(found('从非营利到营利'), ['非营利:mission@1-4', '营利:profit@5-7']);
  });

  it('applies exclusions written as data: 公开信 and 公开表示 are not open, 公开 alone is', () => {
    assert.deepEqual(found('一封公开信。他公开表示。公开透明。'), ['公开:open@12-14']);
  });

  it('marks a term right after a negator as negated, and keeps its pole', () => {
    assert.deepEqual(found('不开放;未开源;拒绝闭源;开源'), ['开放:open@1-3!', '开源:open@5-7!', '闭源:closed@10-12!', '开源:open@13-15']);
  });

  it('finds nothing in empty, one-character and term-free texts', () => {
    assert.equal(run('').hits.length, 0);
    assert.equal(run('开').hits.length, 0);
    assert.equal(run('hello world', 'plaintext').hits.length, 0);
  });

  it('finds Traditional forms the lexicon lists', () => {
    assert.deepEqual(found('開源與閉源', 'plaintext'), ['開源:open@0-2', '閉源:closed@3-5']);
  });
});

describe('analyze: ranges are UTF-16 offsets into the text as the editor holds it', () => {
  it('counts CRLF line ends in offsets and lines', () => {
    const text = '第一行\r\n\r\n开源在第三行\r\n闭源';
    const a = run(text, 'plaintext');
    assert.deepEqual(a.hits.map((h) => [h.start, h.end, h.line, h.character]), [[7, 9, 2, 0], [15, 17, 3, 0]]);
    for (const h of a.hits) assert.equal(text.slice(h.start, h.end), h.text);
  });

  it('counts characters outside the BMP (emoji, CJK Extension B) as two code units', () => {
    const text = '😀𠀀开源 and 🎉闭源';
    for (const format of ['markdown', 'plaintext'] as const) {
      const a = run(text, format);
      assert.deepEqual(a.hits.map((h) => [h.start, h.character]), [[4, 4], [13, 13]], format);
      for (const h of a.hits) assert.equal(text.slice(h.start, h.end), h.text);
    }
  });

  it('leaves the BOM out: offsets after stripBom are the editor offsets', () => {
    const a = run(stripBom('\uFEFF开源'));
    assert.deepEqual([a.hits[0]?.start, a.hits[0]?.end], [0, 2]);
  });

  it('treats a lone CR as a line break, as VS Code does', () => {
    const a = run('甲\r开源', 'plaintext');
    assert.deepEqual([a.hits[0]?.line, a.hits[0]?.character], [1, 0]);
  });
});

describe('analyze: Markdown', () => {
  it('never scans code blocks, inline code, raw HTML (tags and blocks), link destinations or front matter', () => {
    const text = [
      '---', 'title: 开源', '---', '', '正文开源。', '', '```', '闭源', '```', '', '    闭源缩进代码', '',
      '`闭源` 与 <span title="闭源">资本</span> 和 [链接](https://x.test/开源)', '', '<div>', '闭源', '</div>', '',
      '<!--', '', '闭源', '', '-->', '', '[开源]: https://x.test/闭源',
    ].join('\n');
    const a = run(text);
    // The text between inline tags is what a reader sees, so 资本 counts; the tag's attribute does not.
    assert.deepEqual(a.hits.map((h) => h.text), ['开源', '资本']);
    for (const h of a.hits) assert.equal(text.slice(h.start, h.end), h.text);
  });

  it('finds a term split by inline markup, covering the visible characters', () => {
    const text = '坚持开**放**原则';
    const a = run(text);
    assert.equal(a.hits[0]?.term, 'open-principle');
    assert.equal(a.hits[0]?.text, '开放原则');
    assert.deepEqual([a.hits[0]?.start, a.hits[0]?.end], [2, text.length]);
  });

  it('finds a term inside link text but never in its URL', () => {
    const text = '见[开源](https://example.com/闭源)项目';
    const a = run(text);
    assert.deepEqual(a.hits.map((h) => [h.text, text.slice(h.start, h.end)]), [['开源', '开源']]);
  });

  it('does not join a term across inline code', () => {
    assert.deepEqual(run('开`x`源').hits, []);
  });

  it('reads headings, blockquotes and lists', () => {
    const a = run('# 开源\n\n> 闭源商用\n\n- 非营利\n- 资本');
    assert.deepEqual(a.hits.map((h) => h.text), ['开源', '闭源商用', '非营利', '资本']);
  });

  it('skips a fenced block that contains blank lines', () => {
    assert.deepEqual(run('开源\n\n```\n闭源\n\n闭源\n```\n\n资本').hits.map((h) => h.text), ['开源', '资本']);
  });
});

describe('analyze: sentences, sections, sites', () => {
  it('splits sentences on 。！？；!?… and blank lines, keeping closing quotes', () => {
    const text = '他说:“开源。”然后呢？好的!\n\n新段落……最后';
    const a = run(text, 'plaintext');
    assert.deepEqual(a.sentences.map((s) => text.slice(s.start, s.end)), ['他说:“开源。”', '然后呢？', '好的!', '新段落……', '最后']);
  });

  it('finds a tension site where both poles of an axis meet, with its contrast markers', () => {
    const text = '专家强调开源,而机构转向闭源商用。资本无处不在。';
    const a = run(text, 'plaintext');
    assert.equal(a.sites.length, 1);
    const site = a.sites[0];
    assert.equal(site?.axis, 'open-closed');
    assert.equal(site?.text, '专家强调开源,而机构转向闭源商用。');
    assert.deepEqual(site?.markers.map((m) => m.text), ['而']);
    assert.deepEqual(site?.poleA.map((i) => a.hits[i]?.text), ['开源']);
    assert.deepEqual(site?.poleB.map((i) => a.hits[i]?.text), ['闭源商用']);
  });

  it('does not take 从而 for a contrast marker', () => {
    const a = run('开源,从而闭源。', 'plaintext');
    assert.deepEqual(a.sites[0]?.markers, []);
  });

  it('builds Markdown sections from headings, with a level-0 lead when text precedes them', () => {
    const text = '标题行\n## 一、背景\n开源。\n### 1.1 细节\n闭源。\n## 二、总结\n完。';
    const a = run(text);
    assert.deepEqual(a.sections.map((s) => [s.level, s.title, text.slice(s.start, s.end).split('\n')[0]]), [
      [0, '标题行', '标题行'], [2, '一、背景', '## 一、背景'], [3, '1.1 细节', '### 1.1 细节'], [2, '二、总结', '## 二、总结'],
    ]);
    assert.equal(a.sections.at(-1)?.end, text.length);
  });

  it('builds plain-text sections from the title line and Chinese numbered headings', () => {
    const text = '文章标题\n\n导语。\n\n一、第一部分\n\n正文开源。\n\n1. 小节\n\n正文。\n\n结语:收尾\n\n完。';
    const a = run(text, 'plaintext');
    assert.deepEqual(a.sections.map((s) => [s.level, s.title]), [[1, '文章标题'], [2, '一、第一部分'], [3, '1. 小节'], [2, '结语:收尾']]);
  });

  it('finds the abstract and keywords under 摘要 / 关键词 headings, and inline labels', () => {
    const md = run('标题\n> ### 摘要\n> 这是摘要,开源。\n> ### 关键词\n> AI,开放原则、资本\n## 正文\n内容');
    assert.equal(md.abstract.abstract?.text, '这是摘要,开源。');
    assert.deepEqual(md.abstract.keywords?.map((k) => k.text), ['AI', '开放原则', '资本']);
    const txt = 'T\n\n摘要：这是一段摘要。\n\n關鍵詞：開源；閉源';
    const t = run(txt, 'plaintext');
    assert.equal(t.abstract.abstract?.text, '这是一段摘要。');
    assert.deepEqual(t.abstract.keywords?.map((k) => [k.text, txt.slice(k.start, k.end)]), [['開源', '開源'], ['閉源', '閉源']]);
  });

  it('counts every axis and pole, zero when unseen', () => {
    const a = run('开源开源闭源', 'plaintext');
    assert.deepEqual(a.counts.axes['open-closed'], { total: 3, poles: { open: 2, closed: 1 } });
    assert.deepEqual(a.counts.axes['mission-profit'], { total: 0, poles: { mission: 0, profit: 0 } });
    assert.equal(a.counts.terms['open-source'], 2);
  });
});

/** Everything an analysis says, the lazily built parts included, as plain data to compare. */
function snapshot(a: Analysis) {
  return {
    format: a.format, length: a.length, hits: a.hits, sentences: a.sentences, sites: a.sites, sections: a.sections, counts: a.counts,
    abstract: a.abstract, tables: tablesOf(a),
    hitAt: a.hits.map((_, i) => a.hitAt(i)), hitIndexAt: a.hits.map((h) => [a.hitIndexAt(h.start), a.hitIndexAt(h.end - 1), a.hitIndexAt(h.end)]),
  };
}

describe('Analysis: lookups in the tables', () => {
  it('hitIndexAt and hitAt agree with a linear search of hits at every offset', () => {
    const text = '开源与闭源。\n\n**开**源,非营利与资本。不开放。';
    const a = run(text);
    assert.ok(a.hits.length >= 5);
    for (let o = -1; o <= text.length + 1; o++) {
      const linear = a.hits.findIndex((h) => h.start <= o && o < h.end);
      assert.equal(a.hitIndexAt(o), linear, `offset ${o}`);
      assert.deepEqual(a.hitAt(linear), linear === -1 ? undefined : a.hits[linear]);
    }
  });
});

describe('Analysis: queries (what the extension asks instead of reading the tables)', () => {
  const text = '# 标题\n\n我们坚持开源,而非闭源商用。\n资本与使命:**开**源不等于开放。\n\n不开放,开源,开源!\n基础研究与商业化。';
  const a = run(text);

  it('forEachHit visits every hit, or those on a span of lines, with the same fields as the hit objects', () => {
    assert.ok(a.hits.length >= 6);
    const seen: object[] = [];
    a.forEachHit((h) => seen.push({ index: h.index, start: h.start, end: h.end, line: h.line, character: h.character, term: h.term.term.id, text: h.form, negated: h.negated, plain: h.plain }));
    assert.deepEqual(seen, a.hits.map((h, index) => ({ index, start: h.start, end: h.end, line: h.line, character: h.character, term: h.term, text: h.text, negated: h.negated, plain: h.end - h.start === h.text.length })));
    for (let from = 0; from < 8; from++) {
      for (let to = from; to < 8; to++) {
        const indices: number[] = [];
        a.forEachHit((h) => indices.push(h.index), { from, to });
        assert.deepEqual(indices, a.hits.flatMap((h, i) => (h.line >= from && h.line <= to ? [i] : [])), `lines ${from}–${to}`);
      }
    }
    assert.equal(a.hitCount, a.hits.length);
    assert.ok(a.hits.some((h) => h.end - h.start !== h.text.length), 'a term split by markup is in the text');
  });

  it('forEachSite, sitesAt and siteCount agree with the site objects', () => {
    assert.ok(a.sites.length > 0);
    assert.equal(a.siteCount, a.sites.length);
    const seen: object[] = [];
    a.forEachSite((s) => seen.push({ start: s.start, end: s.end, line: s.line, axis: s.axis.id }));
    assert.deepEqual(seen, a.sites.map((s) => ({ start: s.start, end: s.end, line: s.line, axis: s.axis })));
    for (let o = -1; o <= text.length; o++) assert.deepEqual(a.sitesAt(o), a.sites.filter((s) => s.start <= o && o < s.end), `offset ${o}`);
  });

  it('hitAtOffset, hitsOfTerm, sentenceAt and formCountsOfPole agree with linear searches', () => {
    for (let o = -1; o <= text.length; o++) {
      assert.deepEqual(a.hitAtOffset(o), a.hits.find((h) => h.start <= o && o < h.end), `hit at ${o}`);
      const sentence = a.sentences.find((s) => s.start <= o && o <= s.end);
      assert.deepEqual(a.sentenceAt(o), sentence && { start: sentence.start, end: sentence.end }, `sentence at ${o}`);
    }
    for (const term of new Set(a.hits.map((h) => h.term))) assert.deepEqual(a.hitsOfTerm(term), a.hits.filter((h) => h.term === term), term);
    assert.deepEqual(a.hitsOfTerm('no-such-term'), []);
    const open = new Map<string, number>();
    for (const h of a.hits) if (h.pole === 'open') open.set(h.text, (open.get(h.text) ?? 0) + 1);
    assert.deepEqual(a.formCountsOfPole('open'), [...open].map(([t, count]) => ({ text: t, count })).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text)));
  });
});

describe('Analyzer: re-analysis after edits', () => {
  it('gives the same result as a fresh analysis, re-using unchanged chunks', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i}段:坚持开源,而非闭源商用。资本${i}。`);
    const analyzer = new Analyzer(testLexicon);
    let text = paragraphs.join('\n\n');
    for (const format of ['markdown', 'plaintext'] as const) {
      analyzer.analyze(text, format);
      for (let edit = 0; edit < 20; edit++) {
        const at = (edit * 7919) % text.length;
        text = edit % 3 === 0 ? text.slice(0, at) + '开源' + text.slice(at) : edit % 3 === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + '\n\n' + text.slice(at);
        assert.deepEqual(snapshot(analyzer.analyze(text, format)), snapshot(analyze(text, format, testLexicon)), `${format} edit ${edit}`);
      }
    }
  });

  it('gives the same result as a fresh analysis after any sequence of edits (property)', () => {
    // Pieces that move chunk boundaries, lines and columns: blank lines, CR and CRLF, headings, quotes, fences,
    // terms on both poles, and text without a line end (the tail then starts mid-line).
    const piece = fc.constantFrom(
      '开源', '闭源商用', '非营利', '资本', '而', '。', '，', '\n', '\n\n', '\r\n', '\r', '# ', '## 摘要\n', '> ', '- ', '```\n', '摘要：', '关键词：开源、资本', 'x', '𠀀',
    );
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom('markdown' as const, 'plaintext' as const), (start, edits, format) => {
        const analyzer = new Analyzer(testLexicon);
        let current = start;
        analyzer.analyze(current, format);
        for (const e of edits) {
          const at = current.length === 0 ? 0 : e.at % (current.length + 1);
          current = current.slice(0, at) + e.insert + current.slice(at + e.remove);
          assert.deepEqual(snapshot(analyzer.analyze(current, format)), snapshot(analyze(current, format, testLexicon)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
