// The switches a reader flips, in the real web workbench, in a workspace of its own that has a user lexicon (the
// case where a settings change used to leave the article bare): Toggle Axis… off and on, Toggle Highlights off and
// on, and tensionLens.highlightStyle switched. After each, the DOM must show the right terms in the right colours.
import { builtinLexicon } from '../../src/core/lexicon/builtin';
import { ARTICLE, BUILT_IN, type Expected, GAME_LEXICON, expectPoleColours, openOwnWorkspace, runCommand, updateSettings } from './screen';
import { expectNoErrorNotification, openFile, screenshot, waitForEditorText, workbench } from './workbench';

const POLES = builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id));
const ALL: readonly Expected[] = [...BUILT_IN, { word: '博弈', pole: 'competition' }];
const OPEN_CLOSED = builtinLexicon.axes.find((a) => a.id === 'open-closed');

/** Toggle Axis…: unticks or ticks the open/closed axis in the command's multi-select pick, then accepts it. */
async function toggleOpenClosed(): Promise<void> {
  const page = workbench();
  await runCommand('Tension Lens: Toggle Axis…', 'stays');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: `${OPEN_CLOSED?.label.zh ?? ''} · ${OPEN_CLOSED?.label.en ?? ''}` }).first();
  await row.waitFor();
  const ticked = async (): Promise<boolean> => (await row.getAttribute('aria-checked')) === 'true';
  const before = await ticked();
  await row.click(); // a click on a row of a multi-select pick flips its tick
  for (let i = 0; i < 50 && (await ticked()) === before; i++) await page.waitForTimeout(100);
  await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
  await page.locator('.quick-input-widget input').waitFor({ state: 'hidden' });
}

describe('highlight switches with a user lexicon: Toggle Axis…, Toggle Highlights, highlightStyle', () => {
  let folder: string;

  before(async () => {
    folder = await openOwnWorkspace('switches', { lexicon: GAME_LEXICON });
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
    await expectPoleColours(ALL, 'background', POLES, 30_000);
  });

  it('Toggle Axis… off hides the open/closed terms only; on again brings them back', async () => {
    await toggleOpenClosed();
    const hidden = ALL.map((e) => (e.pole === 'open' || e.pole === 'closed' ? { word: e.word, pole: undefined } : e));
    await expectPoleColours(hidden, 'background', POLES);
    await screenshot('switches-axis-off');
    await toggleOpenClosed();
    await expectPoleColours(ALL, 'background', POLES);
  });

  it('Toggle Highlights off leaves no pole colour; on again restores every one', async () => {
    await runCommand('Tension Lens: Toggle Highlights');
    await expectPoleColours(ALL.map((e) => ({ word: e.word, pole: undefined })), 'background', POLES);
    await runCommand('Tension Lens: Toggle Highlights');
    await expectPoleColours(ALL, 'background', POLES);
  });

  it('highlightStyle underline, then text, then background: each term in its pole\'s colour in that style', async () => {
    updateSettings(folder, { 'tensionLens.highlightStyle': 'underline' });
    await expectPoleColours(ALL, 'underline', POLES);
    await screenshot('switches-underline');
    updateSettings(folder, { 'tensionLens.highlightStyle': 'text' });
    await expectPoleColours(ALL, 'text', POLES);
    await screenshot('switches-text');
    updateSettings(folder, { 'tensionLens.highlightStyle': undefined });
    await expectPoleColours(ALL, 'background', POLES);
    await expectNoErrorNotification();
  });
});
