// A user lexicon (.vscode/tension-lexicon.json) in the real web workbench, each suite in a workspace of its own:
// present when the workbench opens, then added, edited, broken and deleted while the article is open. After each
// step the DOM must show the built-in terms in their poles' colours and the user's terms in theirs.
import * as assert from 'node:assert/strict';
import { builtinLexicon } from '../../src/core/lexicon/builtin';
import {
  ARTICLE, BUILT_IN, DEPARTURE, GAME, GAME_LEXICON, deleteLexicon, expectPoleColours, lexiconWith, openOwnWorkspace,
  problemRows, runCommand, writeLexicon,
} from './screen';
import { eventually, expectNoErrorNotification, openFile, screenshot, waitForEditorText } from './workbench';

const POLES = builtinLexicon.axes.flatMap((a) => a.poles.map((p) => p.id));

describe('user lexicon present when the workbench opens', () => {
  before(async () => {
    await openOwnWorkspace('lexicon-at-start', { lexicon: GAME_LEXICON });
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
  });

  it('the built-in terms keep their pole colours and the user term is drawn in its pole\'s', async () => {
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: 'competition' }, { word: DEPARTURE, pole: undefined }], 'background', POLES, 30_000);
    await screenshot('user-lexicon-at-start');
    await expectNoErrorNotification();
  });
});

describe('user lexicon added, edited, broken and deleted while the article is open', () => {
  let folder: string;

  before(async () => {
    folder = await openOwnWorkspace('lexicon-live');
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: undefined }], 'background', POLES, 30_000);
  });

  it('added: the user term is drawn, the built-in terms stay', async () => {
    writeLexicon(folder, GAME_LEXICON);
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: 'competition' }, { word: DEPARTURE, pole: undefined }], 'background', POLES);
  });

  it('edited: a new user term appears in its pole\'s colour', async () => {
    writeLexicon(folder, lexiconWith([{ pole: 'competition', id: 'user-game', form: GAME }, { pole: 'closed', id: 'user-departure', form: DEPARTURE }]));
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: 'competition' }, { word: DEPARTURE, pole: 'closed' }], 'background', POLES);
    await screenshot('user-lexicon-edited');
  });

  it('broken: a Problems entry names the file, and the built-in highlights stay', async () => {
    writeLexicon(folder, '{\n  "version": 1,\n  "axes": [ { "id": "open-closed", "poles": "oops" } ]\n}\n');
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: undefined }, { word: DEPARTURE, pole: undefined }], 'background', POLES);
    await eventually(async () => {
      const rows = await problemRows();
      assert.ok(rows.some((r) => r.includes('tension-lexicon.json')), `the Problems panel lists no tension-lexicon.json entry: ${JSON.stringify(rows)}`);
      assert.ok(rows.some((r) => /poles/.test(r)), `no Problems entry says what is wrong with "poles": ${JSON.stringify(rows)}`);
    });
    await screenshot('user-lexicon-broken');
    await runCommand('View: Toggle Panel Visibility');
  });

  it('deleted: the built-in highlights stay, the user terms go, the Problems entry clears', async () => {
    writeLexicon(folder, GAME_LEXICON);
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: 'competition' }], 'background', POLES);
    deleteLexicon(folder);
    await expectPoleColours([...BUILT_IN, { word: GAME, pole: undefined }, { word: DEPARTURE, pole: undefined }], 'background', POLES);
    await eventually(async () => {
      const rows = await problemRows();
      assert.ok(!rows.some((r) => r.includes('tension-lexicon.json')), `the Problems panel still lists the lexicon: ${JSON.stringify(rows)}`);
    });
    await runCommand('View: Toggle Panel Visibility');
    await expectNoErrorNotification();
  });
});
