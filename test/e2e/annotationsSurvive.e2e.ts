// Annotations that survive real editing, as a user sees them in the browser workbench: the Annotations view's rows
// and the dashed underline VS Code draws for each annotation. Issue #15 cases 1 (an outside change to a paragraph),
// 2 (cut, then undo), 3 (renaming a folder with sidecars in .tension/) and 7 (the tag picker offers the codebook).
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAnnotation, describeDocument, newSidecar, serializeSidecar } from '../../src/core/annotations';
import {
  eventually, expectNoErrorNotification, findWordBox, openViewContainer, openWorkbench, screenshot, treeRows, waitForEditorText, workbench,
} from './workbench';

const folder = process.env['VSCODE_E2E_FOLDER'] ?? '';
const SEED = 'ai-lab-expert-departure.md';
const QUOTES = ['开源模型优化项目', '闭源商用路径', '算力资源配置'];
const LINE = 2; // 0-based: the one-paragraph abstract

/** Writes `name` (a copy of the seed) and its sidecar with the three line-3 quotes annotated under tag 争议焦点. */
async function annotatedCopy(name: string, sidecarPath = `${name}.tension.json`): Promise<string> {
  const text = fs.readFileSync(path.join(folder, SEED), 'utf8');
  const lineStart = text.split('\n').slice(0, LINE).join('\n').length + 1;
  const now = '2026-01-01T00:00:00.000Z';
  const sidecar = {
    ...newSidecar(await describeDocument(name, text), [{ id: 'dispute', label: '争议焦点', color: '#e5534b' }]),
    annotations: QUOTES.map((quote, i) => {
      const start = text.indexOf(quote, lineStart);
      return createAnnotation({ text, start, end: start + quote.length, tags: ['dispute'], now, id: `a${i}` });
    }),
  };
  fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
  fs.writeFileSync(path.join(folder, name), text);
  fs.mkdirSync(path.dirname(path.join(folder, sidecarPath)), { recursive: true });
  fs.writeFileSync(path.join(folder, sidecarPath), serializeSidecar(sidecar));
  return text;
}

/**
 * True when every visual part of the first rendered occurrence of `word` in the active editor lies over a box VS Code
 * drew with a dashed bottom border: an annotation (its decoration is an overlay `.cdr` under the text).
 */
async function underlined(word: string): Promise<boolean> {
  return workbench().evaluate((target) => {
    const editor = document.querySelector('.part.editor .editor-group-container.active .monaco-editor');
    if (!editor) return false;
    const nodes: Text[] = [];
    for (const line of Array.from(editor.querySelectorAll('.view-lines .view-line')).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    }
    const text = nodes.map((n) => n.data).join('');
    const start = text.indexOf(target);
    if (start < 0) return false;
    const rects: DOMRect[] = [];
    let offset = 0;
    for (const n of nodes) {
      const end = offset + n.data.length;
      if (end > start && offset < start + target.length) {
        const range = document.createRange();
        range.setStart(n, Math.max(start, offset) - offset);
        range.setEnd(n, Math.min(start + target.length, end) - offset);
        rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0));
      }
      offset = end;
    }
    const dashed = Array.from(editor.querySelectorAll<HTMLElement>('.view-overlays .cdr'))
      .filter((o) => getComputedStyle(o).borderBottomStyle === 'dashed')
      .map((o) => o.getBoundingClientRect());
    return rects.length > 0 && rects.every((r) => dashed.some((b) => b.left <= r.left + 1 && b.right >= r.right - 1 && Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top) > r.height / 2));
  }, word);
}

async function annotationRows(): Promise<{ label: string; description: string }[]> {
  await openViewContainer('Tension Lens');
  return (await treeRows('Annotations')).map(({ label, description }) => ({ label, description }));
}

/** The Annotations view shows the three annotations under 争议焦点, none orphaned, and each is drawn. */
async function expectAllAnchored(what: string): Promise<void> {
  await eventually(async () => {
    const rows = await annotationRows();
    const group = rows.find((r) => r.label === '争议焦点');
    if (group?.description !== '3' || rows.some((r) => r.label === 'Orphaned')) throw new Error(`${what}: the Annotations view shows ${JSON.stringify(rows)}`);
    for (const quote of QUOTES) if (!(await underlined(quote))) throw new Error(`${what}: ${quote} is not underlined`);
  }, { timeout: 20_000 });
}

let originalSettings: string | undefined;

/** Sets one workspace setting in .vscode/settings.json; `undefined` puts the file back exactly as it was. */
function setSetting(key: string, value: unknown): void {
  const file = path.join(folder, '.vscode', 'settings.json');
  originalSettings ??= fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, value === undefined ? originalSettings : originalSettings.replace(/\n}\s*$/, `,\n  "${key}": ${JSON.stringify(value)}\n}\n`));
}

