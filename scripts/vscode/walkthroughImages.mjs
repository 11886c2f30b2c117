#!/usr/bin/env node
// Regenerates the Get Started walkthrough's pictures, media/walkthrough/<step>.png, from the real workbench: the
// offline VS Code server with the built extension installed, default dark theme (what a new user sees), poses
// driven by the helpers of test/e2e/workbench.ts. The export step's picture is a hand-made SVG (export.svg).
//   node scripts/vscode/walkthroughImages.mjs [--only NAME] [--no-build]
// The PNGs ship in the .vsix: each is cropped to what the step is about and, when pngquant is installed
// (apt-get install pngquant), quantized to 256 colours so the four of them stay small.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { assertChineseFont, launchChromiumServer } from './browser.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { root, sampleArticle } from './paths.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('walkthrough');
const outDir = path.join(root, 'media', 'walkthrough');

/** Runs a command from the palette by its title, e.g. "Tension Lens: Open Sample Article". */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // Right after the workbench shows, the palette's command list can still be loading: retry.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw e;
    }
  }
  await page.keyboard.press('Enter');
}

/** Selects `word` in the active editor with the mouse (click at its left edge, shift-click at its right edge). */
async function selectWord(wb, page, word) {
  const box = await wb.findWordBox(word);
  if (!box) throw new Error(`${word} is not on screen`);
  await page.mouse.click(box.x + 1, box.y + box.height / 2);
  await page.keyboard.down('Shift');
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
  await page.keyboard.up('Shift');
}

/**
 * The pictures, in walkthrough order. `pose(wb, page)` arranges the workbench (1280×800) and returns the clip
 * rectangle to keep. Poses run one after another on one workbench, the sample article open in an untitled editor.
 */
const SHOTS = [
  {
    name: 'sample',
    pose: async (wb, page) => {
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Tension Lens: Open Sample');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Sample Article' }).first().waitFor();
      return { x: 260, y: 0, width: 760, height: 360 };
    },
    after: async (wb, page) => { await page.keyboard.press('Escape'); },
  },
  {
    name: 'highlights',
    pose: async (wb, page) => {
      await wb.waitForEditorText('开放原则');
      await page.mouse.move(0, 0);
      return { x: 48, y: 330, width: 760, height: 420 };
    },
  },
  {
    name: 'hover',
    pose: async (wb) => {
      const hover = await wb.hoverWord('闭源商用', { hasText: '开放' });
      const box = await hover.boundingBox();
      if (!box) throw new Error('the hover has no box');
      const x = Math.max(0, box.x - 40);
      return { x, y: Math.max(0, box.y - 60), width: Math.min(760, 1280 - x), height: box.height + 120 };
    },
    after: async (wb) => { await wb.dismissHover(); },
  },
  {
    name: 'annotate',
    pose: async (wb, page) => {
      // Annotations need a saved article: the workspace copy of the sample.
      await wb.openFile(sampleArticle);
      await wb.waitForEditorText('闭源商用');
      await selectWord(wb, page, '基础研究透明性');
      await page.keyboard.press('Control+Alt+A');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('争议焦点');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '争议焦点' }).first().waitFor();
      return { x: 260, y: 0, width: 760, height: 360 };
    },
    after: async (wb, page) => { await page.keyboard.press('Escape'); },
  },
  {
    name: 'sidebar',
    pose: async (wb, page) => {
      await runCommand(page, 'View: Show Tension Lens');
      await wb.viewPane('Terms').locator('.monaco-list-row').first().waitFor();
      await wb.expandTreeRow('Terms', '开放 vs 封闭');
      await wb.expandTreeRow('Terms', '封闭 · Closed');
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      return { x: 0, y: 0, width: 760, height: 500 };
    },
  },
];

function parseOptions() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  if (values.only && !SHOTS.some((s) => s.name === values.only)) throw new Error(`--only ${values.only}: no such picture`);
  return { only: values.only, build: !values['no-build'] };
}

/** Quantizes a PNG in place with pngquant when it is installed; returns the size in bytes. */
function shrink(file) {
  const r = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality', '70-95', '--output', file, file], { stdio: 'ignore' });
  if (r.error) log('pngquant is not installed: keeping the full-colour PNG (apt-get install pngquant)');
  return fs.statSync(file).size;
}

async function main() {
  const { only, build } = parseOptions();
  process.env.VSCODE_E2E_BROWSER = await launchChromiumServer();
  await assertChineseFont(process.env.VSCODE_E2E_BROWSER); // these pictures ship in the .vsix: no boxes
  if (build) execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  ensureVSCode();
  const wb = await tsImport('../../test/e2e/workbench.ts', import.meta.url);
  const server = await startWorkbenchServer({ name: 'walkthrough', installed: true, userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  process.env.VSCODE_E2E_URL = server.url();
  fs.mkdirSync(outDir, { recursive: true });
  try {
    const page = await wb.openWorkbench();
    await runCommand(page, 'Tension Lens: Open Sample Article');
    await wb.waitForEditorText('开放原则');
    await page.keyboard.press('Control+B'); // the editor alone, until the sidebar step
    await wb.eventually(async () => {
      const d = await wb.wordDecorations('开放原则');
      if (!d?.parts.some((p) => p.decorations.length > 0)) throw new Error('the sample is not highlighted yet');
    }, { timeout: 30_000 });
    for (const shot of SHOTS) {
      const clip = await shot.pose(wb, page);
      if (!only || shot.name === only) {
        await page.waitForTimeout(300); // fades
        const file = path.join(outDir, `${shot.name}.png`);
        await page.screenshot({ path: file, clip });
        log(`${path.relative(root, file)} ${clip.width}×${clip.height}, ${(shrink(file) / 1024).toFixed(0)} KB`);
      }
      await shot.after?.(wb, page);
    }
  } finally {
    await wb.closeWorkbench();
    server.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  // Not the stack: tsx inlines test/e2e/workbench.ts into it as a (huge) data: URL.
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
