import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../../src/cli/main';
import { analyze, builtinLexicon, formatOf } from '../../../src/core';
import {
  type ArticleInput, type ArticleRow, analyseArticle, buildArticleDetail, buildDashboardModel, decodeArticle, gitignoreGlobs,
  summarizeSidecar, visibleRows,
} from '../../../src/core/dashboard';
import { testLexicon } from '../helpers/testLexicon';

const workspace = path.resolve(__dirname, '../../fixtures/workspace');
const FIXTURES = ['ai-lab-expert-departure.md', 'ai-lab-expert-departure.zh-Hant.md', 'openai-departures-news.txt'];
const files = FIXTURES.map((f) => path.join(workspace, f));
const inputOf = (file: string): ArticleInput => {
  const decoded = decodeArticle(fs.readFileSync(file));
  return { path: path.basename(file), ...decoded };
};

async function cliStats(paths: readonly string[]): Promise<{ files: string[]; counts: unknown }> {
  let out = '';
  const code = await run(['stats', '--json', ...paths], { out: (s) => (out += s), err: () => undefined, isTTY: false });
  assert.equal(code, 0);
  return JSON.parse(out) as { files: string[]; counts: unknown };
}

describe('dashboard model', () => {
  it('the totals of the three fixture articles equal `tension-lens stats --json` on the same files', async () => {
    const model = buildDashboardModel(files.map(inputOf), builtinLexicon);
    assert.equal(model.articles.length, 3);
    assert.deepEqual(model.totals, (await cliStats(files)).counts);
    for (const file of files) {
      const row = model.articles.find((r) => r.path === path.basename(file));
      assert.ok(row, file);
      assert.deepEqual(row.counts, ((await cliStats([file])).counts as ArticleRow['counts']), `${file} row`);
    }
  });

  it('a row has per-axis pole counts in lexicon order, its sites, and the balance of its poles', () => {
    const analysed = analyseArticle({ path: 'a.md', text: '我们坚持开源,而对手闭源。开源开源。非营利。' }, testLexicon);
    assert.ok(analysed?.analysis);
    const { row } = analysed;
    assert.deepEqual(row.axes, [{ axis: 'open-closed', a: 3, b: 1 }, { axis: 'mission-profit', a: 1, b: 0 }]);
    assert.equal(row.terms, 5);
    assert.equal(row.sites, 1);
    // weaker / stronger summed over axes: (1 + 0) / (3 + 1)
    assert.equal(row.balance, 0.25);
    assert.equal(row.format, 'markdown');
  });

  it('binary, non-UTF-8 and over-size files become rows with their error while the other rows still render', async () => {
    const good = inputOf(files[0] ?? '');
    const binary = decodeArticle(new Uint8Array([0xe5, 0xbc, 0x80, 0x00, 0x01, 0x02]));
    const gbk = decodeArticle(new Uint8Array([0xbf, 0xaa, 0xd4, 0xb4])); // 开源 in GBK
    const latin1 = decodeArticle(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20])); // "café " in Latin-1
    const huge = decodeArticle(new TextEncoder().encode('开源'.repeat(1000)), 1024);
    assert.deepEqual(binary, { error: { code: 'binary' } });
    assert.deepEqual(gbk, { error: { code: 'encoding', detail: 'GB18030' } }, 'the row names the encoding that would work');
    assert.deepEqual(latin1, { error: { code: 'encoding' } });
    assert.deepEqual(huge, { error: { code: 'tooLarge', detail: '0' } });
    const inputs: ArticleInput[] = [good, { path: 'bad.txt', ...binary }, { path: 'gbk.txt', ...gbk }, { path: 'huge.md', ...huge }];
    const model = buildDashboardModel(inputs, builtinLexicon);
    assert.deepEqual(model.articles.map((r) => [r.path, r.error?.code]), [
      ['ai-lab-expert-departure.md', undefined], ['bad.txt', 'binary'], ['gbk.txt', 'encoding'], ['huge.md', 'tooLarge'],
    ]);
    assert.ok((model.articles[0]?.terms ?? 0) > 0);
    assert.deepEqual(model.totals, (await cliStats([files[0] ?? ''])).counts, 'error rows add nothing to the totals');
  });

  it('decodes like the CLI: BOM dropped, valid UTF-8 kept', () => {
    assert.deepEqual(decodeArticle(new TextEncoder().encode('\uFEFF开源')), { text: '开源' });
  });

  it('a text with no Chinese has no row and is counted as skipped', () => {
    const model = buildDashboardModel([{ path: 'README.md', text: '# Read me\nopen source' }, { path: 'a.txt', text: '开源' }], testLexicon);
    assert.deepEqual(model.articles.map((r) => r.path), ['a.txt']);
    assert.equal(model.skipped, 1);
  });

  it('counts sidecar annotations by tag, and never fails on a broken sidecar', () => {
    const sidecar = JSON.stringify({
      version: 1, tags: [{ id: 't1', label: 'Governance', color: '#123456' }],
      annotations: [{ tags: ['t1'] }, { tags: ['t1', 'ghost'] }, { tags: [] }, { note: 'no tags field' }],
    });
    const summary = summarizeSidecar(sidecar);
    assert.equal(summary.count, 4);
    assert.equal(summary.untagged, 2);
    assert.deepEqual(summary.byTag, [{ id: 't1', label: 'Governance', color: '#123456', count: 2 }, { id: 'ghost', label: 'ghost', count: 1 }]);
    for (const bad of ['{', '[]', '{"annotations": 3}', 'null', '']) {
      const s = summarizeSidecar(bad);
      assert.equal(s.count, 0, bad);
      assert.ok(s.error, bad);
    }
    const row = analyseArticle({ path: 'a.md', text: '开源', sidecar: summary }, testLexicon)?.row;
    assert.equal(row?.annotations, 4);
  });

  it('the article view profiles every section, lists the sites with their markers and the top terms per pole', () => {
    const text = fs.readFileSync(files[0] ?? '', 'utf8');
    const analysis = analyze(text, formatOf(files[0] ?? ''), builtinLexicon);
    const row = analyseArticle({ path: 'a.md', text }, builtinLexicon)?.row;
    assert.ok(row);
    const detail = buildArticleDetail(row, text, analysis, builtinLexicon);
    assert.equal(detail.sections.length, analysis.sections.length);
    // Every hit falls in exactly one section: the cells add up to the article's counts.
    for (const [i, axis] of builtinLexicon.axes.entries()) {
      const a = detail.sections.reduce((n, s) => n + (s.axes[i]?.a ?? 0), 0);
      const b = detail.sections.reduce((n, s) => n + (s.axes[i]?.b ?? 0), 0);
      assert.deepEqual([a, b], [row.axes[i]?.a, row.axes[i]?.b], axis.id);
    }
    assert.equal(detail.sites.length, analysis.sites.length);
    assert.ok(detail.sites.some((s) => s.markers.length > 0 && s.termsA.length > 0 && s.termsB.length > 0));
    const open = detail.topTerms['open'] ?? [];
    assert.ok(open.length > 0);
    for (let i = 1; i < open.length; i++) assert.ok((open[i - 1]?.count ?? 0) >= (open[i]?.count ?? 0));
    assert.equal(detail.annotations, undefined);
    assert.equal(text.slice(0, detail.sections[1]?.start).split('\n').length - 1, detail.sections[1]?.line);
  });
});

