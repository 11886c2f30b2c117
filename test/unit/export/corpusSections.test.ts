// The HTML report's sections over all its articles: the grouping (groups, crosstab, trend), the co-occurrence matrix
// and the concordance — each checked against the core's own computation of the same numbers, which the CLI prints.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  addCooccurrence, builtinLexicon, concordance, cooccurrenceOf, emptyCooccurrence, parseQuery, sortKwicLines, taggedSpansOf,
} from '../../../src/core';
import { exportArticles } from '../../../src/core/export';
import { dashboardAxes } from '../../../src/core/dashboard/model';
import { crosstab } from '../../../src/core/variables/crosstab';
import { groupArticles, parseGroupBy } from '../../../src/core/variables/groupBy';
import type { ExportArticle, ExportRequest } from '../../../src/core/export';
import { launchChromiumOrSkip } from '../helpers/chromium';
import { articleOf, decode, request, root, seedArticle } from './articles';

const other = fs.readFileSync(path.join(root, 'test/fixtures/workspace/openai-departures-news.txt'), 'utf8');

/** Three dated articles from two sources, the seed one annotated. */
function articles(): ExportArticle[] {
  return [
    { ...seedArticle(), variables: { source: '新华社', date: '2024-05-01' } },
    { ...articleOf('news.txt', other), variables: { source: '财新', date: '2025-01-02' } },
    { ...articleOf('short.md', '开放与封闭之间。研究还是商业？开源让研究更开放，闭源让商业更封闭。'), variables: { source: '财新', date: '2024-11-02' } },
  ];
}

function html(extra: Partial<ExportRequest>, list = articles()): string {
  const result = exportArticles(request('report', 'html', list, extra));
  assert.ok(result.ok);
  return decode(result.bytes);
}

/** The light variant of a section's first chart (the dark one repeats it in other colours). */
function lightChartOf(page: string, card: string): string {
  const at = page.indexOf(`class="card ${card}`);
  assert.ok(at >= 0, `${card} in the report`);
  const from = page.indexOf('chart-light', at);
  return page.slice(from, page.indexOf('</svg>', from));
}

