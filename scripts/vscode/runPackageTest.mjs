#!/usr/bin/env node
// `npm run test:package`: the .vsix as a user gets it. Packs it (scripts/package.mjs, which also checks its file
// list and size), installs it with the VS Code server's own `--install-extension` into a clean extensions dir and
// profile, starts that VS Code (no extensionDevelopmentPath, nothing linked from the repository), opens the sample
// article in the workbench and checks what a user sees: the terms are highlighted, and hovering one explains it.
//   node scripts/vscode/runPackageTest.mjs [--vsix FILE]    test FILE instead of packing a new one
// Exit code 0 when the installed extension works. Artefacts in test-results/package/: the .vsix, server.log,
// workbench.log, installed.png (the workbench with the installed extension), failure.png on a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { launchChromiumServer, warnIfNoChineseFont } from './browser.mjs';
import { onCleanup } from './cleanup.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { extensionId, readManifest } from './installExtension.mjs';
import { createLogger } from './log.mjs';
import { fixtureWorkspace, resultsDir, root, sampleArticle } from './paths.mjs';
import { startServer } from './server.mjs';
import { withTimeout } from './timeout.mjs';
import { QUIET_USER_SETTINGS } from './workbenchServer.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';

const log = createLogger('package-test');
const outDir = path.join(resultsDir, 'package');

/** Packs the .vsix into test-results/package/ with scripts/package.mjs (which fails on a bad file list). */
function pack() {
  const manifest = readManifest();
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/package.mjs failed');
  return vsix;
}

/** `server-main.js --install-extension`: the same install a user's `code --install-extension` does. */
function install(node, serverMain, vsix, dataDir) {
  const extensionsDir = path.join(dataDir, 'extensions');
  const out = execFileSync(node, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir,
    '--server-data-dir', path.join(dataDir, 'server-data'), '--user-data-dir', path.join(dataDir, 'user-data'),
    '--accept-server-license-terms'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (!/successfully installed/.test(out)) throw new Error(`--install-extension did not report success:\n${out}`);
  const manifest = readManifest();
  const installed = path.join(extensionsDir, `${extensionId(manifest)}-${manifest.version}`);
  if (!fs.existsSync(path.join(installed, manifest.main))) throw new Error(`${installed} has no ${manifest.main}`);
  if (fs.lstatSync(installed).isSymbolicLink()) throw new Error(`${installed} is a link, not an installed copy`);
  return extensionsDir;
}

/** Checks the workbench: highlights under 闭源商用 and 开源, and the extension's hover on 闭源商用. */
async function checkWorkbench(url) {
  process.env.VSCODE_E2E_URL = url;
  process.env.E2E_RESULTS_DIR = outDir;
  const wb = await tsImport('../../test/e2e/workbench.ts', import.meta.url);
  try {
    await wb.openWorkbench();
    await wb.openFile(sampleArticle);
    await wb.waitForEditorText('闭源商用');
    for (const word of ['闭源商用', '开源']) {
      // The extension host starts, analyses and decorates a moment after the editor shows the text.
      const found = await wb.eventually(async () => {
        const d = await wb.wordDecorations(word);
        const decorations = d?.parts.flatMap((p) => p.decorations) ?? [];
        if (!decorations.some((x) => x.className.includes('ced-'))) throw new Error(`no extension decoration under ${word}`);
        return decorations;
      }, { timeout: 30_000 });
      log(`${word}: highlighted (${found.map((x) => x.background).join(', ')})`);
    }
    const hover = await wb.hoverWord('闭源商用', { hasText: '开放' });
    const text = await hover.innerText();
    if (!/Opposite pole|对立/.test(text)) throw new Error(`the hover on 闭源商用 does not explain it:\n${text}`);
    log('hover on 闭源商用: shows its axis and the opposite pole');
    await wb.dismissHover();
    log(`screenshot: ${path.relative(root, await wb.screenshot('installed'))}`);
  } catch (e) {
    await wb.screenshot('failure').catch(() => undefined);
    throw e;
  } finally {
    await wb.closeWorkbench();
  }
}

async function main() {
  const { values } = parseArgs({ options: { vsix: { type: 'string' } } });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = values.vsix ? path.resolve(values.vsix) : pack();
  const { node, serverMain } = ensureVSCode();
  warnIfNoChineseFont();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-lens-package-'));
  if (!process.env.VSCODE_TEST_KEEP) onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const started = Date.now();
  const extensionsDir = install(node, serverMain, vsix, dataDir);
  log(`installed ${path.basename(vsix)} into a clean extensions dir in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const folder = path.join(dataDir, 'sample-articles');
  fs.cpSync(fixtureWorkspace, folder, { recursive: true });
  const settingsFile = path.join(dataDir, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify(QUIET_USER_SETTINGS, null, 2));

  const server = await startServer({ node, serverMain, dataDir, extensionsDir, defaultFolder: folder, logFile: path.join(outDir, 'server.log') });
  process.env.VSCODE_E2E_BROWSER = await launchChromiumServer();
  log(`VS Code server on ${server.origin} with only the installed .vsix; checking the sample article...`);
  try {
    await withTimeout(checkWorkbench(workbenchUrl({ authority: server.authority, folder })), 'the installed-extension check');
  } finally {
    server.stop();
  }
}

try {
  await main();
  log('passed: the installed .vsix highlights the sample article');
  process.exit(0);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  log(`failed; logs and screenshots are in ${path.relative(process.cwd(), outDir)}/`);
  process.exit(1);
}
