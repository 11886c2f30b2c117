#!/usr/bin/env node
// Runs the browser e2e suites (test/e2e/*.e2e.ts): starts the VS Code server with the built extension installed
// and a copy of the fixture workspace, then runs plain mocha in Node (tsx, test/e2e/.mocharc.json); the suites
// drive the web workbench in headless Chromium through test/e2e/workbench.ts, each suite in a fresh window of its
// own (test/e2e/hooks.ts). `npm run test:e2e` builds first.
//
// Exit code: mocha's. Artefacts in test-results/e2e/: server.log, workbench.log, screenshots (failed tests too).
// Env: VSCODE_TEST_TIMEOUT (s, default 900), VSCODE_TEST_KEEP=1, VSCODE_TEST_CACHE, CHROMIUM_PATH.
// Extra arguments go to mocha, e.g. `npm run test:e2e -- --grep hover`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assertChineseFont, findChromium, launchChromiumServer, warnIfNoChineseFont } from './browser.mjs';
import { killProcessGroup, onCleanup } from './cleanup.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { resultsDir, root } from './paths.mjs';
import { withTimeout } from './timeout.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';

const log = createLogger('e2e');
const outDir = path.join(resultsDir, 'e2e');

/** Runs mocha on the e2e suites as its own process group (mocha re-spawns node for --import, so there are two
 * processes to stop); resolves with its exit code. */
function runMocha(env) {
  const mochaBin = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const child = spawn(process.execPath, [mochaBin, '--config', 'test/e2e/.mocharc.json', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', detached: true, env: { ...process.env, ...env } });
  const stop = onCleanup(() => killProcessGroup(child.pid));
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => { stop(); resolve(code ?? (signal ? 1 : 0)); });
  });
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const chromiumPath = findChromium();
  warnIfNoChineseFont();
  // Each suite closes its window (test/e2e/hooks.ts): its extension host then ends within 30 s instead of
  // idling for the server's default 3 hours beside the next suites' ones.
  const server = await startWorkbenchServer({ name: 'e2e', installed: true, logDir: outDir, reconnectionGraceSeconds: 30 });
  // The browser is started here, not by the suites, so that this script owns (and kills) every process.
  const browserEndpoint = await launchChromiumServer();
  // UPDATE_SCREENSHOTS=1 writes the dashboard pictures into docs/images/: not with boxes for the Chinese text.
  if (process.env.UPDATE_SCREENSHOTS) await assertChineseFont(browserEndpoint);
  log(`VS Code server on ${server.origin} with the extension installed; running the e2e suites...`);
  const code = await withTimeout(runMocha({
    VSCODE_E2E_URL: server.url(), VSCODE_E2E_FOLDER: server.folder, VSCODE_E2E_BROWSER: browserEndpoint,
    E2E_RESULTS_DIR: outDir, CHROMIUM_PATH: chromiumPath, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  }), 'the e2e suites');
  server.stop();
  return code;
}

try {
  ensureVSCode(); // the first run's download stays outside the time limit
  const code = await main();
  const pngs = fs.readdirSync(outDir).filter((f) => f.endsWith('.png'));
  log(`done, exit code ${code}; ${pngs.length} screenshot(s), logs in ${path.relative(process.cwd(), outDir)}/`);
  process.exit(code);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  log(`logs are in ${path.relative(process.cwd(), outDir)}/`);
  process.exit(1);
}