describe('HTML report: sections over all the articles', () => {
  it('adds nothing when no grouping, matrix or concordance is asked for', () => {
    const page = html({});
    for (const card of ['groups-card', 'cooccurrence-card', 'concordance-card']) assert.ok(!page.includes(card), card);
  });

  it('a grouping by source: the groups table, the balance chart, the crosstab with its chi-square line and residuals', () => {
    const by = parseGroupBy('source');
    assert.ok(!('error' in by));
    const page = html({ groupBy: by });
    const list = articles();
    const groups = groupArticles(list.map((a) => ({ characters: a.analysis.length, counts: a.analysis.counts, variables: a.variables ?? {} })), by);
    const rows = [...page.matchAll(/<tr data-value="([^"]*)"><th>[^<]*<\/th><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]);
    assert.deepEqual(rows, groups.map((g) => [g.value, g.files, g.characters, g.counts.total]));
    assert.match(page, /<h3>按 source 分组<\/h3>/);
    assert.ok(lightChartOf(page, 'groups-card').includes('<svg'), 'the balance per group is drawn');
    const t = crosstab(groups, seedArticleAxes());
    const observed = [...page.matchAll(/data-observed="(\d+)" data-residual="(-?[\d.]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(observed, t.observed.flatMap((row, i) => row.map((o, j) => [o, (t.residuals[i]?.[j] ?? 0).toFixed(2)])));
    assert.ok(t.test, 'two sources with hits: a test is run');
    assert.ok(page.includes(`χ² = ${t.test.statistic.toFixed(2)},自由度 = ${t.test.df}`), 'the chi-square line');
    // The Markdown export of the same grouping reports the same test.
    const md = exportArticles(request('report', 'md', list, { groupBy: by }));
    assert.ok(md.ok);
    assert.ok(decode(md.bytes).includes(`χ² = ${t.test.statistic.toFixed(2)}`));
    assert.ok(!page.includes('各时间段趋势'), 'no trend without a date period');
  });

  it('a grouping by year adds the trend chart and table, thin periods flagged', () => {
    const by = parseGroupBy('date:year');
    assert.ok(!('error' in by));
    const page = html({ groupBy: by }, articles().slice(0, 2));
    assert.match(page, /<h4>各时间段趋势\(每万字\)<\/h4>/);
    assert.ok(page.includes('⚠ 表示该时间段的文章少于 3 篇'), 'the few-articles warning');
    const trend = page.slice(page.indexOf('各时间段趋势'));
    assert.ok(trend.includes('class="chart chart-light bars trend"'), 'the trend chart');
    assert.deepEqual([...trend.matchAll(/<tr data-value="(\d{4})">/g)].map((m) => m[1]), ['2024', '2025']);
  });

  it('the co-occurrence matrix: every cell the windows holding both labels, summed over the articles', () => {
    const list = articles();
    for (const window of ['sentence', 'paragraph'] as const) {
      const page = html({ cooccurrence: { window, of: 'both' } }, list);
      const expected = list.reduce((sum, a) => addCooccurrence(sum, cooccurrenceOf({ text: a.text, analysis: a.analysis, tags: taggedSpansOf(a.annotations) }, window, 'both')), emptyCooccurrence(window, 'both'));
      const chart = lightChartOf(page, 'cooccurrence-card');
      const cells = new Map([...chart.matchAll(/data-cell="(\d+),(\d+)" data-count="(\d+)"/g)].map((m) => [`${m[1]},${m[2]}`, Number(m[3])]));
      assert.equal(cells.size, expected.labels.length ** 2, window);
      expected.matrix.forEach((row, i) => row.forEach((n, j) => assert.equal(cells.get(`${i},${j}`), n, `${window} ${expected.labels[i]} × ${expected.labels[j]}`)));
      assert.ok(expected.labels.includes('争议焦点'), 'the tags are labels too');
      if (window === 'sentence') {
        // The sentence window counts tension sites: for one axis' two poles, the cell is the axis' number of sites.
        const sites = list.reduce((n, a) => n + a.analysis.sites.filter((s) => s.axis === 'open-closed').length, 0);
        const i = expected.labels.indexOf('open');
        const j = expected.labels.indexOf('closed');
        assert.ok(sites > 0);
        assert.equal(cells.get(`${i},${j}`), sites);
      }
    }
  });

  it('the concordance: kwic\'s lines in the asked order, each linked to its line in the report', () => {
    const list = articles();
    const page = html({ concordance: { query: 'pole:open', sort: 'right' } }, list);
    const node = parseQuery('pole:open');
    const expected = sortKwicLines(list.flatMap((a) => concordance(a.path, { text: a.text, analysis: a.analysis }, node)), 'right');
    const rows = [...page.matchAll(/<tr data-path="([^"]*)" data-start="(\d+)"><td class="where"><a href="#(f\d-L\d+)">/g)].map((m) => [m[1], Number(m[2]), m[3]]);
    assert.ok(expected.length > 5);
    assert.deepEqual(rows.map((r) => [r[0], r[1]]), expected.map((l) => [l.path, l.start]));
    for (const [, , anchor] of rows) assert.ok(page.includes(`id="${String(anchor)}"`), `the line ${String(anchor)} is in the report`);
    assert.match(page, /pole:open 的索引行<span class="count">\d+<\/span>/);
  });

  it('a query that does not parse is stated in the section, and the report is still written', () => {
    const page = html({ concordance: { query: 'pole:open AND' } });
    assert.match(page, /<p class="warning">索引查询无法解析：[^<]+<\/p>/);
  });
});

describe('HTML report sections in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let file: string;

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    const by = parseGroupBy('date:year');
    assert.ok(!('error' in by));
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tension-sections-')), 'report.html');
    fs.writeFileSync(file, html({ groupBy: by, cooccurrence: { window: 'sentence', of: 'both' }, concordance: { query: 'pole:open', sort: 'left' } }));
  });
  after(async () => {
    await browser?.close();
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('shows the groups, the trend, the matrix and the concordance, with no console error or request; dark charts in the dark', async () => {
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: scheme });
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => { if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`); });
      await page.goto(`file://${file}`);
      const shown = `.chart-${scheme}`;
      const hidden = `.chart-${scheme === 'light' ? 'dark' : 'light'}`;
      for (const chart of ['.groups-card .group-balance', '.groups-card .trend', '.cooccurrence-card .cooccurrence']) {
        assert.equal(await page.locator(`${chart}${shown} svg[role=img]`).isVisible(), true, `${chart} ${scheme}`);
        assert.equal(await page.locator(`${chart}${hidden}`).isVisible(), false, `${chart} ${scheme}`);
      }
      // A cell of the matrix, drawn: its number is on screen and is the one it carries.
      const cell = page.locator(`.cooccurrence-card ${shown} g[data-cell="0,0"]`);
      assert.equal(await cell.locator('text').textContent(), await cell.getAttribute('data-count'));
      assert.ok(((await cell.boundingBox())?.width ?? 0) > 0, "the cell is laid out");
      assert.ok(await page.locator('table.kwic tbody tr').count() > 5);
      if (scheme === 'light') {
        // The left contexts end at the match: right-aligned, so the matches form one column.
        const xs = await page.locator('table.kwic td.kwic-match').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
        assert.equal(new Set(xs).size, 1, `match column at ${xs.join(', ')}`);
        // A line's link goes to its line in the article's section.
        const href = await page.locator('table.kwic td.where a').first().getAttribute('href');
        await page.locator('table.kwic td.where a').first().click();
        assert.equal(await page.evaluate(() => location.hash), href);
        assert.equal(await page.locator(`${href ?? '#none'}:target`).count(), 1);
        fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
        await page.locator('.cooccurrence-card').screenshot({ path: path.join(root, 'test-results', 'report-cooccurrence.png') });
      }
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
});

function seedArticleAxes(): ReturnType<typeof dashboardAxes> {
  return dashboardAxes(builtinLexicon);
}
