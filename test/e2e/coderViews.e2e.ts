// Whose coding the editor shows, in the browser workbench: coding as alice with bob's sidecar beside hers, "Show
// Coding of… → All coders" draws bob's annotations in the editor apart from alice's (his underline style and his
// name after each span); blind mode takes bob's out of the DOM; Intercoder Agreement over the article brings them back.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openOwnWorkspace, runCommand, updateSettings } from './screen';
import { dismissHover, eventually, openFile, screenshot, waitForEditorText, workbench } from './workbench';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'agreement');
const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

/** What the editor drew for annotations: the underline styles under each word, and the coder names written after spans. */
interface CoderMarks {
  /** Word → the border-bottom styles (dashed, double, …) of the overlay boxes VS Code drew under all of it. */
  readonly underlines: Readonly<Record<string, readonly string[]>>;
  /** Every `⁽coder⁾` label in the rendered lines (as injected text or as a decoration's ::after content). */
  readonly labels: readonly string[];
}

/** Underlines of annotation decorations are overlay boxes (`.view-overlays .cdr`) under the text, not the text's spans. */
async function coderMarks(words: readonly string[]): Promise<CoderMarks> {
  return workbench().evaluate(([selector, targets]) => {
    const editor = document.querySelector(selector);
    const nodes: Text[] = [];
    for (const line of Array.from(editor?.querySelectorAll('.view-lines .view-line') ?? []).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    }
    const text = nodes.map((n) => n.data).join('');
    const labels: string[] = [];
    for (const m of text.matchAll(/⁽([^⁾]+)⁾/gu)) labels.push(m[1] ?? '');
    for (const el of Array.from(editor?.querySelectorAll<HTMLElement>('.view-lines .view-line span') ?? [])) {
      for (const m of getComputedStyle(el, '::after').content.matchAll(/⁽([^⁾]+)⁾/gu)) labels.push(m[1] ?? '');
    }
    const boxes = Array.from(editor?.querySelectorAll<HTMLElement>('.view-overlays .cdr') ?? [])
      .map((o) => ({ style: getComputedStyle(o).borderBottomStyle, width: getComputedStyle(o).borderBottomWidth, rect: o.getBoundingClientRect() }))
      .filter((b) => b.style !== 'none' && b.width !== '0px');
    const underlines: Record<string, string[]> = {};
    for (const word of targets) {
      const start = text.indexOf(word);
      if (start < 0) continue;
      const rects: DOMRect[] = [];
      let offset = 0;
      for (const n of nodes) {
        const end = offset + n.data.length;
        if (end > start && offset < start + word.length) {
          const range = document.createRange();
          range.setStart(n, Math.max(start, offset) - offset);
          range.setEnd(n, Math.min(start + word.length, end) - offset);
          rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0));
        }
        offset = end;
      }
      // No named helper functions in here: the bundler would wrap them in a __name() the page does not have.
      const styles = new Set(boxes.map((b) => b.style));
      underlines[word] = [...styles].filter((style) => rects.length > 0 && rects.every((r) => boxes.some((b) => b.style === style
        && b.rect.left <= r.left + 1 && b.rect.right >= r.right - 1 && Math.min(b.rect.bottom, r.bottom) - Math.max(b.rect.top, r.top) > r.height / 2))).sort();
    }
    return { underlines, labels };
  }, [EDITOR, words] as const);
}

/** Alice alone coded the first; both coded the second (alice 开放协作原则可持续性, bob 开放协作原则). */
const ALICE_ONLY = '基础研究透明性';
const BOTH = '开放协作原则';

