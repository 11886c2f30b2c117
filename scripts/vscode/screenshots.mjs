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
import { launchChromiumServer, warnIfNoChineseFont } from './browser.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { root, sampleArticle } from './paths.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('screenshots');
const outDir = path.join(root, 'docs', 'images');

/** The colour themes every shot is taken in; the file name ends in the key: `<shot>-<key>.png`. */
export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/**
 * The pictures. `file` is opened (Quick Open) from the fixture workspace; `pose(wb)` then gets the
 * test/e2e/workbench.ts module to arrange what the picture shows. The window is 1280×800.
 */
export const SHOTS = [
  {
    name: 'article',
    file: sampleArticle,
    pose: async (wb) => { await wb.waitForEditorText('开放原则'); },
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
  if (build && spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    throw new Error('the build failed');
  }
  ensureVSCode();
  warnIfNoChineseFont();
  process.env.VSCODE_E2E_BROWSER = await launchChromiumServer(); // owned (and killed at exit) by this script
  const wb = await tsImport('../../test/e2e/workbench.ts', import.meta.url);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [key, theme] of themes) {
    // One server per theme: the theme is a user setting, read when the workbench starts.
    const server = await startWorkbenchServer({ name: 'screenshots', installed: true, userSettings: { 'workbench.colorTheme': theme } });
    process.env.VSCODE_E2E_URL = server.url();
    try {
      const page = await wb.openWorkbench();
      for (const shot of shots) {
        await wb.openFile(shot.file);
        await shot.pose?.(wb);
        await page.mouse.move(0, 0); // no stray hover unless the pose made one
        await page.waitForTimeout(500); // let the last decorations and fades settle
        const file = path.join(outDir, `${shot.name}-${key}.png`);
        await page.screenshot({ path: file });
        log(`${path.relative(root, file)} (${theme})`);
      }
    } finally {
      await wb.closeWorkbench();
      server.stop();
    }
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
