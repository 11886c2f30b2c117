import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TensionCounts } from '../../../src/core';
import {
  crosstab, groupArticles, groupValue, mergeGroups, mergeVariables, parseGroupBy, readFrontMatter, readVariableTable, setTableValue, summariseGroup, trendOf,
} from '../../../src/core/variables';

const AXES = [
  { id: 'openness', poles: [{ id: 'open' }, { id: 'closed' }] },
  { id: 'rc', poles: [{ id: 'research' }, { id: 'commercial' }] },
] as const;

function counts(open: number, closed: number, research = 0, commercial = 0): TensionCounts {
  return {
    total: open + closed + research + commercial,
    axes: { openness: { total: open + closed, poles: { open, closed } }, rc: { total: research + commercial, poles: { research, commercial } } },
    terms: { kaifang: open, fengbi: closed, yanjiu: research, shangye: commercial },
  };
}

describe('variables: front matter', () => {
  it('reads every key, Chinese dates as ISO, CRLF and lists', () => {
    const text = '---\r\ntitle: 开放的代价\r\nsource: 新华社\r\ndate: 2024年5月1日\r\nregion: 大陆\r\ntags: [AI, 开源]\r\nn: 3\r\n---\r\n正文开放。';
    const read = readFrontMatter(text, 'a.md');
    assert.deepEqual(read.variables, { title: '开放的代价', source: '新华社', date: '2024-05-01', region: '大陆', tags: 'AI, 开源', n: '3' });
    assert.deepEqual(read.problems, []);
  });
  it('reads the importer\'s keys (title, source, url, author, date, imported, original) as they are written', () => {
    const text = '---\ntitle: "标题: 副标题"\nsource: 财新\nurl: https://example.com/a?b=1\nauthor: 王五\ndate: 2023-11-02\nimported: 2026-11-29T15:00:00Z\noriginal: a.html\n---\n';
    assert.deepEqual(readFrontMatter(text, 'a.md').variables, {
      title: '标题: 副标题', source: '财新', url: 'https://example.com/a?b=1', author: '王五', date: '2023-11-02', imported: '2026-11-29', original: 'a.html',
    });
  });
  it('reports a bad date at its line and column and keeps the other variables', () => {
    const read = readFrontMatter('---\nsource: 人民日报\ndate: 2024-02-30\nauthor: 李四\n---\n', 'b.md');
    assert.deepEqual(read.variables, { source: '人民日报', author: '李四' });
    assert.deepEqual(read.problems.map((p) => [p.file, p.line, p.column]), [['b.md', 3, 7]]);
    assert.match(read.problems[0]?.message ?? '', /not a date.*2024-05-01/);
  });
  it('reads the good lines of front matter that is not valid YAML, and reports the bad line', () => {
    const read = readFrontMatter('---\nsource: 人民日报\nbroken: [a, b\ndate: 2024/5/1\n---\n', 'c.md');
    assert.deepEqual(read.variables, { source: '人民日报', date: '2024-05-01' });
    assert.deepEqual(read.problems.map((p) => p.line), [3]);
  });
  it('reports a nested mapping, and finds nothing when there is no front matter', () => {
    const read = readFrontMatter('---\nmeta:\n  a: 1\nsource: x\n---\n', 'd.md');
    assert.deepEqual(read.variables, { source: 'x' });
    assert.deepEqual(read.problems.map((p) => [p.line, p.column]), [[2, 1]]);
    assert.deepEqual(readFrontMatter('正文\n---\nsource: x\n---\n', 'e.md'), { variables: {}, problems: [] });
  });
});

describe('variables: tension-variables.csv', () => {
  const csv = '\uFEFFpath,source,date\r\n' +
    'a.md,新华社,2024/5/1\r\n' +
    '"sub\\b.md","人民, 日报",2024-13-01\r\n' +
    '\r\n' +
    './c.txt,财新,2023年1月,extra\r\n' +
    'a.md,again,\r\n';
  const table = readVariableTable(csv, 'tension-variables.csv');
  it('reads a table saved by Excel (BOM, CRLF, quoted commas), paths with / and without ./', () => {
    assert.deepEqual(table.columns, ['source', 'date']);
    assert.deepEqual([...table.rows.keys()], ['a.md', 'sub/b.md', 'c.txt']);
    assert.deepEqual(table.rows.get('a.md')?.variables, { source: '新华社', date: '2024-05-01' });
    assert.deepEqual(table.rows.get('c.txt')?.variables, { source: '财新', date: '2023-01' });
  });
  it('reports bad values with line and column; the row keeps its other variables', () => {
    assert.deepEqual(table.rows.get('sub/b.md')?.variables, { source: '人民, 日报' });
    assert.deepEqual(table.problems.map((p) => [p.line, p.column]), [[3, 3], [5, 4], [6, 1]]);
    assert.match(table.problems[2]?.message ?? '', /listed again \(first on line 2\)/);
    assert.equal(table.malformed, false);
  });
  it('marks an unclosed quote as malformed (so the dashboard never writes over it)', () => {
    assert.equal(readVariableTable('path,source\na.md,"open\n', 'x.csv').malformed, true);
  });
  it('the table overrides front matter, value by value', () => {
    assert.deepEqual(mergeVariables({ source: 'A', author: '王' }, { source: 'B' }), { source: 'B', author: '王' });
  });
});

