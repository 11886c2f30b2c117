// The Terms and Tags views say which article they show, to everyone: in a workspace of their own, when a non-article
// (a JSON settings file) becomes active both views keep the article and name it in their description (none while
// the article itself is active), and their rows announce label and count to a screen reader (aria-label), not the
// definition in their tooltip.
import * as assert from 'node:assert/strict';
import { ARTICLE, openOwnWorkspace } from './screen';
import { eventually, expectNoErrorNotification, openFile, openViewContainer, screenshot, setViewExpanded, waitForEditorText, workbench } from './workbench';

/** The pane of a side bar view, found by its header's label whether or not a description follows the name. */
function pane(view: string) {
  return workbench().locator('.part.sidebar .pane').filter({ has: workbench().locator(`> .pane-header[aria-label^="${view} "]`) });
}

/** The description shown in a view's header ('' when none). */
async function viewDescription(view: string): Promise<string> {
  const description = pane(view).locator('> .pane-header .description').first();
  return (await description.count()) > 0 ? (await description.innerText()).trim() : '';
}

/** The aria-labels of the rendered rows of a view. */
async function rowLabels(view: string): Promise<string[]> {
  return pane(view).locator('.monaco-list-rows > .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

describe('Terms and Tags views name the article they show; rows announce label and count', () => {
  before(async () => {
    await openOwnWorkspace('views');
    await openFile(ARTICLE);
    await waitForEditorText('开放原则');
    await openViewContainer('Tension Lens');
    await setViewExpanded('Terms', true);
    await setViewExpanded('Tags', true);
  });

  it('rows announce their label and count, not their tooltip', async () => {
    await eventually(async () => {
      const terms = await rowLabels('Terms');
      assert.ok(terms.some((l) => /^开放 vs 封闭 Open vs closed, 开放 \d+ against 封闭 \d+$/.test(l)), `no axis row announces its counts: ${JSON.stringify(terms)}`);
      assert.ok(terms.some((l) => /^开放 Open, occurrences: \d+$/.test(l)), `no pole row announces its count: ${JSON.stringify(terms)}`);
      const tags = await rowLabels('Tags');
      assert.ok(tags.some((l) => /^开放 Open, 开放 vs 封闭, occurrences: \d+$/.test(l)), `no built-in tag row announces its count: ${JSON.stringify(tags)}`);
    });
  });

  it('with a non-article active, both views keep the article and still name it', async () => {
    await openFile('settings.json');
    await eventually(async () => {
      assert.equal(await viewDescription('Terms'), ARTICLE, 'Terms view description');
      assert.equal(await viewDescription('Tags'), ARTICLE, 'Tags view description');
      const terms = await rowLabels('Terms');
      assert.ok(terms.some((l) => /occurrences: [1-9]/.test(l)), `the Terms view still lists the article's terms: ${JSON.stringify(terms)}`);
      const tags = await rowLabels('Tags');
      assert.ok(tags.some((l) => /occurrences: [1-9]/.test(l)), `the Tags view still counts the article's poles: ${JSON.stringify(tags)}`);
    });
    await screenshot('views-non-article-active');
    await expectNoErrorNotification();
  });

  it('with the article active again, the descriptions clear', async () => {
    await openFile(ARTICLE);
    await eventually(async () => {
      assert.equal(await viewDescription('Terms'), '', 'Terms view description');
      assert.equal(await viewDescription('Tags'), '', 'Tags view description');
    });
  });
});