describe('coder views: all coders distinguishable, blind mode', () => {
  let folder: string;

  before(async () => {
    folder = await openOwnWorkspace('coders', { settings: { 'tensionLens.coder': 'alice', 'tensionLens.coderSidecars': true } });
    for (const name of ['sample.md', 'sample.md.tension.alice.json', 'sample.md.tension.bob.json']) fs.copyFileSync(path.join(FIXTURES, name), path.join(folder, name));
    await openFile('sample.md');
    await waitForEditorText('基础研究透明性与社区共建价值');
  });

  /** Picks an entry of Show Coding of…. */
  async function showCodingOf(entry: string): Promise<void> {
    await runCommand('Tension Lens: Show Coding of…', 'stays');
    await workbench().locator('.quick-input-list .monaco-list-row', { hasText: entry }).first().click();
  }

  it('shows my coding first; "All coders" adds bob’s, drawn apart; blind mode hides his until the agreement is computed', async () => {
    // A second try starts where the first began: not blind, nothing computed, my coding.
    updateSettings(folder, { 'tensionLens.team.blind': false });
    await runCommand('Tension Lens: Hide Other Coders Again (Blind Coding)');
    await showCodingOf('My coding');
    await dismissHover(); // the command center's tooltip can lie over the tabs
    await workbench().locator('.part.editor .tab', { hasText: 'sample.md' }).first().click();
    // Mine (alice) by default: her dashed underline, no coder's name anywhere.
    const mine = await eventually(async () => {
      const marks = await coderMarks([ALICE_ONLY, BOTH]);
      assert.deepEqual(marks.underlines[ALICE_ONLY], ['dashed'], JSON.stringify(marks));
      return marks;
    }, { timeout: 30_000 });
    assert.deepEqual(mine.labels, [], 'no other coder is shown in "My coding"');
    assert.deepEqual(mine.underlines[BOTH], ['dashed'], 'only my underline where both coded');

    await showCodingOf('All coders');
    const all = await eventually(async () => {
      const marks = await coderMarks([ALICE_ONLY, BOTH]);
      assert.ok(marks.labels.includes('bob'), `bob's name after his spans: ${JSON.stringify(marks)}`);
      assert.equal(marks.underlines[BOTH]?.length, 2, JSON.stringify(marks));
      return marks;
    }, { timeout: 30_000 });
    await screenshot('coders-all');
    // Each coder distinguishable: alice's own spans dashed (no name), bob's in an underline style of his own.
    assert.deepEqual(all.underlines[ALICE_ONLY], ['dashed'], 'alice’s annotation keeps her dashed underline, no other');
    const bobs = all.underlines[BOTH]?.filter((s) => s !== 'dashed') ?? [];
    assert.equal(bobs.length, 1, `where both coded, bob's underline in a style of his own: ${JSON.stringify(all.underlines)}`);
    assert.ok(!all.labels.includes('alice'), 'my own annotations carry no name');

    updateSettings(folder, { 'tensionLens.team.blind': true });
    const blind = await eventually(async () => {
      const marks = await coderMarks([ALICE_ONLY, BOTH]);
      assert.deepEqual(marks.labels, [], `bob's names gone: ${JSON.stringify(marks)}`);
      assert.deepEqual(marks.underlines[BOTH], ['dashed'], `bob's underline gone: ${JSON.stringify(marks)}`);
      return marks;
    }, { timeout: 30_000 });
    assert.deepEqual(blind.underlines[ALICE_ONLY], ['dashed'], 'my own annotations stay');
    await screenshot('coders-blind');

    // Computing the agreement over the article lifts blind mode for it.
    await runCommand('Tension Lens: Intercoder Agreement…');
    // The agreement page opens over the article: back to the article's tab (a key pressed in a webview can get lost).
    await workbench().locator('.part.editor .tab', { hasText: 'Agreement' }).first().waitFor({ timeout: 30_000 });
    await dismissHover(); // the command center's tooltip can lie over the tabs
    await workbench().locator('.part.editor .tab', { hasText: 'sample.md' }).first().click();
    await eventually(async () => {
      const marks = await coderMarks([BOTH]);
      assert.ok(marks.labels.includes('bob'), `bob's names back after the agreement: ${JSON.stringify(marks)}`);
    }, { timeout: 30_000 });
  });
});
