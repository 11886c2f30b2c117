#!/usr/bin/env node
// `npm run screenshots`: the PNGs in docs/images/, taken from the real workbench with the built extension, once per
// theme. To add a picture, add an entry to SHOTS; `pose` arranges the workbench with the helpers of
// test/e2e/workbench.ts (openFile, hoverWord, findWordBox...), which the e2e suites use too.
//   node scripts/vscode/screenshots.mjs [--only NAME] [--theme light|dark] [--no-build]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { assertChineseFont, launchChromiumServer } from './browser.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { root, sampleArticle } from './paths.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('screenshots');
const outDir = path.join(root, 'docs', 'images');

/** The colour themes every shot is taken in; the file name ends in the key: `<shot>-<key>.png`. */
export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/**
 * Width of the side bar in the pictures: the Terms view's axis rows show their counts unclipped, and word wrap
 * leaves the first 闭源商用 (line 3) whole, so the hover opens below it, under the title and the abstract.
 */
const SIDEBAR_WIDTH = 420;

/**
 * The Tension Lens side bar as the pictures show it: the Terms view alone (Annotations and Tags collapsed), wide
 * enough for the counts, with 封闭 · Closed (the pole of 闭源商用) expanded; and the article painted.
 */
async function showTermsView(wb) {
  await wb.waitForEditorText('开放原则');
  await wb.openViewContainer('Tension Lens');
  for (const view of ['Annotations', 'Tags']) if ((await wb.viewPane(view).count()) > 0) await wb.setViewExpanded(view, false);
  await wb.setViewExpanded('Terms', true);
  const sidebar = await wb.workbench().locator('.part.sidebar').boundingBox();
  if (Math.abs((sidebar?.width ?? 0) - SIDEBAR_WIDTH) > 4) await wb.resizeSidebar(SIDEBAR_WIDTH);
  await wb.expandTreeRow('Terms', '封闭 · Closed');
  await wb.eventually(async () => {
    const painted = await wb.wordDecorations('闭源商用');
    if (!painted?.parts[0]?.decorations.length) throw new Error('闭源商用 is not painted yet');
  });
  await unfocus(wb);
}

/** Nothing focused and the mouse in the corner: no focus outline in a tree, no caret or word highlight in the
 * editor, no tooltip. */
async function unfocus(wb) {
  await wb.workbench().evaluate(() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); });
  await wb.workbench().mouse.move(0, 0);
}

/** The smallest box holding `boxes`, grown by `margin` and kept inside the 1280×800 window. */
function around(boxes, margin) {
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(1280, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(800, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The pictures. `file` is opened (Quick Open) from the fixture workspace; `pose(wb)` then gets the
 * test/e2e/workbench.ts module to arrange what the picture shows, and may return a clip rectangle (page
 * coordinates) to take only part of the window. The window is 1280×800. The mouse starts at the top-left corner;
 * where a pose leaves it (on a word, for a hover) it stays.
 */
export const SHOTS = [
  {
    // The README's hero: the painted article, the Terms view, and the hover on 闭源商用.
    name: 'workbench',
    file: sampleArticle,
    pose: async (wb) => {
      await showTermsView(wb);
      await wb.hoverWord('闭源商用', { hasText: 'Opposite pole' });
    },
  },
  {
    // A close view of the hover: the word and its hover.
    name: 'hover',
    file: sampleArticle,
    pose: async (wb) => {
      await showTermsView(wb);
      const hover = await wb.hoverWord('闭源商用', { hasText: 'Opposite pole' });
      const editor = wb.workbench().locator('.part.editor .editor-group-container.active .monaco-editor').first();
      const [word, box, lineStart, gutter] = [await wb.findWordBox('闭源商用'), await hover.boundingBox(), await wb.findWordBox('近日'), await editor.boundingBox()];
      if (!word || !box) throw new Error('no hover on 闭源商用 to take');
      // From the line numbers to the hover's right edge; from the top of the paragraph (line 3, which starts with
      // 近日) to the hover's bottom edge: no slivers of digits or text at the edges.
      const left = Math.min(box.x - 2, gutter?.x ?? box.x);
      const top = Math.min(word.y, lineStart?.y ?? word.y) - 3;
      return { x: left, y: top, width: box.x + box.width + 2 - left, height: box.y + box.height + 1 - top };
    },
  },
  {
    // The side bar: activity bar and the Terms view, 封闭 · Closed and its term 闭源商用 expanded.
    name: 'sidebar',
    file: sampleArticle,
    pose: async (wb) => {
      await showTermsView(wb);
      await wb.expandTreeRow('Terms', '闭源商用');
      await unfocus(wb);
      const page = wb.workbench();
      return around([await page.locator('.part.activitybar').boundingBox(), await page.locator('.part.sidebar').boundingBox()], 0);
    },
  },
];

function parseOptions() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, theme: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  const shots = SHOTS.filter((s) => !values.only || s.name === values.only);
  const themes = Object.entries(THEMES).filter(([key]) => !values.theme || key === values.theme);
  if (shots.length === 0 || themes.length === 0) throw new Error(`nothing to take: --only ${values.only ?? ''} --theme ${values.theme ?? ''}`);
  return { shots, themes, build: !values['no-build'] };
}

async function main() {
  const { shots, themes, build } = parseOptions();
  // First: without a Chinese font every picture would show boxes for the articles' text.
  process.env.VSCODE_E2E_BROWSER = await launchChromiumServer(); // owned (and killed at exit) by this script
  await assertChineseFont(process.env.VSCODE_E2E_BROWSER);
  if (build && spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    throw new Error('the build failed');
  }
  ensureVSCode();
  const wb = await tsImport('../../test/e2e/workbench.ts', import.meta.url);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [key, theme] of themes) {
    // One server per theme: the theme is a user setting, read when the workbench starts.
    const server = await startWorkbenchServer({ name: 'screenshots', installed: true, userSettings: { 'workbench.colorTheme': theme } });
    process.env.VSCODE_E2E_URL = server.url();
    try {
      const page = await wb.openWorkbench();
      for (const shot of shots) {
        await page.mouse.move(0, 0); // no stray hover unless the pose makes one
        await wb.openFile(shot.file);
        const clip = await shot.pose?.(wb);
        await page.waitForTimeout(500); // let the last decorations and fades settle
        const file = path.join(outDir, `${shot.name}-${key}.png`);
        await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
        log(`${path.relative(root, file)} (${theme})`);
      }
    } finally {
      await wb.closeWorkbench();
      server.stop();
    }
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
