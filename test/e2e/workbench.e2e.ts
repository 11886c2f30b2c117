// The workbench shows the sample article with the extension installed, and nothing reports an error.
import * as assert from 'node:assert/strict';
import { expectNoErrorNotification, findWordBox, openFile, openWorkbench, screenshot, waitForEditorText } from './workbench';

describe('workbench', () => {
  before(async () => {
    await openWorkbench();
  });

  it('opens the Markdown article and shows its Chinese text', async () => {
    await openFile('ai-lab-expert-departure.md');
    await waitForEditorText('开放原则');
    const box = await findWordBox('开放原则');
    assert.ok(box, '开放原则 is not on screen');
    assert.ok(box.width > 0 && box.height > 0, `开放原则 has an empty box: ${JSON.stringify(box)}`);
    await expectNoErrorNotification();
    await screenshot('workbench-article');
  });
});
