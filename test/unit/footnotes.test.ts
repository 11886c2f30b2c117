// Markdown footnote definitions (`[^1]: …`) are prose a reader reads: their terms count, at their place in the source.
import assert from 'node:assert/strict';
import { analyze, builtinLexicon } from '../../src/core';

describe('Markdown footnote definitions', () => {
  it('are analysed as prose, with hits at their source offsets', () => {
    const text = '# 标题\n\n正文说到这里。[^1]\n\n[^1]: 开源与闭源之争。\n[^note]: 见 **商业化** 一节\n';
    const analysis = analyze(text, 'markdown', builtinLexicon);
    const found = analysis.hits.map((h) => text.slice(h.start, h.end));
    assert.ok(found.includes('开源') && found.includes('闭源'), found.join(' '));
    assert.ok(found.includes('商业化'), found.join(' '));
    for (const hit of analysis.hits) assert.equal(text.slice(hit.start, hit.end), hit.text);
    const alone = '[^1]: 开源与闭源之争。\n';
    assert.deepEqual(analyze(alone, 'markdown', builtinLexicon).hits.map((h) => [h.text, alone.indexOf(h.text) === h.start]), [['开源', true], ['闭源', true]]);
  });

  it('a link reference definition stays invisible', () => {
    const text = '正文。\n\n[开源]: https://example.com/开源\n';
    assert.deepEqual(analyze(text, 'markdown', builtinLexicon).hits.map((h) => h.text), []);
  });
});