describe('variables: grouping', () => {
  const articles = [
    { characters: 1000, counts: counts(3, 1), variables: { source: 'A', date: '2023-02-10' } },
    { characters: 3000, counts: counts(1, 5, 2, 0), variables: { source: 'B', date: '2023-05-01' } },
    { characters: 2000, counts: counts(4, 0), variables: { source: 'A', date: '2024-12-31' } },
    { characters: 500, counts: counts(0, 1), variables: {} },
  ];
  it('parses --by specs', () => {
    assert.deepEqual(parseGroupBy('date:quarter'), { key: 'date', period: 'quarter' });
    assert.deepEqual(parseGroupBy('source'), { key: 'source' });
    assert.deepEqual(parseGroupBy('a:b'), { key: 'a:b' });
    assert.ok('error' in parseGroupBy(':year'));
  });
  it('puts dates into years, quarters and months; a date less precise than the period has no group', () => {
    assert.equal(groupValue({ date: '2023-05-01' }, { key: 'date', period: 'quarter' }), '2023-Q2');
    assert.equal(groupValue({ date: '2023-12-01' }, { key: 'date', period: 'month' }), '2023-12');
    assert.equal(groupValue({ date: '2023' }, { key: 'date', period: 'month' }), null);
    assert.equal(groupValue({}, { key: 'date', period: 'year' }), null);
  });
  it('groups by source with files, characters and counts; the groups add up to the totals', () => {
    const groups = groupArticles(articles, { key: 'source' });
    assert.deepEqual(groups.map((g) => [g.value, g.files, g.characters, g.counts.total]), [['A', 2, 3000, 8], ['B', 1, 3000, 8], [null, 1, 500, 1]]);
    assert.deepEqual(groups[0]?.counts.axes.openness, { total: 8, poles: { open: 7, closed: 1 } });
    assert.equal(groups.reduce((n, g) => n + g.counts.total, 0), 17);
  });
  it('merging the groups of two halves gives the groups of the whole', () => {
    const by = { key: 'date', period: 'year' } as const;
    assert.deepEqual(mergeGroups([groupArticles(articles.slice(0, 2), by), groupArticles(articles.slice(2), by)]), groupArticles(articles, by));
  });
  it('summarises a group: per-axis share and counts per 10,000 characters', () => {
    const [a] = groupArticles(articles, { key: 'source' });
    const s = summariseGroup(a ?? assert.fail(), AXES);
    // 8 hits in 3,000 characters = 26.67 per 10,000; open 7 of 8.
    assert.equal(s.rate.toFixed(2), '26.67');
    assert.deepEqual(s.axes[0], { axis: 'openness', a: 7, b: 1, shareA: 0.875, rate: 80 / 3, rateA: 70 / 3, rateB: 10 / 3 });
    assert.equal(s.axes[1]?.shareA, null);
  });
  it('builds a trend per quarter with the empty quarters in between, flagging the thin ones', () => {
    const points = trendOf(groupArticles(articles, { key: 'date', period: 'quarter' }), 'quarter', AXES, 1);
    assert.deepEqual(points.map((p) => [p.value, p.files, p.few]), [
      ['2023-Q1', 1, false], ['2023-Q2', 1, false], ['2023-Q3', 0, true], ['2023-Q4', 0, true],
      ['2024-Q1', 0, true], ['2024-Q2', 0, true], ['2024-Q3', 0, true], ['2024-Q4', 1, false],
    ]);
  });
});

