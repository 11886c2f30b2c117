// Pole colours follow the colour theme, in the real web workbench, in a workspace of its own (with a user lexicon):
// light → dark → high contrast. After each switch, every term is drawn in its pole's colour of the new theme, and
// those colours are not the previous theme's.
import * as assert from 'node:assert/strict';
import { builtinLexicon } from '../../src/core/lexicon/builtin';
import { ARTICLE, BUILT_IN, type Expected, GAME_LEXICON, expectPoleColours, openOwnWorkspace, poleColour, updateSettings } from './screen';
import { expectNoErrorNotification, openFile, screenshot, waitForEditorText, workbench } from './workbench';

const POLES = builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id));
const ALL: readonly Expected[] = [...BUILT_IN, { word: '博弈', pole: 'competition' }];
const THEMES = [
  { theme: 'Light Modern', body: 'vs' },
  { theme: 'Dark Modern', body: 'vs-dark' },
  { theme: 'Default High Contrast', body: 'hc-black' },
] as const;

describe('pole colours follow the theme: light → dark → high contrast', () => {
  let folder: string;

  before(async () => {
    folder = await openOwnWorkspace('themes', { lexicon: GAME_LEXICON, settings: { 'workbench.colorTheme': THEMES[0].theme } });
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
  });

  it('each theme draws every term in its own pole colours', async () => {
    let previous: string[] | undefined;
    for (const { theme, body } of THEMES) {
      updateSettings(folder, { 'workbench.colorTheme': theme });
      await workbench().waitForFunction((k) => document.querySelector('.monaco-workbench')?.classList.contains(k) ?? false, body, { timeout: 20_000 });
      await expectPoleColours(ALL, 'background', POLES);
      const colours = await Promise.all(['open', 'closed', 'commercial', 'competition'].map((p) => poleColour(p, 'background')));
      if (previous) assert.notDeepEqual(colours, previous, `${theme} draws the poles in the previous theme's colours`);
      previous = colours;
      await screenshot(`theme-${body}`);
    }
    await expectNoErrorNotification();
  });
});
