#!/usr/bin/env node
// `npm run test:desktop`: the same extension-host suites (out/test/vscode/index.js) in a desktop VS Code (Electron)
// through @vscode/test-electron — for a machine with a display and internet (it downloads VS Code into
// .vscode-test/desktop/ on first use). Not used in CI; the offline runner is runVSCodeTests.mjs.
// Env:
//   VSCODE_EXECUTABLE       use this installed VS Code binary instead of downloading one
//   VSCODE_DESKTOP_VERSION  the VS Code version to download (default "stable"; must satisfy engines.vscode)
// On Linux without a display, run it under xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, extensionTestsEntry, fixtureWorkspace, root } from './paths.mjs';

if (!fs.existsSync(extensionTestsEntry)) {
  console.error(`${path.relative(root, extensionTestsEntry)} is missing: build first (npm run build)`);
  process.exit(1);
}
// Tests may write into the workspace: give them a throw-away copy.
const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tension-lens-desktop-')), 'sample-articles');
fs.cpSync(fixtureWorkspace, workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: extensionTestsEntry,
    cachePath: path.join(cacheDir, 'desktop'),
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
      : { version: process.env.VSCODE_DESKTOP_VERSION || 'stable' }),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
}
process.exit(code);
