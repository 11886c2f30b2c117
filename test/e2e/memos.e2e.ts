// A tag memo (its definition and coding rule, written in the shared tension-codebook.json) is what a coder sees
// where the tag is: in the Tags view row's description and in the hover of an annotation carrying the tag. Asserts
// what the workbench drew (the tree row's DOM, the hover's DOM), in a workspace of the suite's own.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAnnotation, newSidecar, serializeSidecar, sha256Hex } from '../../src/core';
import { ARTICLE, openOwnWorkspace, runCommand } from './screen';
import { dismissHover, eventually, hoverWord, openFile, openViewContainer, screenshot, setViewExpanded, treeRows, waitForEditorText, workbench } from './workbench';

const TAG = '争议焦点';
const MEMO = '定义：双方分歧最集中的表述。规则：只标注明确表态的句子。';
const QUOTE = '开放原则';

const NEW_MEMO = '新定义：只算机构与研究者之间的分歧。';
const ARTICLE_MEMO = '这篇报道以离职为线索。';

/** Replaces the text of the active memo editor (opened by an Edit … Memo command) and saves it with Ctrl+S. */
async function writeMemo(waitFor: string, text: string): Promise<void> {
  const p = workbench();
  await waitForEditorText(waitFor);
  await p.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await p.keyboard.press('Control+A');
  await p.keyboard.insertText(text);
  await p.keyboard.press('Control+S');
}

describe('Memos: a tag memo from the shared codebook shows in the Tags view and the annotation hover', () => {
  let folder = '';

  before(async () => {
    folder = await openOwnWorkspace('memos');
    const text = fs.readFileSync(path.join(folder, ARTICLE), 'utf8').replace(/^\uFEFF/, '');
    const start = text.indexOf(QUOTE);
    assert.ok(start >= 0, `${QUOTE} is in the seed article`);
    const sidecar = {
      ...newSidecar({ path: ARTICLE, sha256: await sha256Hex(text), length: text.length }, [{ id: 'focus', label: TAG, color: '#e5534b' }]),
      annotations: [createAnnotation({ text, start, end: start + QUOTE.length, tags: ['focus'], note: '', now: '2026-01-01T00:00:00.000Z', id: 'memo-e2e' })],
    };
    fs.writeFileSync(path.join(folder, `${ARTICLE}.tension.json`), serializeSidecar(sidecar));
    fs.writeFileSync(path.join(folder, 'tension-codebook.json'), `${JSON.stringify({ version: 1, tags: [{ label: TAG, description: MEMO }] }, null, 2)}\n`);
    await openFile(ARTICLE);
    await waitForEditorText(QUOTE);
    await openViewContainer('Tension Lens');
    await setViewExpanded('Tags', true);
  });

  it('the Tags view row of the tag shows its memo', async () => {
    const row = await eventually(async () => {
      const found = (await treeRows('Tags')).find((r) => r.label === TAG);
      assert.ok(found, `a ${TAG} row in the Tags view`);
      assert.ok(found.description.includes(MEMO), `the row's description holds the memo: ${JSON.stringify(found)}`);
      return found;
    }, { timeout: 30_000 });
    assert.match(row.description, /^1 · /, 'the count first, then the memo');
  });

  it('the hover of an annotation carrying the tag shows the memo', async () => {
    const hover = await hoverWord(QUOTE, { hasText: '规则：只标注明确表态的句子' });
    const text = await hover.innerText();
    assert.ok(text.includes(TAG) && text.includes(MEMO), `hover: ${text}`);
    await screenshot('memos-hover');
    await dismissHover();
  });

  it('Edit Tag Memo… opens the memo in an editor, and saving it writes the codebook and redraws the Tags row', async () => {
    await runCommand('Tension Lens: Edit Tag Memo…', 'stays');
    const p = workbench();
    await p.locator('.quick-input-widget input').fill(TAG);
    await p.locator('.quick-input-list .monaco-list-row', { hasText: TAG }).first().waitFor();
    await p.keyboard.press('Enter');
    await writeMemo('只标注明确表态的句子', NEW_MEMO);
    await eventually(() => {
      const book = JSON.parse(fs.readFileSync(path.join(folder, 'tension-codebook.json'), 'utf8')) as { tags: { label: string; description?: string }[] };
      assert.equal(book.tags.find((t) => t.label === TAG)?.description, NEW_MEMO);
      return Promise.resolve();
    }, { timeout: 20_000 });
    // The memo editor is active: the views keep showing the article (a memo is not an article).
    await eventually(async () => {
      const row = (await treeRows('Tags')).find((r) => r.label === TAG);
      assert.ok(row?.description.includes(NEW_MEMO), `the Tags row shows the new memo: ${JSON.stringify(row)}`);
    }, { timeout: 20_000 });
  });

  it('Edit Article Memo… stores the memo in the sidecar and the Annotations view shows it first', async () => {
    await openFile(ARTICLE);
    await waitForEditorText(QUOTE);
    await runCommand('Tension Lens: Edit Article Memo…');
    await writeMemo('', ARTICLE_MEMO);
    await eventually(() => {
      const sidecar = JSON.parse(fs.readFileSync(path.join(folder, `${ARTICLE}.tension.json`), 'utf8')) as { memo?: string };
      assert.equal(sidecar.memo, ARTICLE_MEMO);
      return Promise.resolve();
    }, { timeout: 20_000 });
    await eventually(async () => {
      const [first] = await treeRows('Annotations');
      assert.deepEqual(first && { label: first.label, description: first.description }, { label: 'Article memo', description: ARTICLE_MEMO });
    }, { timeout: 20_000 });
    await screenshot('memos-article');
    // A memo document is Markdown, so the annotation layer looks for its sidecar too: it must find none, not the memo.
    const notices = await workbench().locator('.notification-list-item .notification-list-item-message').allInnerTexts();
    assert.deepEqual(notices.filter((m) => m.includes('.tension.json')), [], 'no sidecar problem is reported for a memo document');
  });
});
