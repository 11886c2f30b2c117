// Document variables in the real web workbench: a workspace of dated articles from two sources (front matter, and
// tension-variables.csv for a plain-text one), the dashboard grouped by source and by year. The numbers the Groups
// tab draws are checked against `tension-lens stats --json --by` run on the same folder; then the trend view is
// photographed (into docs/images/ with UPDATE_SCREENSHOTS=1, else test-results/e2e/). One window for every case.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand } from './screen';
import { eventually, expectNoErrorNotification, openWorkbench, resultsDir } from './workbench';

const root = path.resolve(__dirname, '../..');
const IMAGES = process.env['UPDATE_SCREENSHOTS'] ? path.join(root, 'docs/images') : resultsDir;

interface Counts { total: number; axes: Record<string, { total: number; poles: Record<string, number> }> }
interface Group { value: string | null; files: number; characters: number; counts: Counts }

/** `stats --json --by KEY` of the CLI the build made, on the same folder the workbench shows. */
function statsBy(folder: string, by: string): Group[] {
  const out = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'stats', '--json', '--jobs', '1', '--by', by, folder], { encoding: 'utf8' });
  return (JSON.parse(out) as { groups: Group[] }).groups;
}

describe('document variables: dashboard groups against stats --by', function () {
  this.timeout(120_000);
  let page: Page;
  let frame: FrameLocator;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-variables-'));
    fs.cpSync(path.join(root, 'test/fixtures/variables-workspace'), folder, { recursive: true });
    page = await openWorkbench({ folder });
    await runCommand('Tension Lens: Open Dashboard');
    frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('table.overview tbody tr.row').nth(7).waitFor({ timeout: 60_000 });
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Chooses a grouping in the Groups tab and reads every group row the page drew. */
  async function groupsShown(by: string, expected: number): Promise<Group[]> {
    await frame.getByRole('tab', { name: /Groups/ }).click();
    await frame.locator('select[data-key="group-by"]').selectOption(by);
    const rows = frame.locator('table.groups tbody tr.group');
    await eventually(async () => assert.equal(await rows.count(), expected), { timeout: 30_000 });
    return rows.evaluateAll((trs) => trs.map((tr) => {
      const axes: Record<string, { total: number; poles: Record<string, number> }> = {};
      for (const td of Array.from(tr.querySelectorAll<HTMLElement>('td.axis'))) {
        const a = Number(td.dataset['a']);
        const b = Number(td.dataset['b']);
        axes[td.dataset['axis'] ?? ''] = { total: a + b, poles: { a, b } };
      }
      // No named helper in here: the page runs this function's source, without the bundler's __name.
      const value = (tr as HTMLElement).dataset['value'] ?? '';
      return {
        value: value === '' ? null : value, files: Number(tr.querySelector('td.files')?.textContent),
        characters: Number(tr.querySelector('td.characters')?.textContent), counts: { total: Number(tr.querySelector('td.terms')?.textContent), axes },
      };
    }));
  }

  /** The CLI's groups in the shape the page shows: per axis only those with hits, poles as first (a) and second (b). */
  function asShown(groups: readonly Group[], axisOrder: readonly { id: string; poles: [string, string] }[]): Group[] {
    const used = axisOrder.filter((axis) => groups.some((g) => (g.counts.axes[axis.id]?.total ?? 0) > 0));
    return groups.map((g) => ({
      value: g.value, files: g.files, characters: g.characters,
      counts: {
        total: g.counts.total,
        axes: Object.fromEntries(used.map((axis) => {
          const poles = g.counts.axes[axis.id]?.poles ?? {};
          const a = poles[axis.poles[0]] ?? 0;
          const b = poles[axis.poles[1]] ?? 0;
          return [axis.id, { total: a + b, poles: { a, b } }];
        })),
      },
    }));
  }

  it('shows the variables as overview columns, sortable and filterable', async () => {
    const headers = (await frame.locator('table.overview thead th').allInnerTexts()).map((t) => t.replace(/[▲▼]/g, '').trim());
    for (const v of ['title', 'source', 'date', 'author', 'region']) assert.ok(headers.includes(v), `column ${v} in ${headers.join(', ')}`);
    await frame.locator('input.filter').fill('财新');
    await eventually(async () => assert.equal(await frame.locator('table.overview tbody tr.row').count(), 3));
    await frame.locator('input.filter').fill('');
    await frame.getByRole('button', { name: /^date/ }).click();
    const dates = await frame.locator('table.overview tbody tr.row td.variable[data-variable="date"]').allInnerTexts();
    assert.deepEqual(dates.slice(0, 7), ['2023-03-15', '2023-08-02', '2024-01-20', '2024-06-30', '2024-11', '2025-02-01', '2025-03-01']);
  });

  it('groups by source: articles, characters, terms and each axis\' poles equal stats --by source', async () => {
    const axes = axisOrder();
    const cli = statsBy(folder, 'source');
    assert.deepEqual(cli.map((g) => g.value), ['新华社', '财新', null]);
    assert.deepEqual(await groupsShown('source', cli.length), asShown(cli, axes));
    // The crosstab and its test are drawn for the same groups.
    await frame.locator('.crosstab-card p.chi-square').filter({ hasText: /χ² = [\d.]+, df = \d+, p = / }).waitFor();
    assert.ok(await frame.locator('table.crosstab tbody tr').count() >= 2);
  });

  it('groups by year equal stats --by date:year, with the trend per year and thin years flagged', async () => {
    const axes = axisOrder();
    const cli = statsBy(folder, 'date:year');
    assert.deepEqual(cli.map((g) => g.value), ['2023', '2024', '2025', null]);
    assert.deepEqual(await groupsShown('date:year', cli.length), asShown(cli, axes));
    const trend = frame.locator('.trend-card .chart.trend svg');
    await trend.waitFor();
    // 2023 and 2025 hold 2 articles each, under the 3 a period needs: flagged, and the note says why; 2024 holds 3.
    const labels = await trend.locator('text').allTextContents();
    assert.ok(labels.includes('2023 ⚠ (2)') && labels.includes('2025 ⚠ (2)'), labels.join(' | '));
    assert.ok(labels.includes('2024 (3)'), labels.join(' | '));
    await frame.locator('.trend-card p.hint', { hasText: /fewer than 3 articles/ }).waitFor();
    await expectNoErrorNotification();
  });

  it('editing a variable cell writes tension-variables.csv (BOM and CRLF kept); a malformed table is never written over', async () => {
    await frame.getByRole('tab', { name: /Overview/ }).click();
    const csv = path.join(folder, 'tension-variables.csv');
    const cell = frame.locator('table.overview tbody tr.row', { hasText: 'undated.md' }).locator('td.variable[data-variable="region"]');
    await cell.dblclick();
    const input = cell.locator('input.variable-edit');
    await input.fill('台湾');
    await input.press('Enter');
    await eventually(() => Promise.resolve(assert.equal(fs.readFileSync(csv, 'utf8'),
      '\uFEFFpath,source,date,region\r\nnotes.txt,新华社,2025年3月1日,大陆\r\n2024/caixin-market.md,,,香港\r\nundated.md,,,台湾\r\n')), { timeout: 20_000 });
    // The table reloads and the row shows the value from the file.
    await eventually(async () => assert.equal(await cell.innerText(), '台湾'), { timeout: 20_000 });

    const broken = 'path,region\nnotes.txt,"unclosed\n';
    fs.writeFileSync(csv, broken);
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Document variables/ }).first().waitFor({ timeout: 20_000 });
    const notes = frame.locator('table.overview tbody tr.row', { hasText: 'notes.txt' }).locator('td.variable[data-variable="source"]');
    await notes.dblclick();
    await notes.locator('input.variable-edit').fill('人民日报');
    await notes.locator('input.variable-edit').press('Enter');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /was not changed: it does not read as a table/ }).first().waitFor({ timeout: 20_000 });
    assert.equal(fs.readFileSync(csv, 'utf8'), broken);
    // Back to the fixture's table for the cases after this one.
    fs.copyFileSync(path.join(root, 'test/fixtures/variables-workspace/tension-variables.csv'), csv);
    await page.keyboard.press('Escape');
  });

  it('screenshot: the trend view by year', async () => {
    // Room for the dashboard: no side bar (this suite's window is not used again).
    await runCommand('View: Close Primary Side Bar');
    await runCommand('Notifications: Clear All Notifications');
    await frame.getByRole('tab', { name: /Groups/ }).click();
    await frame.locator('select[data-key="group-by"]').selectOption('date:year');
    const card = frame.locator('.trend-card');
    await card.locator('.chart.trend svg').waitFor();
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // No tooltip in the picture: the pointer rests on the dashboard's empty right margin, and hovers are gone.
    await page.mouse.move(1250, 400);
    await page.keyboard.press('Escape');
    await page.locator('.workbench-hover, .monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    const file = path.join(IMAGES, 'dashboard-trend.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10_000);
  });

  /** The axes in lexicon order with their poles, as the overview's totals chart and every table use them. */
  function axisOrder(): { id: string; poles: [string, string] }[] {
    const cli = JSON.parse(execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'stats', '--json', '--jobs', '1', folder], { encoding: 'utf8' })) as { counts: Counts };
    return Object.entries(cli.counts.axes).map(([id, a]) => ({ id, poles: Object.keys(a.poles) as [string, string] }));
  }
});
