import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { ITEM_COLUMNS, SITE_COLUMNS, STATS_COLUMNS, exportArticles } from '../../../src/core/export';
import { TRICKY_NOTE, annotate, articleOf, decode, request, seedArticle, seedText } from './articles';

/** Exports and parses the CSV back with papaparse, as a spreadsheet import would: header row, every cell a string. */
function exportCsv(...args: Parameters<typeof request>): { raw: string; rows: Record<string, string>[]; fields: string[] } {
  const result = exportArticles(request(...args));
  assert.ok(result.ok, 'something to export');
  const raw = decode(result.bytes);
  const parsed = Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return { raw, rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and has CRLF rows, so Excel opens it as UTF-8 with the Chinese intact', () => {
    const result = exportArticles(request('annotations', 'csv', [seedArticle()]));
    assert.ok(result.ok);
    assert.deepEqual([...result.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { raw } = exportCsv('annotations', 'csv', [seedArticle()]);
    assert.match(raw, /^\uFEFFkind,file,line,column,start,end,text,axis,pole,term,tags,note,context,pinyin,negated,state,coder\r\n/);
    assert.ok(raw.includes('闭源商用路径'));
  });

  it('round-trips notes with commas, quotes and line breaks, and tags, pinyin and context per annotation', () => {
    const { rows, fields } = exportCsv('annotations', 'csv', [seedArticle()]);
    assert.deepEqual(fields, [...ITEM_COLUMNS]);
    assert.equal(rows.length, 3);
    const row = rows.find((r) => r['text'] === '闭源商用路径');
    assert.ok(row);
    assert.equal(row['note'], TRICKY_NOTE);
    assert.equal(row['tags'], '争议焦点; 机构立场');
    assert.equal(row['pinyin'], 'bì yuán shāng yòng lù jìng');
    assert.equal(row['kind'], 'annotation');
    assert.equal(row['state'], 'exact');
    assert.ok(row['context']?.includes('闭源商用路径'), 'the sentence it sits in');
    // start/end are UTF-16 offsets into the article; line/column are 1-based, as the editor shows them.
    const start = Number(row['start']);
    assert.equal(seedText.slice(start, Number(row['end'])), '闭源商用路径');
    const before = seedText.slice(0, start).split('\n');
    assert.equal(Number(row['line']), before.length);
    assert.equal(Number(row['column']), (before.at(-1)?.length ?? 0) + 1);
    assert.equal(rows.find((r) => r['text'] === '商业化')?.['tags'], '');
  });

  it('the report holds the annotations and one row per term occurrence, marked by kind', () => {
    const article = seedArticle();
    const { rows } = exportCsv('report', 'csv', [article]);
    const terms = rows.filter((r) => r['kind'] === 'term');
    assert.equal(rows.filter((r) => r['kind'] === 'annotation').length, 3);
    assert.equal(terms.length, article.analysis.hits.length);
    const first = terms[0];
    const hit = article.analysis.hits[0];
    assert.ok(first && hit);
    assert.deepEqual([first['text'], first['axis'], first['pole'], first['term'], first['negated']], [hit.text, hit.axis, hit.pole, hit.term, String(hit.negated)]);
    assert.ok(terms.every((t) => t['pinyin'] !== ''), 'every term row has pinyin');
  });

  it('stats and sites have tables of their own', () => {
    const stats = exportCsv('stats', 'csv', [seedArticle()]);
    assert.deepEqual(stats.fields, [...STATS_COLUMNS]);
    const total = stats.rows.reduce((n, r) => n + Number(r['count']), 0);
    assert.equal(total, seedArticle().analysis.counts.total);
    assert.ok(stats.rows.some((r) => r['term'] === 'open-source' && r['poleLabel'] === '开放' && r['pinyin'] === 'kāi yuán'));
    const sites = exportCsv('sites', 'csv', [seedArticle()]);
    assert.deepEqual(sites.fields, [...SITE_COLUMNS]);
    assert.equal(sites.rows.length, seedArticle().analysis.sites.length);
    assert.ok(sites.rows.some((r) => r['termsA']?.includes('开源') && r['termsB']?.includes('闭源商用') && r['markers'] === '而'));
  });

  it('never lets a cell start a spreadsheet formula', () => {
    const text = '开源还是闭源，这是问题。';
    const article = articleOf('f.md', text, [annotate(text, '开源', 'x', [], '=HYPERLINK("http://example.com")')]);
    const { rows } = exportCsv('annotations', 'csv', [article]);
    assert.equal(rows[0]?.['note'], `'=HYPERLINK("http://example.com")`);
  });

  it('guards every cell that starts with = + - @ tab or CR, line breaks after it included', () => {
    const text = '开源还是闭源，这是问题。\n- 开放原则\n第二行';
    const notes = ['=SUM(1,2) …\n第二行', '+1\r\n2', '@x\ny', '\tz\nw', '\r开头', '-'];
    const article = articleOf('f.md', text, notes.map((note, i) => annotate(text, '开源', `id${i}`, [], note)));
    const { rows } = exportCsv('annotations', 'csv', [article]);
    assert.deepEqual(rows.map((r) => r['note']), notes.map((n) => `'${n}`));
    // A multi-line selection starting with "- " is a cell too.
    const quoted = articleOf('g.md', text, [annotate(text, '- 开放原则\n第二行', 'q', [])]);
    assert.equal(exportCsv('annotations', 'csv', [quoted]).rows[0]?.['text'], "'- 开放原则 第二行".replace(' 第二行', '\n第二行'));
  });
});
