import assert from 'node:assert/strict';
import { EXPORT_FORMATS, EXPORT_WHATS, FORMATS_FOR, defaultFileName, defaultWhat, exportArticles } from '../../../src/core/export';
import { articleOf, request, seedArticle } from './articles';

describe('export formats', () => {
  it('every format holds the full report or something, and HTML is the report only', () => {
    for (const format of EXPORT_FORMATS) assert.ok(EXPORT_WHATS.some((w) => FORMATS_FOR[w].includes(format)), format);
    assert.deepEqual(EXPORT_WHATS.filter((w) => FORMATS_FOR[w].includes('html')), ['report']);
    assert.equal(defaultWhat('csv'), 'report');
    assert.equal(defaultWhat('qdpx'), 'report');
  });

  it('suggests <article>.<what>.<ext>, so a Markdown export never shadows the article', () => {
    assert.equal(defaultFileName('ai-lab.md', 'annotations', 'csv'), 'ai-lab.annotations.csv');
    assert.equal(defaultFileName('ai-lab.md', 'report', 'md'), 'ai-lab.report.md');
    assert.equal(defaultFileName('news.txt', 'report', 'w3c'), 'news.report.jsonld');
    assert.equal(defaultFileName('articles', 'terms', 'qdpx'), 'articles.terms.qdpx');
  });

  it('gives no bytes when there is nothing of what was asked, and refuses a what the format cannot hold', () => {
    const bare = articleOf('bare.md', '这一段只谈天气，没有任何张力词。');
    for (const what of ['annotations', 'terms', 'stats', 'sites', 'report'] as const) {
      assert.deepEqual(exportArticles(request(what, 'json', [bare])), { ok: false, reason: 'nothing' }, what);
    }
    assert.deepEqual(exportArticles(request('report', 'csv', [])), { ok: false, reason: 'nothing' });
    const noAnnotations = articleOf('a.md', '开源与闭源之争。');
    assert.deepEqual(exportArticles(request('annotations', 'csv', [noAnnotations])), { ok: false, reason: 'nothing' });
    assert.deepEqual(exportArticles(request('stats', 'w3c', [seedArticle()])), { ok: false, reason: 'unsupported' });
  });

  it('the same request gives the same bytes (fixed time in, name-based ids out)', () => {
    for (const format of EXPORT_FORMATS) {
      const a = exportArticles(request('report', format, [seedArticle()]));
      const b = exportArticles(request('report', format, [seedArticle()]));
      assert.ok(a.ok && b.ok);
      assert.deepEqual(a.bytes, b.bytes, format);
    }
  });
});
