// Every suite starts from a clean workbench (test/e2e/hooks.ts): a suite that ends with a modal dialog up over a
// dirty editor does not hand it to the next suite.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openOwnWorkspace } from './screen';
import { openFile, openWorkbench, workbench } from './workbench';

const DIALOG = '.monaco-dialog-box';
const QUICK_INPUT = '.quick-input-widget input';

/** Runs a command by its palette label; the palette opened from the title bar's command center, as a user does. */
async function runCommand(page: Page, label: string): Promise<void> {
  await page.locator('.command-center .command-center-center').first().click();
  const input = page.locator(QUICK_INPUT);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // Clicked, not Enter: the first row may be another command whose label shares the words.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
}

let messLeft = false;

describe('isolation: a suite that leaves a mess behind', () => {
  before(async () => {
    // A workspace of its own: the server keeps a workspace's unsaved editors as backups and restores them in the
    // next window on that workspace (hot exit), so a dirty editor left in the fixture workspace would reach every
    // later suite's fresh window, not as a leak of this window but as VS Code meant it.
    await openOwnWorkspace('isolation');
  });

  it('leaves a dirty editor with its save dialog up', async () => {
    const page = workbench();
    // An untitled editor: never auto-saved, and nothing written into the workspace the later suites read.
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.part.editor .tab.active', { hasText: 'Untitled' }).waitFor();
    await page.locator('.part.editor .monaco-editor .view-line').first().click();
    await page.keyboard.type('未保存');
    await page.locator('.part.editor .tab.active.dirty').waitFor();
    await runCommand(page, 'View: Close All Editors');
    // "Do you want to save the changes...?": modal, every later click and key of this window goes to it.
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    messLeft = true;
  });
});

describe('isolation: the suite after it', () => {
  before(async () => {
    await openWorkbench();
  });

  it('gets a fresh window: no dialog, no quick input, no editor open, and it works', async () => {
    const page = workbench();
    assert.equal(await page.locator(DIALOG).count(), 0, 'a dialog left by the previous suite');
    assert.equal(await page.locator(QUICK_INPUT).isVisible(), false, 'a quick input left open');
    assert.equal(await page.locator('.part.editor .tab').count(), 0, 'editors left open');
    assert.ok(messLeft, 'the previous suite left its mess');
    // And the workbench works: a file opens.
    await openFile('openai-departures-news.txt');
  });
});
