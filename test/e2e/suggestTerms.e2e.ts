// Suggest Terms in the real web workbench, one window: the command from the palette, the review list in the quick
// input, Accept on a candidate — then the editor DOM must draw the accepted word in its pole's colour — and Reject
// from a row's button, remembered in .vscode/tension-lexicon.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectPoleColours, openOwnWorkspace, runCommand } from './screen';
import { eventually, expectNoErrorNotification, findWordBox, openFile, screenshot, waitForEditorText, workbench } from './workbench';

const FILE = 'suggest-me.md';
const POLES = ['open', 'closed'];
const ROW = '.quick-input-widget .quick-input-list .monaco-list-row';

describe('Suggest Terms: accept from the review list, see it highlighted; reject, remembered', () => {
  let folder: string;
  const lexicon = (): { rejected?: string[]; axes?: { id: string; poles: { id: string; terms: { forms: string[] }[] }[] }[] } | undefined => {
    const file = path.join(folder, '.vscode', 'tension-lexicon.json');
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof lexicon> : undefined;
  };
  /** Runs the command and waits for its review list to show the candidate. */
  const openReview = async (candidate: string): Promise<void> => {
    await runCommand('Tension Lens: Suggest Terms…', 'stays');
    await workbench().locator(ROW, { hasText: candidate }).first().waitFor({ timeout: 60_000 });
  };

  before(async () => {
    folder = await openOwnWorkspace('suggest-terms');
    fs.writeFileSync(path.join(folder, FILE), '# 行业观察\n\n这场开放与壁垒之争仍在继续。\n\n从封闭到互通，行业走了十年。\n\n社区自治是他们的答案。\n');
    await openFile(FILE);
    await waitForEditorText('壁垒之争');
    await expectPoleColours([{ word: '开放', pole: 'open' }, { word: '壁垒', pole: undefined }], 'background', POLES, 30_000);
  });

  it('accept: the word is written to the lexicon on the proposed pole and drawn in its colour', async () => {
    const page = workbench();
    await openReview('壁垒');
    await page.locator('.quick-input-widget input').fill('壁垒');
    await page.locator(ROW, { hasText: '壁垒' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The candidate's own list: Accept as <proposed pole> first, then its examples.
    await page.locator(ROW, { hasText: 'Accept as 封闭 closed' }).first().waitFor();
    await page.locator(ROW, { hasText: 'suggest-me.md:3' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expectPoleColours([{ word: '开放', pole: 'open' }, { word: '壁垒', pole: 'closed' }], 'background', POLES, 30_000);
    const closed = lexicon()?.axes?.find((a) => a.id === 'open-closed')?.poles.find((p) => p.id === 'closed');
    assert.deepEqual(closed?.terms.flatMap((t) => t.forms), ['壁垒']);
    // The review list comes back for the other candidates; closed, the editor shows the accepted word.
    await page.keyboard.press('Escape');
    await screenshot('suggest-terms-accepted');
  });

  it('reject: the row button writes the form to the rejected list and the list drops it', async () => {
    const page = workbench();
    await openReview('互通');
    const row = page.locator(ROW, { hasText: '互通' }).first();
    await row.hover();
    await row.locator('.action-label[aria-label="Reject: never suggest again"]').click();
    await eventually(() => Promise.resolve(assert.deepEqual(lexicon()?.rejected, ['互通'])));
    await eventually(async () => assert.equal(await page.locator(ROW, { hasText: '互通' }).count(), 0));
    await page.keyboard.press('Escape');
    await expectNoErrorNotification();
  });

  it('learning from coding: annotating an unknown word with a pole tag offers "Add to lexicon as", one click adds and draws it', async () => {
    const page = workbench();
    await expectPoleColours([{ word: '社区自治', pole: undefined }], 'background', POLES);
    const box = await findWordBox('社区自治');
    assert.ok(box, '社区自治 is not on screen');
    await page.mouse.click(box.x + 1, box.y + box.height / 2);
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+Alt+A');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The built-in pole tag 开放 (the open pole), picked by its label.
    await input.fill('开放');
    await page.locator(ROW, { hasText: '开放' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: /Note|备注/ }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const add = page.locator('.notification-toast .monaco-button', { hasText: 'Add to lexicon as 开放 open' });
    await add.first().waitFor({ timeout: 30_000 });
    await add.first().click();
    await expectPoleColours([{ word: '社区自治', pole: 'open' }, { word: '壁垒', pole: 'closed' }], 'background', POLES, 30_000);
    const open = lexicon()?.axes?.find((a) => a.id === 'open-closed')?.poles.find((p) => p.id === 'open');
    assert.deepEqual(open?.terms.flatMap((t) => t.forms), ['社区自治']);
    await expectNoErrorNotification();
  });
});
