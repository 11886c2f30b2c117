// The dashboard's co-occurrence matrix in the real web workbench, in one window: its cells in the DOM against
// `tension-lens cooccur --json` on the same files (sentence and paragraph windows), then a clicked cell opens the
// concordance of its windows — the lines in the concordance webview's DOM against `kwic --json --query` of the
// cell's query on the same files — and the same over two articles chosen with *Co-occurrence of Selected Articles*.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { type Cooccurrence, cellQuery } from '../../src/core';
import { eventually, openWorkbench, resultsDir, workbench } from './workbench';
import { pick, runCommand } from './screen';

const root = path.resolve(__dirname, '../..');
const IMAGES = process.env['UPDATE_SCREENSHOTS'] ? path.join(root, 'docs/images') : resultsDir;

interface CooccurJson { version: number; window: string; of: string; labels: string[]; matrix: number[][] }
interface KwicJson { lines: { path: string; start: number; match: string; left: string; right: string }[] }

function cli(args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args, '--jobs', '1'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The webview frame whose document holds `selector`: the dashboard and the concordance are both open. */
async function frameWith(page: Page, selector: string): Promise<FrameLocator> {
  return eventually(async () => {
    const count = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < count; i++) {
      const frame = page.frameLocator(`iframe.webview.ready >> nth=${i}`).frameLocator('#active-frame');
      if (await frame.locator(selector).count() > 0) return frame;
    }
    throw new Error(`no webview shows ${selector} (${count} webviews)`);
  }, { timeout: 60_000 });
}

/** Every cell of the drawn matrix: "row,column" → the number drawn in it (its text, and the data-count it carries). */
async function drawnCells(frame: FrameLocator): Promise<Map<string, number>> {
  const cells = await frame.locator('.cooccurrence svg g[data-cell]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-cell') ?? '', g.querySelector('text')?.textContent ?? '', g.getAttribute('data-count') ?? '']));
  for (const [key, text, count] of cells) assert.equal(text, count, `cell ${key ?? ''}: the number drawn is the one carried`);
  return new Map(cells.map(([key = '', text = '']) => [key, Number(text)]));
}

function assertSameMatrix(drawn: Map<string, number>, expected: CooccurJson): void {
  assert.equal(drawn.size, expected.labels.length ** 2, 'one cell per pair of labels');
  expected.matrix.forEach((row, i) => row.forEach((n, j) => assert.equal(drawn.get(`${i},${j}`), n, `${expected.window}: ${expected.labels[i] ?? ''} × ${expected.labels[j] ?? ''}`)));
}