describe('dashboard table: filter and sort', () => {
  const rows = buildDashboardModel([
    { path: 'b/two.md', text: '开源开源闭源' },
    { path: 'a/one.md', text: '开源' },
    { path: 'c/three.txt', text: '非营利,营利,开源,闭源' },
  ], testLexicon).articles;

  it('filters on every word of the query, case-insensitively', () => {
    assert.deepEqual(visibleRows(rows, { sort: 'path', descending: false, filter: 'O .MD' }).map((r) => r.path), ['a/one.md', 'b/two.md']);
    assert.deepEqual(visibleRows(rows, { sort: 'path', descending: false, filter: 'zzz' }), []);
  });

  it('sorts by a column or an axis total, ties by path', () => {
    assert.deepEqual(visibleRows(rows, { sort: 'terms', descending: true, filter: '' }).map((r) => r.path), ['c/three.txt', 'b/two.md', 'a/one.md']);
    assert.deepEqual(visibleRows(rows, { sort: 'axis:open-closed', descending: true, filter: '' }).map((r) => r.path), ['b/two.md', 'c/three.txt', 'a/one.md']);
    assert.deepEqual(visibleRows(rows, { sort: 'balance', descending: false, filter: '' }).map((r) => r.path), ['a/one.md', 'b/two.md', 'c/three.txt']);
  });
});

describe('gitignoreGlobs', () => {
  it('turns the common .gitignore shapes into exclude globs and drops negations and comments', () => {
    assert.deepEqual(gitignoreGlobs('# build\nnode_modules/\n/dist\n*.log\ndocs/drafts\n!keep.md\n\n'), [
      '**/node_modules/**', 'dist', 'dist/**', '**/*.log', '**/*.log/**', 'docs/drafts', 'docs/drafts/**',
    ]);
    assert.deepEqual(gitignoreGlobs(''), []);
  });
});

describe('dashboard model at scale', () => {
  it('builds the overview of 1,000 articles (the benchmark calls buildDashboardModel the same way)', function () {
    this.timeout(120_000);
    const seeds = files.map((f) => fs.readFileSync(f, 'utf8'));
    // Distinct texts, so no chunk memo helps: each article is a seed with its own first line.
    const inputs: ArticleInput[] = Array.from({ length: 1000 }, (_, i) => ({ path: `articles/${String(i).padStart(4, '0')}.md`, text: `# 第${i}篇\n\n${seeds[i % seeds.length] ?? ''}` }));
    const started = performance.now();
    const model = buildDashboardModel(inputs, builtinLexicon);
    const ms = performance.now() - started;
    console.log(`      1,000 articles (${(inputs.reduce((n, a) => n + ('text' in a ? a.text.length : 0), 0) / 1e6).toFixed(1)} M chars): ${ms.toFixed(0)} ms`);
    assert.equal(model.articles.length, 1000);
    assert.ok(ms < 60_000);
  });
});