/**
 * Opens a file this suite wrote a moment ago with Quick Open, trying again while the workbench's file search has not
 * seen it yet (a file written outside VS Code shows there only after the watcher reports it).
 */
async function openFresh(name: string): Promise<void> {
  const p = workbench();
  const input = p.locator('.quick-input-widget input');
  for (let attempt = 0; ; attempt++) {
    await p.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    const row = p.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    const found = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (found) break;
    await p.keyboard.press('Escape');
    if (attempt >= 10) throw new Error(`Quick Open does not find ${name}`);
    await p.waitForTimeout(1_000);
  }
  await p.keyboard.press('Enter');
  await p.locator('.part.editor .tab.active', { hasText: name }).waitFor();
}

describe('annotations survive real editing (browser)', () => {
  let outsideText = '';

  before(async () => {
    assert.ok(folder, 'VSCODE_E2E_FOLDER is set by scripts/vscode/runE2E.mjs');
    // Every file is written first, so Quick Open has indexed them by the time a test opens one.
    outsideText = await annotatedCopy('survive-outside.md');
    await annotatedCopy('survive-cut.md');
    fs.writeFileSync(path.join(folder, 'survive-tags.md'), fs.readFileSync(path.join(folder, SEED), 'utf8'));
    fs.writeFileSync(path.join(folder, 'survive-data.json'), '{ "a": 1 }\n');
    fs.writeFileSync(path.join(folder, 'survive-malformed.md'), '开源与闭源之争。\n');
    fs.writeFileSync(path.join(folder, 'survive-malformed.md.tension.json'), '{\n  "version": 1,\n  "annotations": [ oops ]\n}\n');
    await openWorkbench();
  });

  beforeEach(async () => {
    // Nothing left open by a previous test (a quick pick, a hover) takes the keys of this one.
    await workbench().keyboard.press('Escape');
    await workbench().keyboard.press('Escape');
  });

  after(async () => {
    await workbench().keyboard.press('Escape');
    setSetting('tensionLens.sidecar.location', undefined);
    for (const f of ['survive-outside.md', 'survive-cut.md', 'survive-tags.md', 'survive-data.json', 'survive-malformed.md', 'survive-corpus', 'survive-corpus2', '.tension']) fs.rmSync(path.join(folder, f), { recursive: true, force: true });
    for (const f of fs.readdirSync(folder)) if (f.startsWith('survive-') && f.endsWith('.tension.json')) fs.rmSync(path.join(folder, f), { force: true });
  });

  it('case 1: an outside change to the paragraph leaves its annotations listed and drawn, none orphaned', async () => {
    const text = outsideText;
    await openFresh('survive-outside.md');
    await waitForEditorText('AI专家离职风波');
    await expectAllAnchored('after opening');
    // Another program appends a sentence to line 3 and changes its first word (VS Code replaces the whole line).
    const lines = text.split('\n');
    lines[LINE] = `${(lines[LINE] ?? '').replace('近日', '最近')}外部程序追加的一句。`;
    fs.writeFileSync(path.join(folder, 'survive-outside.md'), lines.join('\n'));
    await waitForEditorText('外部程序追加的一句');
    await expectAllAnchored('after the outside change');
    await expectNoErrorNotification();
    await screenshot('survive-outside');
  });

  it('case 2: cutting the paragraph and undoing brings its annotations back', async () => {
    await openFresh('survive-cut.md');
    await waitForEditorText('AI专家离职风波');
    await expectAllAnchored('after opening');
    const p = workbench();
    const box = await findWordBox('闭源商用路径');
    assert.ok(box, 'the quote is on screen');
    await p.mouse.click(box.x + 2, box.y + box.height / 2);
    // Ctrl+X with nothing selected cuts the whole line.
    await p.keyboard.press('Control+X');
    await eventually(async () => {
      const rows = await annotationRows();
      if (!rows.some((r) => r.label === 'Orphaned')) throw new Error(`not orphaned after the cut: ${JSON.stringify(rows)}`);
    });
    await eventually(async () => {
      if ((await findWordBox('该离职事件迅速引发')) !== undefined) throw new Error('the paragraph is still there');
    });
    // Back in the editor (the view was read with the mouse), then undo.
    const title = await findWordBox('AI专家离职风波');
    assert.ok(title);
    await p.mouse.click(title.x + 2, title.y + title.height / 2);
    await p.keyboard.press('Control+Z');
    await waitForEditorText('该离职事件迅速引发');
    await expectAllAnchored('after undo');
    await screenshot('survive-cut-undo');
  });

  it('case 3: in folder mode, renaming a folder in the Explorer keeps its articles’ annotations', async () => {
    setSetting('tensionLens.sidecar.location', 'folder');
    await annotatedCopy('survive-corpus/corpus-article.md', '.tension/survive-corpus/corpus-article.md.tension.json');
    const p = workbench();
    await openViewContainer('Explorer');
    const row = p.locator('.explorer-folders-view .monaco-list-row', { hasText: 'survive-corpus' }).first();
    await row.waitFor();
    await row.click();
    await p.keyboard.press('F2');
    const input = p.locator('.explorer-folders-view .monaco-inputbox input');
    await input.waitFor();
    await input.fill('survive-corpus2');
    await p.keyboard.press('Enter');
    await eventually(() => {
      if (!fs.existsSync(path.join(folder, '.tension', 'survive-corpus2', 'corpus-article.md.tension.json'))) throw new Error('the mirror did not follow the folder');
      return Promise.resolve();
    });
    assert.equal(fs.existsSync(path.join(folder, '.tension', 'survive-corpus')), false);
    try {
      await openFresh('corpus-article.md');
      await waitForEditorText('AI专家离职风波');
      await expectAllAnchored('after the folder rename');
      await screenshot('survive-folder-rename');
    } finally {
      setSetting('tensionLens.sidecar.location', undefined);
    }
  });

  it('case 7: the tag picker offers the built-in pole tags, and typing 开放 uses the pole tag — one 开放 group', async () => {
    await openFresh('survive-tags.md');
    await waitForEditorText('AI专家离职风波');
    const p = workbench();
    const box = await findWordBox('分道扬镳');
    assert.ok(box);
    await p.mouse.click(box.x + 1, box.y + box.height / 2);
    await p.keyboard.down('Shift');
    await p.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
    await p.keyboard.up('Shift');
    await p.keyboard.press('Control+Alt+A');
    const input = p.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    const rows = p.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: '封闭' }).first().waitFor();
    await input.fill('开放');
    await rows.filter({ hasText: '开放' }).first().waitFor();
    assert.equal(await rows.filter({ hasText: /Create tag|新建标签/ }).count(), 0, 'no offer to create a second 开放');
    await p.keyboard.press('Enter');
    await p.locator('.quick-input-widget', { hasText: /Note|备注/ }).waitFor({ state: 'visible' });
    await input.fill('');
    await p.keyboard.press('Enter');
    // Beside the article, or in .tension/ if the workbench has not yet applied case 3's setting being reset.
    const places = [path.join(folder, 'survive-tags.md.tension.json'), path.join(folder, '.tension', 'survive-tags.md.tension.json')];
    let sidecar = '';
    await eventually(() => {
      sidecar = places.find((f) => fs.existsSync(f)) ?? '';
      if (!sidecar) throw new Error('no sidecar yet');
      return Promise.resolve();
    });
    const json = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { tags: { id: string; label: string }[] };
    assert.deepEqual(json.tags.map((t) => [t.id, t.label]), [['pole-open', '开放']]);
    await eventually(async () => {
      const groups = (await annotationRows()).filter((r) => r.label === '开放');
      if (groups.length !== 1 || groups[0]?.description !== '1') throw new Error(`开放 groups: ${JSON.stringify(groups)}`);
    });
    assert.ok(await underlined('分道扬镳'), 'the annotation is drawn');
    await screenshot('survive-pole-tag');
  });

  /** Runs a command from the Command Palette by its title. */
  async function runCommand(title: string): Promise<void> {
    const p = workbench();
    await p.keyboard.press('F1');
    const input = p.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>Tension Lens: ${title}`);
    await p.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await p.keyboard.press('Enter');
  }

  const toasts = (text: RegExp) => workbench().locator('.notifications-toasts .notification-list-item', { hasText: text });

  it('#23: with a JSON file active, Next Annotation and New Tag say an article is needed and write nothing', async () => {
    await openFresh('survive-data.json');
    await runCommand('Next Annotation');
    await toasts(/Open a Markdown or plain-text article first/).first().waitFor({ timeout: 10_000 });
    await runCommand('New Tag');
    await workbench().waitForTimeout(1_000);
    assert.equal(fs.existsSync(path.join(folder, 'survive-data.json.tension.json')), false, 'no stray sidecar beside the JSON file');
    assert.equal(await workbench().locator('.quick-input-widget input:visible').count(), 0, 'no tag-name prompt for a JSON file');
  });

  it('a malformed-sidecar notification goes away once the sidecar is fixed', async () => {
    await openFresh('survive-malformed.md');
    const notice = toasts(/cannot read survive-malformed\.md\.tension\.json/);
    await notice.first().waitFor({ timeout: 20_000 });
    await screenshot('survive-malformed');
    fs.writeFileSync(path.join(folder, 'survive-malformed.md.tension.json'), JSON.stringify({ version: 1, document: { path: 'survive-malformed.md', sha256: '0'.repeat(64), length: 9 }, tags: [], annotations: [] }));
    await eventually(async () => {
      if ((await notice.count()) > 0) throw new Error('the notification about the malformed sidecar is still shown');
    }, { timeout: 20_000 });
  });
});
