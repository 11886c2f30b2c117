// The concordance in the real web workbench, in one window: run from the palette, its lines sorted by right context
// in the DOM; two lines accepted with the keyboard and annotated with a new tag — checked in the DOM and in the
// sidecars the annotation layer wrote.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { eventually, openWorkbench, workbench } from './workbench';
import { runCommand } from './screen';

const QUICK_INPUT = '.quick-input-widget input';

interface SidecarJson {
  tags: { id: string; label: string }[];
  annotations: { tags: string[]; target: { selector: { type: string; exact?: string; start?: number }[] } }[];
}

/** The concordance's page: the webview iframe whose document holds the lines table. */
async function concordanceFrame(page: Page): Promise<FrameLocator> {
  // The window has no other webview open: the concordance is the one iframe.
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('#lines').waitFor({ timeout: 30_000 });
  return frame;
}

async function rows(frame: FrameLocator): Promise<{ file: string; left: string; match: string; right: string }[]> {
  // No named functions inside: the page has no __name helper that tsx's transform would call.
  const cells = await frame.locator('#lines tbody tr').evaluateAll((trs) => trs.map((tr) => ['file', 'left', 'match', 'right'].map((c) => tr.querySelector(`td.${c}`)?.textContent ?? '')));
  return cells.map(([file = '', left = '', match = '', right = '']) => ({ file, left, match, right }));
}

describe('concordance', () => {
  const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
  const sidecars = (): string[] => fs.readdirSync(folder).filter((f) => f.endsWith('.tension.json')).map((f) => path.join(folder, f));
  let frame: FrameLocator;

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    for (const f of sidecars()) fs.rmSync(f);
    await openWorkbench();
  });

  after(() => {
    for (const f of sidecars()) fs.rmSync(f, { force: true });
  });

  it('lines up a pole across the workspace and sorts it by right context', async () => {
    const page = workbench();
    await runCommand('Tension Lens: Concordance…', 'stays');
    const input = page.locator(QUICK_INPUT);
    await input.fill('pole:mission');
    await page.keyboard.press('Enter');
    frame = await concordanceFrame(page);
    await frame.locator('#status[data-done="yes"]').waitFor({ timeout: 60_000 });
    const byPosition = await rows(frame);
    // 16 hits of the pole in the three fixture articles (the CLI contract tests count the same).
    assert.equal(byPosition.length, 16);
    assert.ok(byPosition.every((r) => r.match.length > 0 && r.file.length > 0));
    await frame.locator('#sort').selectOption('right');
    const byRight = await eventually(async () => {
      const now = await rows(frame);
      assert.notDeepEqual(now, byPosition);
      return now;
    });
    const expected = [...byPosition].sort((a, b) => (a.right < b.right ? -1 : a.right > b.right ? 1 : 0));
    assert.deepEqual(byRight.map((r) => r.right), expected.map((r) => r.right));
    // Every match starts at the same x: the column is aligned whatever the context widths.
    const xs = await frame.locator('#lines tbody td.match').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
    assert.equal(new Set(xs).size, 1, `match columns at ${xs.join(', ')}`);
  });

  it('accepts two lines with the keyboard and annotates them with a new tag', async () => {
    const page = workbench();
    const first = await rows(frame);
    await frame.locator('#lines tbody tr').first().focus();
    await page.keyboard.press('a');
    await page.keyboard.press('s');
    await page.keyboard.press('a');
    await frame.locator('#lines tbody tr.marked').nth(1).waitFor();
    assert.equal(await frame.locator('#lines tbody tr.marked').count(), 2);
    await frame.locator('#annotate').click();
    await page.locator(QUICK_INPUT).waitFor({ state: 'visible' });
    await page.locator(QUICK_INPUT).fill('New tag');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New tag' }).first().click();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'The label of the new tag' }).waitFor({ state: 'visible' });
    await page.locator(QUICK_INPUT).fill('初心考察');
    await page.keyboard.press('Enter');

    // The DOM: the two accepted lines (first and third) are ticked, the skipped one is not.
    await frame.locator('#lines tbody tr.annotated').nth(1).waitFor({ timeout: 30_000 });
    const ticked = await frame.locator('#lines tbody tr').evaluateAll((trs) => trs.map((tr) => tr.classList.contains('annotated')));
    assert.deepEqual(ticked.slice(0, 3), [true, false, true]);
    assert.equal(ticked.filter(Boolean).length, 2);

    // The sidecars: two annotations tagged 初心考察, quoting the two matches.
    const annotated = await eventually(() => {
      const found = sidecars().map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as SidecarJson).flatMap((s) => {
        const tag = s.tags.find((t) => t.label === '初心考察');
        return tag ? s.annotations.filter((a) => a.tags.includes(tag.id)) : [];
      });
      assert.equal(found.length, 2);
      return Promise.resolve(found);
    }, { timeout: 30_000 });
    const quotes = annotated.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).sort();
    assert.deepEqual(quotes, [first[0]?.match, first[2]?.match].sort());
  });

  it('Undo on the notification takes the whole batch back: annotations and the new tag leave the sidecars', async () => {
    const page = workbench();
    await page.locator('.notification-toast', { hasText: 'Annotated 2 concordance lines' }).locator('.monaco-button', { hasText: 'Undo' }).click();
    await eventually(() => {
      const left = sidecars().map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as SidecarJson);
      assert.deepEqual(left.flatMap((s) => s.tags.map((t) => t.label)).filter((l) => l === '初心考察'), []);
      assert.equal(left.reduce((n, s) => n + s.annotations.length, 0), 0);
      return Promise.resolve();
    }, { timeout: 30_000 });
  });
});
