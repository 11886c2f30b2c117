import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { type ExportArticle, exportArticles } from '../../../src/core/export';
import { decode, request, seedArticle } from './articles';

/** The seed article's annotations as coder alice's (read from a.md.tension.alice.json). */
function alicesArticle(): ExportArticle {
  const article = seedArticle();
  if (!article.annotations) throw new Error('the seed article has annotations');
  return { ...article, annotations: { ...article.annotations, coder: 'alice' } };
}

function bytes(format: 'csv' | 'json' | 'w3c', article: ExportArticle): string {
  const result = exportArticles(request('annotations', format, [article]));
  assert.ok(result.ok);
  return decode(result.bytes);
}

describe('exports carry the coder', () => {
  it('CSV: a coder column, appended after the existing ones; empty for the single sidecar', () => {
    const rows = (text: string): Record<string, string>[] => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const coded = rows(bytes('csv', alicesArticle()));
    assert.ok(coded.length === 3 && coded.every((r) => r['coder'] === 'alice'));
    const header = bytes('csv', alicesArticle()).replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    assert.ok(header.endsWith(',state,coder'), header);
    assert.ok(rows(bytes('csv', seedArticle())).every((r) => r['coder'] === ''));
  });

  it('JSON: a coder field on each annotation when it has one', () => {
    const json = JSON.parse(bytes('json', alicesArticle())) as { files: { annotations: { coder?: string }[] }[] };
    assert.deepEqual(json.files[0]?.annotations.map((a) => a.coder), ['alice', 'alice', 'alice']);
    const single = JSON.parse(bytes('json', seedArticle())) as { files: { annotations: Record<string, unknown>[] }[] };
    assert.ok(single.files[0]?.annotations.every((a) => !('coder' in a)));
  });

  it('W3C: the coder as the annotation’s creator (a Person)', () => {
    const w3c = JSON.parse(bytes('w3c', alicesArticle())) as { first: { items: { creator?: { type: string; name: string } }[] } };
    assert.deepEqual(w3c.first.items.map((a) => a.creator), Array.from({ length: 3 }, () => ({ type: 'Person', name: 'alice' })));
  });
});
