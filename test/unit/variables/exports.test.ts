import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { validateXML } from 'xmllint-wasm';
import { QDE_NAMESPACE, exportArticles } from '../../../src/core/export';
import { articleOf, decode, request, root } from '../export/articles';

const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');

/** Two articles with variables (one lacks `author`, one has a `file` variable that clashes with a CSV column). */
function articles() {
  return [
    { ...articleOf('a.md', '开放与封闭之间。研究还是商业？'), variables: { source: '新华社', date: '2024-05-01', author: '张三' } },
    { ...articleOf('b.txt', '利润压倒了使命。'), variables: { source: '财新', date: '2023-11-02', file: 'x' } },
  ];
}

function csv(what: 'terms' | 'stats' | 'sites'): Record<string, string>[] {
  const result = exportArticles(request(what, 'csv', articles()));
  assert.ok(result.ok);
  return Papa.parse<Record<string, string>>(decode(result.bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('exports carry the document variables', () => {
  it('CSV: every table gets one more column per variable, after its own; a clashing name becomes var_NAME', () => {
    for (const what of ['terms', 'stats', 'sites'] as const) {
      const rows = csv(what);
      assert.ok(rows.length > 0, what);
      const keys = Object.keys(rows[0] ?? {});
      assert.deepEqual(keys.slice(-4), ['source', 'date', 'author', 'var_file'], what);
      for (const row of rows) {
        const file = row.file ?? '';
        assert.equal(row.source, file === 'a.md' ? '新华社' : '财新', `${what} ${file}`);
        assert.equal(row.author, file === 'a.md' ? '张三' : '');
        assert.equal(row.var_file, file === 'a.md' ? '' : 'x');
      }
    }
  });

  it('JSON: each file has its variables', () => {
    const result = exportArticles(request('report', 'json', articles()));
    assert.ok(result.ok);
    const doc = JSON.parse(decode(result.bytes)) as { files: { path: string; variables: Record<string, string> }[] };
    assert.deepEqual(doc.files.map((f) => [f.path, f.variables]), [
      ['a.md', { source: '新华社', date: '2024-05-01', author: '张三' }], ['b.txt', { source: '财新', date: '2023-11-02', file: 'x' }],
    ]);
  });

  it('REFI-QDA: project Variables (date typed Date) and each source\'s VariableValues, valid against the schema', async () => {
    const result = exportArticles(request('report', 'qdpx', articles()));
    assert.ok(result.ok);
    const xml = strFromU8(unzipSync(result.bytes)['project.qde'] ?? new Uint8Array());
    const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    assert.deepEqual(valid.errors.map((e) => e.rawMessage), []);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const all = (node: { getElementsByTagNameNS(ns: string, tag: string): ArrayLike<Element> }, tag: string): Element[] => Array.from(node.getElementsByTagNameNS(QDE_NAMESPACE, tag));
    const variables = all(doc, 'Variable').map((v) => [v.getAttribute('name'), v.getAttribute('typeOfVariable')]);
    assert.deepEqual(variables, [['source', 'Text'], ['date', 'Date'], ['author', 'Text'], ['file', 'Text']]);
    const guidName = new Map(all(doc, 'Variable').map((v) => [v.getAttribute('guid'), v.getAttribute('name')]));
    const valuesOf = (source: Element): string[][] => all(source, 'VariableValue').map((vv) => [
      guidName.get(all(vv, 'VariableRef')[0]?.getAttribute('targetGUID') ?? null) ?? '', (vv.lastChild as Element).localName ?? '', vv.lastChild?.textContent ?? '',
    ]);
    const [a, b] = all(doc, 'TextSource');
    assert.deepEqual(valuesOf(a ?? assert.fail()), [['source', 'TextValue', '新华社'], ['date', 'DateValue', '2024-05-01'], ['author', 'TextValue', '张三']]);
    assert.deepEqual(valuesOf(b ?? assert.fail()), [['source', 'TextValue', '财新'], ['date', 'DateValue', '2023-11-02'], ['file', 'TextValue', 'x']]);
  });

  it('articles without variables export as before: no extra CSV column, no Variables element', () => {
    const result = exportArticles(request('terms', 'csv', [articleOf('a.md', '开放与封闭。')]));
    assert.ok(result.ok);
    assert.match(decode(result.bytes), /^\uFEFFkind,file,line,column,start,end,text,axis,pole,term,tags,note,context,pinyin,negated,state,coder\r\n/);
    const q = exportArticles(request('report', 'qdpx', [articleOf('a.md', '开放与封闭。')]));
    assert.ok(q.ok);
    assert.doesNotMatch(strFromU8(unzipSync(q.bytes)['project.qde'] ?? new Uint8Array()), /<Variables>/);
  });
});

describe('Markdown export with a grouping', () => {
  it('adds the groups table, the crosstab with its chi-square line and, for a date period, the trend', () => {
    const result = exportArticles(request('report', 'md', articles(), { language: 'en', groupBy: { key: 'date', period: 'year' } }));
    assert.ok(result.ok);
    const md = decode(result.bytes);
    assert.match(md, /^## Groups by date:year$/m);
    const rows = md.split('\n').filter((l) => /^\| (2023|2024) \|/.test(l));
    // One article per year: 2023 is b.txt (利润, 使命), 2024 is a.md; the row gives articles, characters and terms.
    const b = articles()[1];
    assert.ok(b);
    assert.ok(rows[0]?.startsWith(`| 2023 | 1 | ${b.analysis.length} | ${b.analysis.counts.total} |`), rows[0]);
    assert.match(md, /^### Poles × values: observed hits \(adjusted residual\)$/m);
    assert.match(md, /Chi-square test of independence: χ² = [\d.]+, df = \d+|No chi-square test/);
    assert.match(md, /^### Trend per period/m);
    assert.match(md, /^\| 2023 ⚠ \| 1 \|/m);
    assert.match(md, /fewer than 3 articles/);
  });
  it('without a grouping the Markdown has no groups section', () => {
    const result = exportArticles(request('report', 'md', articles(), { language: 'en' }));
    assert.ok(result.ok);
    assert.doesNotMatch(decode(result.bytes), /Groups by/);
  });
});
