// Tension pairs through the real UI, in one window: one click in a tension site's hover links its two poles' terms;
// the palette command links the term under the cursor with one picked in a quick pick. Each pair is checked where
// the user sees it (the Annotations view, the hover of an end) and in the sidecar written beside the article.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './screen';
import {
  dismissHover, eventually, expectNoErrorNotification, findWordBox, hoverWord, openFile, openViewContainer, openWorkbench, screenshot, treeRows,
  waitForEditorText, workbench,
} from './workbench';

const ARTICLE = 'ai-lab-expert-departure.md';

interface Selector { type: string; exact?: string; start?: number; end?: number }
interface SidecarJson {
  annotations: { tags: string[]; target: { selector: Selector[] } }[];
  pairs?: { id: string; motivation: string; axis: string; note: string; target: { selector: Selector[] }[] }[];
}

const exactOf = (selectors: readonly Selector[]): string | undefined => selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;

describe('tension pairs through the UI', () => {
  const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
  const sidecar = path.join(folder, `${ARTICLE}.tension.json`);
  const readSidecar = (): SidecarJson | undefined => (fs.existsSync(sidecar) ? JSON.parse(fs.readFileSync(sidecar, 'utf8')) as SidecarJson : undefined);

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    fs.rmSync(sidecar, { force: true });
    await openWorkbench();
    await openFile(ARTICLE);
    await waitForEditorText('产业界');
  });

  after(() => fs.rmSync(sidecar, { force: true }));

  it('links the two poles of a tension site from its hover in one step', async () => {
    const p = workbench();
    const hover = await hoverWord('学界', { hasText: 'Link as tension pair' });
    await hover.locator('a', { hasText: /Link as tension pair|链接为张力对/ }).first().click();

    const json = await eventually(() => {
      const read = readSidecar();
      assert.ok(read?.pairs?.length === 1, 'the sidecar holds one pair');
      return Promise.resolve(read);
    }, { timeout: 20_000 });
    const [pair] = json.pairs ?? [];
    assert.equal(pair?.motivation, 'linking');
    assert.equal(pair?.axis, 'research-commercial');
    assert.deepEqual(pair?.target.map((t) => exactOf(t.selector)), ['学界', '产业界']);
    // Each end is an annotation too, tagged with its pole.
    assert.deepEqual(json.annotations.map((a) => exactOf(a.target.selector)).sort(), ['产业界', '学界'].sort());
    assert.ok(json.annotations.every((a) => a.tags.length === 1));

    await dismissHover();
    await openViewContainer('Tension Lens');
    const rows = await eventually(async () => {
      const shown = await treeRows('Annotations');
      assert.ok(shown.some((r) => /Tension pairs|张力对/.test(r.label) && r.description === '1'), JSON.stringify(shown));
      return shown;
    }, { timeout: 20_000 });
    const pairRow = rows.find((r) => r.label === '学界 ↔ 产业界');
    assert.ok(pairRow, `no pair row in ${JSON.stringify(rows)}`);
    assert.match(pairRow.description, /学界|研究|research/i, 'the pair row names its axis');

    // The hover of the other end draws the link back to the first.
    const endHover = await hoverWord('产业界', { hasText: 'Tension pair ↔' });
    const text = await endHover.innerText();
    assert.match(text, /↔\s*“学界”/);
    assert.ok(await endHover.locator('a', { hasText: /Go to the other end|转到另一端/ }).count() > 0, 'the hover links to the other end');
    await dismissHover();
    await p.mouse.move(0, 0);
    await expectNoErrorNotification();
    await screenshot('tension-pair-site');
  });

  it('Link as Tension Pair… from the palette: the term under the cursor, the other end and the axis picked, a note', async () => {
    const p = workbench();
    const box = await findWordBox('开源模型');
    assert.ok(box, '开源模型 is not on screen');
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.keyboard.press('Escape');

    await runCommand('Link as Tension Pair', 'stays');
    const input = p.locator('.quick-input-widget input');
    await p.locator('.quick-input-widget', { hasText: /Link “开源模型” with|将“开源模型”链接到/ }).waitFor({ state: 'visible' });
    await input.fill('闭源商用');
    await p.locator('.quick-input-list .monaco-list-row', { hasText: '闭源商用' }).first().waitFor();
    await p.keyboard.press('Enter');
    // The axis of the terms is offered first.
    await p.locator('.quick-input-widget', { hasText: /Axis of the tension pair|张力对所在的轴/ }).waitFor({ state: 'visible' });
    await p.locator('.quick-input-list .monaco-list-row', { hasText: /axis of the terms|术语所在的轴/ }).first().waitFor();
    await p.keyboard.press('Enter');
    await p.locator('.quick-input-widget', { hasText: /Note on the tension pair|张力对备注/ }).waitFor({ state: 'visible' });
    await input.fill('透明与闭源');
    await p.keyboard.press('Enter');

    const pair = await eventually(() => {
      const found = readSidecar()?.pairs?.find((x) => x.note === '透明与闭源');
      assert.ok(found, 'the second pair is in the sidecar');
      return Promise.resolve(found);
    }, { timeout: 20_000 });
    assert.equal(pair.axis, 'open-closed');
    assert.deepEqual(pair.target.map((t) => exactOf(t.selector)), ['开源模型', '闭源商用']);

    await openViewContainer('Tension Lens');
    await eventually(async () => {
      const shown = await treeRows('Annotations');
      assert.ok(shown.some((r) => /Tension pairs|张力对/.test(r.label) && r.description === '2'), JSON.stringify(shown));
      const row = shown.find((r) => r.label === '开源模型 ↔ 闭源商用');
      assert.ok(row, JSON.stringify(shown));
      assert.match(row.description, /透明与闭源/);
    }, { timeout: 20_000 });
    await expectNoErrorNotification();
  });
});