describe('variables: crosstab and chi-square', () => {
  it('2 × 2 computed by hand: expected counts, adjusted residuals, chi-square', () => {
    // open/closed × A/B: A 10/20, B 30/10. N 70; rows 40, 30; columns 30, 40.
    const groups = [
      { value: 'A', files: 1, characters: 1, counts: counts(10, 20) },
      { value: 'B', files: 1, characters: 1, counts: counts(30, 10) },
    ];
    const t = crosstab(groups, AXES);
    assert.deepEqual(t.rows, [{ axis: 'openness', pole: 'open' }, { axis: 'openness', pole: 'closed' }]);
    assert.deepEqual(t.expected.flat().map((e) => e.toFixed(4)), ['17.1429', '22.8571', '12.8571', '17.1429']);
    // (10 − 17.1429) / √(17.1429 × (1 − 40/70) × (1 − 30/70)) = −3.4861; in a 2 × 2 table its square is chi-square.
    assert.equal(t.residuals[0]?.[0]?.toFixed(4), '-3.4861');
    assert.equal(t.test?.statistic.toFixed(4), '12.1528');
    assert.equal(t.test?.df, 1);
    // SciPy: chi2_contingency([[10,30],[20,10]], correction=False) → p = 0.000490148087892417
    assert.ok(Math.abs((t.test?.p ?? 0) - 0.000490148087892417) < 1e-9);
    assert.deepEqual(t.warnings, []);
  });
  it('4 × 3 equals SciPy\'s chi2_contingency (test/fixtures/variables/chi2_reference.py)', () => {
    const ref = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/variables/chi2_reference.json'), 'utf8')) as {
      observed: number[][]; statistic: number; df: number; p: number; expected: number[][]; residuals: number[][];
    };
    const groups = ['2019', '2022', '2025'].map((value, j) => {
      const o = ref.observed.map((row) => row[j] ?? 0);
      return { value, files: 1, characters: 1, counts: counts(o[0] ?? 0, o[1] ?? 0, o[2] ?? 0, o[3] ?? 0) };
    });
    const t = crosstab(groups, AXES);
    assert.ok(Math.abs((t.test?.statistic ?? 0) - ref.statistic) < 1e-9);
    assert.equal(t.test?.df, ref.df);
    assert.ok(Math.abs((t.test?.p ?? 0) - ref.p) < 1e-9, `p ${t.test?.p} vs ${ref.p}`);
    t.residuals.forEach((row, i) => row.forEach((r, j) => assert.ok(Math.abs(r - (ref.residuals[i]?.[j] ?? NaN)) < 1e-9)));
    t.expected.forEach((row, i) => row.forEach((e, j) => assert.ok(Math.abs(e - (ref.expected[i]?.[j] ?? NaN)) < 1e-9)));
  });
  it('states the failed assumptions: >20 % of expected counts under 5, one under 1; too small a table has no test', () => {
    const groups = [
      { value: 'A', files: 1, characters: 1, counts: counts(1, 0) },
      { value: 'B', files: 1, characters: 1, counts: counts(2, 6) },
    ];
    const t = crosstab(groups, AXES);
    // Expected: open A 0.333, closed A 0.667, open B 2.667, closed B 5.333: 3 of 4 cells under 5, min 0.333.
    assert.deepEqual(t.warnings.map((w) => w.code), ['sparse', 'belowOne']);
    assert.deepEqual(t.warnings[0], { code: 'sparse', cells: 3, of: 4 });
    const one = crosstab([{ value: 'A', files: 1, characters: 1, counts: counts(3, 2) }], AXES);
    assert.equal(one.test, undefined);
    assert.deepEqual(one.warnings, [{ code: 'tooSmall' }]);
  });
});

describe('variables: editing tension-variables.csv', () => {
  it('sets a cell, keeping the BOM, CRLF, quoting and the other rows; adds a column and a row when needed', () => {
    const before = '\uFEFFpath,source\r\na.md,"人民, 日报"\r\nb.md,财新\r\n';
    const after = setTableValue(before, 'b.md', 'source', '新华社');
    assert.equal(after, '\uFEFFpath,source\r\na.md,"人民, 日报"\r\nb.md,新华社\r\n');
    const more = setTableValue(after, './sub\\c.md', 'date', '2024-05-01');
    assert.equal(more, '\uFEFFpath,source,date\r\na.md,"人民, 日报",\r\nb.md,新华社,\r\nsub/c.md,,2024-05-01\r\n');
    assert.deepEqual(readVariableTable(more, 't.csv').rows.get('sub/c.md')?.variables, { date: '2024-05-01' });
  });
  it('starts a new table with a BOM and CRLF, as Excel reads it', () => {
    assert.equal(setTableValue('', 'a.md', 'region', '大陆'), '\uFEFFpath,region\r\na.md,大陆\r\n');
  });
  it('keeps LF and no BOM when the file has them', () => {
    assert.equal(setTableValue('file,x\na.md,1\n', 'a.md', 'x', '2'), 'file,x\na.md,2\n');
  });
});
