import assert from 'node:assert/strict';
import { JSON_FORMAT, exportArticles } from '../../../src/core/export';
import { NOW, TRICKY_NOTE, articleOf, decode, request, seedArticle } from './articles';

interface JsonExport {
  format: string;
  version: number;
  what: string;
  created: string;
  generator: { name: string; version: string };
  axes: { id: string; poles: { id: string }[] }[];
  files: Record<string, unknown>[];
  totals?: { total: number };
  skipped: { path: string; message: string }[];
}

function exportJson(...args: Parameters<typeof request>): JsonExport {
  const result = exportArticles(request(...args));
  assert.ok(result.ok);
  const raw = decode(result.bytes);
  assert.ok(raw.endsWith('}\n'));
  return JSON.parse(raw) as JsonExport;
}

describe('JSON export', () => {
  it('says what it is, when and by what it was made, and which axes its ids refer to', () => {
    const json = exportJson('report', 'json', [seedArticle()]);
    assert.equal(json.format, JSON_FORMAT);
    assert.equal(json.version, 1);
    assert.equal(json.what, 'report');
    assert.equal(json.created, NOW);
    assert.deepEqual(json.generator, { name: 'Tension Lens', version: '9.9.9' });
    assert.deepEqual(json.axes.map((a) => a.id).slice(0, 2), ['open-closed', 'research-commercial']);
    assert.deepEqual(Object.keys(json.files[0] ?? {}), ['path', 'format', 'length', 'counts', 'topTerms', 'sections', 'tags', 'annotations', 'terms', 'sites']);
  });

  it('holds only the parts asked for, with the same fields as the CSV rows', () => {
    const annotations = exportJson('annotations', 'json', [seedArticle()]);
    const file = annotations.files[0] ?? {};
    assert.deepEqual(Object.keys(file), ['path', 'format', 'length', 'tags', 'annotations']);
    assert.equal(annotations.totals, undefined);
    const items = file['annotations'] as Record<string, unknown>[];
    const tricky = items.find((a) => a['text'] === '闭源商用路径');
    assert.equal(tricky?.['note'], TRICKY_NOTE);
    assert.deepEqual(tricky?.['tags'], [{ id: 'focus', label: '争议焦点', color: '#e5534b' }, { id: 'stance', label: '机构立场', color: '#57ab5a' }]);
    assert.equal(tricky?.['pinyin'], 'bì yuán shāng yòng lù jìng');
    assert.equal((file['tags'] as unknown[]).length, 3, 'the whole codebook, used or not');
    const terms = exportJson('terms', 'json', [seedArticle()]).files[0]?.['terms'] as Record<string, unknown>[];
    assert.equal(terms.length, seedArticle().analysis.hits.length);
    assert.deepEqual(Object.keys(terms[0] ?? {}), ['file', 'line', 'column', 'start', 'end', 'text', 'term', 'axis', 'pole', 'negated', 'context', 'pinyin']);
  });

  it('stats sum the counts over the files, as tension-lens stats does, and list the files left out', () => {
    const other = articleOf('b.txt', '开源与闭源之争，商业化还是基础研究。');
    const skipped = [{ path: 'broken.md.tension.json', message: 'invalid JSON' }];
    const json = exportJson('stats', 'json', [seedArticle(), other], { skipped });
    assert.equal(json.totals?.total, seedArticle().analysis.counts.total + other.analysis.counts.total);
    assert.deepEqual(json.skipped, skipped);
    assert.equal(json.files.length, 2);
  });
});
