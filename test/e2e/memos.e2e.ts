// A tag memo (its definition and coding rule, written in the shared tension-codebook.json) is what a coder sees
// where the tag is: in the Tags view row's description and in the hover of an annotation carrying the tag. Asserts
// what the workbench drew (the tree row's DOM, the hover's DOM), in a workspace of the suite's own.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAnnotation, newSidecar, serializeSidecar, sha256Hex } from '../../src/core';
import { ARTICLE, openOwnWorkspace } from './screen';
import { dismissHover, eventually, hoverWord, openFile, openViewContainer, screenshot, setViewExpanded, treeRows, waitForEditorText } from './workbench';

const TAG = '争议焦点';
const MEMO = '定义：双方分歧最集中的表述。规则：只标注明确表态的句子。';
const QUOTE = '开放原则';

describe('Memos: a tag memo from the shared codebook shows in the Tags view and the annotation hover', () => {
  before(async () => {
    const folder = await openOwnWorkspace('memos');
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
});