describe('co-occurrence matrix', () => {
  const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
  let dashboard: FrameLocator;
  let sentence: CooccurJson;

  const added = (): string => path.join(folder, 'cooccurrence-added.md');

  after(() => {
    // The dashboard suite counts the folder's articles.
    if (folder) fs.rmSync(added(), { force: true });
  });

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    await openWorkbench();
    sentence = JSON.parse(cli(['cooccur', '--json', folder])) as CooccurJson;
  });

  it('draws the workspace matrix of poles per sentence and per paragraph with the numbers of cooccur --json', async () => {
    const page = workbench();
    await runCommand('Tension Lens: Open Dashboard');
    dashboard = await frameWith(page, '[data-key="tab:overview"]');
    await dashboard.locator('[data-key="tab:cooccur"]').click();
    await dashboard.locator('.cooccurrence svg g[data-cell]').first().waitFor({ timeout: 60_000 });
    const open = sentence.labels.indexOf('open');
    const closed = sentence.labels.indexOf('closed');
    assert.ok(open >= 0 && closed >= 0);
    assert.ok((sentence.matrix[open]?.[closed] ?? 0) > 0, 'the fixtures hold sentences with both poles of open-closed');
    assertSameMatrix(await drawnCells(dashboard), sentence);
    // All the poles' columns in view: the matrix needs no sideways scrolling in a panel beside the Explorer.
    const overflow = await dashboard.locator('.chart.cooccurrence').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    assert.ok(overflow.scroll <= overflow.client, `the matrix is ${overflow.scroll} px wide in a ${overflow.client} px panel`);

    const paragraph = JSON.parse(cli(['cooccur', '--json', '--window', 'paragraph', folder])) as CooccurJson;
    assert.notDeepEqual(paragraph.matrix, sentence.matrix);
    await dashboard.locator('select[data-key="cooccur-window"]').selectOption('paragraph');
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), paragraph), { timeout: 60_000 });
    await dashboard.locator('select[data-key="cooccur-window"]').selectOption('sentence');
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), sentence), { timeout: 60_000 });
    // The picture goes into the README: without the counting notification, gone once the count is over.
    // Every counting notification gone (a count superseded by a newer one closes its own).
    const counting = page.locator('.notification-toast', { hasText: 'counting co-occurrences' });
    await eventually(async () => assert.equal(await counting.count(), 0, 'no counting notification on screen'), { timeout: 30_000 });
    await page.screenshot({ path: path.join(IMAGES, 'dashboard-cooccurrence.png') });
  });

  it('a clicked cell opens the concordance of its windows', async () => {
    const page = workbench();
    const open = sentence.labels.indexOf('open');
    const closed = sentence.labels.indexOf('closed');
    const matrix: Cooccurrence = { window: 'sentence', of: 'poles', labels: sentence.labels, kinds: sentence.labels.map(() => 'pole'), matrix: sentence.matrix };
    const query = cellQuery(matrix, open, closed);
    const expected = (JSON.parse(cli(['kwic', '--json', '--query', query, folder])) as KwicJson).lines;
    assert.ok(expected.length >= 2 * (sentence.matrix[open]?.[closed] ?? 0), 'each window holds a hit of each pole');

    await dashboard.locator(`.cooccurrence svg g[data-cell="${open},${closed}"]`).click();
    const concordance = await frameWith(page, '#lines');
    await concordance.locator('#status[data-done="yes"]').waitFor({ timeout: 60_000 });
    assert.equal(await concordance.locator('#query').inputValue(), query);
    const shown = await concordance.locator('#lines tbody tr').evaluateAll((trs) => trs.map((tr) => ['match', 'left', 'right'].map((c) => tr.querySelector(`td.${c}`)?.textContent ?? '').join('|')));
    assert.deepEqual(shown.sort(), expected.map((l) => `${l.match}|${l.left}|${l.right}`).sort());
  });

  it('counts again when an article changes: the cells follow cooccur --json of the files as they are', async () => {
    const before = await drawnCells(dashboard);
    fs.writeFileSync(added(), '# 新增\n\n开源与闭源之争仍在继续。开放还是封闭？\n');
    const after = JSON.parse(cli(['cooccur', '--json', folder])) as CooccurJson;
    const open = after.labels.indexOf('open');
    const closed = after.labels.indexOf('closed');
    assert.ok((after.matrix[open]?.[closed] ?? 0) > (sentence.matrix[open]?.[closed] ?? 0), 'the new article adds sentences with both poles');
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), after), { timeout: 60_000 });
    assert.notEqual(before.get(`${open},${closed}`), after.matrix[open]?.[closed]);

    // The recount keeps the matrices of the articles that did not change: an outside edit of the new one, and its
    // removal, must still show in the cells.
    fs.writeFileSync(added(), '# 新增\n\n基础研究还是商业化？开源与闭源之争仍在继续。非营利还是盈利？\n');
    const edited = JSON.parse(cli(['cooccur', '--json', folder])) as CooccurJson;
    assert.notDeepEqual(edited.matrix, after.matrix, 'the edit changes the counts');
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), edited), { timeout: 60_000 });
    fs.rmSync(added());
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), sentence), { timeout: 60_000 });
  });

  it('counts over two articles picked for Co-occurrence of Selected Articles, and goes back to the workspace', async () => {
    const page = workbench();
    const names = ['ai-lab-expert-departure.md', 'openai-departures-news.txt'];
    const two = JSON.parse(cli(['cooccur', '--json', ...names.map((n) => path.join(folder, n))])) as CooccurJson;
    const all = JSON.parse(cli(['cooccur', '--json', folder])) as CooccurJson;
    assert.notDeepEqual(two.matrix, all.matrix, 'the two articles count less than the workspace');
    // Seen once in CI: no pick of articles was up after the command (the row click waited 30 s); run it again then.
    const articleRow = (name: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: name });
    await eventually(async () => {
      if (!(await articleRow(names[0] ?? '').isVisible())) {
        await page.keyboard.press('Escape');
        await runCommand('Tension Lens: Co-occurrence of Selected Articles', 'stays');
      }
      await articleRow(names[0] ?? '').waitFor({ timeout: 5_000 });
    }, { timeout: 40_000 });
    // A multi-select pick: a click on a row checks it; Enter in the input accepts the checked rows.
    for (const name of names) await articleRow(name).click();
    await page.locator('.quick-input-widget input').press('Enter');

    const frame = await frameWith(page, '[data-key="cooccur-scope-shown"]');
    assert.equal(await frame.locator('[data-key="cooccur-scope-shown"]').textContent(), '2 selected articles');
    assert.equal(await frame.locator('select[data-key="cooccur-scope"]').inputValue(), 'selection');
    await eventually(async () => assertSameMatrix(await drawnCells(frame), two), { timeout: 60_000 });

    // Its HTML report… button exports the report of the same two articles, with the matrix.
    const selectionReport = async (button: () => Promise<void>, section: RegExp): Promise<void> => {
      const report = path.join(folder, `${path.basename(folder)}.report.html`);
      fs.rmSync(report, { force: true });
      await button();
      const input = page.locator('.quick-input-widget input');
      await eventually(async () => assert.match(await input.inputValue(), /\.report\.html$/));
      await input.fill(report);
      await page.keyboard.press('Enter');
      // A grouping is asked when the articles have document variables: none.
      const exported = page.locator('.notification-list-item-message', { hasText: /Exported 2 articles/ }).first();
      await eventually(async () => {
        if (await page.locator('.quick-input-list .monaco-list-row', { hasText: 'No grouping' }).isVisible()) await pick('No grouping', 'No grouping');
        await exported.waitFor({ timeout: 1_000 });
        assert.ok(fs.existsSync(report), `${report} is written`);
      }, { timeout: 30_000 });
      const html = fs.readFileSync(report, 'utf8');
      fs.rmSync(report, { force: true });
      for (const name of names) assert.ok(html.includes(name), `the report of the selection names ${name}`);
      assert.ok(!html.includes('zh-Hant'), 'the report holds an article outside the selection');
      assert.match(html, section);
      await runCommand('Notifications: Clear All Notifications');
    };
    await selectionReport(() => frame.locator('[data-key="cooccur-export"]').click(), /<section class="card cooccurrence-card" data-window="sentence" data-of="poles">/);

    // A cell's concordance searches the same two articles.
    const open = two.labels.indexOf('open');
    const closed = two.labels.indexOf('closed');
    const matrix: Cooccurrence = { window: 'sentence', of: 'poles', labels: two.labels, kinds: two.labels.map(() => 'pole'), matrix: two.matrix };
    const query = cellQuery(matrix, open, closed);
    const expected = (JSON.parse(cli(['kwic', '--json', '--query', query, ...names.map((n) => path.join(folder, n))])) as KwicJson).lines;
    assert.ok(expected.length > 0, 'the two articles hold a sentence with both poles of open-closed');
    await frame.locator(`.cooccurrence svg g[data-cell="${open},${closed}"]`).click();
    const concordance = await frameWith(page, '#lines');
    await eventually(async () => {
      assert.equal(await concordance.locator('#query').inputValue(), query);
      await concordance.locator('#status[data-done="yes"]').waitFor({ timeout: 1_000 });
      const shown = await concordance.locator('#lines tbody tr').evaluateAll((trs) => trs.map((tr) => ['match', 'left', 'right'].map((c) => tr.querySelector(`td.${c}`)?.textContent ?? '').join('|')));
      assert.deepEqual(shown.sort(), expected.map((l) => `${l.match}|${l.left}|${l.right}`).sort());
    }, { timeout: 60_000 });
    // And the concordance's HTML report… is the report of the two articles it searched.
    await selectionReport(() => concordance.locator('#export-html').click(), /<section class="card concordance-card">/);

    const dashboard = await frameWith(page, '[data-key="cooccur-workspace"]');
    await dashboard.locator('[data-key="cooccur-workspace"]').click();
    await eventually(async () => assertSameMatrix(await drawnCells(dashboard), all), { timeout: 60_000 });
    assert.equal(await dashboard.locator('[data-key="cooccur-scope-shown"]').count(), 0, 'no selection shown over the workspace');
  });
});
