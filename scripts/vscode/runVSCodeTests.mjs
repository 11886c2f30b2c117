#!/usr/bin/env node
// Runs the extension-host mocha suites (out/test/vscode/*.test.js, built from test/vscode/) inside a real VS Code
// 1.139 extension host, offline: the VS Code server from the npm package code-server, its web workbench in a
// headless system Chromium driven by playwright-core. `npm run test:vscode` builds first, then runs this.
//
// Exit code: mocha's (0 = all passed). Logs: test-results/vscode/{server,workbench}.log, plus failure.png when
// the tests fail or time out.
// Env:
//   VSCODE_TEST_TIMEOUT   seconds for the whole run after the download (default 300)
//   VSCODE_TEST_VERBOSE=1 print every workbench log line, not only test output and errors
//   VSCODE_TEST_KEEP=1    keep the temp data dir (server data, workspace copy)
//   VSCODE_TEST_CACHE     download cache (default .vscode-test/)      CHROMIUM_PATH   browser binary
import fs from 'node:fs';
import path from 'node:path';
import { ensureVSCode } from './fetchVSCode.mjs';
import { createLogger } from './log.mjs';
import { extensionTestsEntry, resultsDir, root } from './paths.mjs';
import { runTestsInWorkbench } from './runInWorkbench.mjs';
import { startWorkbenchServer } from './workbenchServer.mjs';
import { timeoutMs, withTimeout } from './timeout.mjs';

const log = createLogger('vscode-test');
const logDir = path.join(resultsDir, 'vscode');

async function main() {
  if (!fs.existsSync(extensionTestsEntry)) {
    throw new Error(`${path.relative(root, extensionTestsEntry)} is missing: build first (npm run build)`);
  }
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });

  const server = await startWorkbenchServer({ name: 'test', testDriver: true, logDir });
  log(`VS Code server on ${server.origin}; opening the workbench in headless Chromium...`);
  return runTestsInWorkbench({ server, url: server.url({ extensionDevelopmentPath: root, extensionTestsPath: extensionTestsEntry }), logDir, log, what: 'extension host' });
}

try {
  ensureVSCode(); // the first run's download stays outside the time limit
  const code = await withTimeout(main(), 'the VS Code test run', timeoutMs + 120_000);
  log(`done, exit code ${code}`);
  process.exit(code);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  log(`logs are in ${path.relative(process.cwd(), logDir)}/`);
  process.exit(1);
}
