// Adjudication in the browser workbench: the side-by-side disagreement page of two coders' sidecars, one disagreement
// accepted from coder A into the consensus sidecar (checked in the page's DOM and in the file), then undone.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand } from './screen';
import { eventually, openWorkbench, screenshot } from './workbench';

const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'agreement');
const page = (p: Page): FrameLocator => p.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

describe('adjudication (browser)', () => {
  const dir = path.join(folder, 'adjudicate');
  const consensus = path.join(dir, 'sample.md.tension.json');

  before(() => {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of ['sample.md', 'sample.md.tension.alice.json', 'sample.md.tension.bob.json']) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  });

  // The folder is shared with the later suites: the dashboard counts the workspace's articles, so leave none behind.
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('settles a disagreement into the consensus sidecar, and undoes it', async () => {
    const p = await openWorkbench();
    await runCommand('Tension Lens: Adjudicate Disagreements…');
    const frame = page(p);
    const card = frame.locator('article.card', { hasText: '开放协作原则可持续性' }).first();
    await card.waitFor({ timeout: 30_000 });
    // What each coder marked is drawn in its own colour: A's longer stretch (A only past B's end), B's shorter one.
    assert.equal((await card.locator('.side-a mark.mark-both').first().innerText()).trim(), '开放协作原则');
    assert.equal((await card.locator('.side-a mark.mark-a').first().innerText()).trim(), '可持续性');
    assert.equal(await card.locator('.side-a mark.mark-b').count(), 0, 'A’s column shows A’s marks only');
    assert.ok(await frame.locator('article.card .side-b mark.mark-b').count() > 0, 'B-only passages in B’s column');
    await screenshot('adjudication');
    await card.locator('input.note').fill('A 的范围更完整');
    await card.getByRole('button', { name: 'Accept alice' }).click();

    const settled = frame.locator('article.card[data-state="a"]', { hasText: '开放协作原则可持续性' });
    await settled.waitFor({ timeout: 20_000 });
    assert.match(await settled.locator('.state').innerText(), /Accepted alice/);
    const written = await eventually(() => {
      const sidecar = JSON.parse(fs.readFileSync(consensus, 'utf8')) as { tags: { id: string; label: string }[]; annotations: { tags: string[]; note: string; target: { selector: { type: string; exact?: string }[] } }[] };
      if (sidecar.annotations.length === 0) throw new Error('nothing written yet');
      return Promise.resolve(sidecar);
    });
    assert.deepEqual(written.annotations.map((a) => [a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, a.note]), [['开放协作原则可持续性', 'A 的范围更完整']]);
    assert.deepEqual(written.tags.filter((t) => written.annotations[0]?.tags.includes(t.id)).map((t) => t.label), ['开放']);

    await frame.getByRole('button', { name: 'Undo' }).click();
    await frame.locator('article.card[data-state="open"]', { hasText: '开放协作原则可持续性' }).waitFor({ timeout: 20_000 });
    await eventually(() => Promise.resolve(assert.equal(fs.existsSync(consensus), false, 'the consensus sidecar the step created is gone again')));
  });
});
