// The one way every script here gets a VS Code: download (once), a private temp data dir with quiet user settings,
// a throw-away copy of the workspace, optionally the extension installed, and the server listening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { ensureVSCode } from './fetchVSCode.mjs';
import { installExtension } from './installExtension.mjs';
import { fixtureWorkspace } from './paths.mjs';
import { startServer } from './server.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';

/**
 * User settings for every run (this VS Code server keeps them in <user-data-dir>/User/settings.json). The fixture
 * workspace's .vscode/settings.json says the same for its folder; these also cover `npm start --folder DIR`.
 */
export const QUIET_USER_SETTINGS = Object.freeze({
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off', // not `false`: a deprecated value VS Code migrates by rewriting the file
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty, AI-less) chat side bar
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never', // the demo workspace lives inside this repository
});

/**
 * Starts a VS Code server for `name` ("test", "e2e", "start"...).
 * - `folder`: the folder the workbench opens; by default a fresh copy of test/fixtures/workspace, so nothing a test
 *   or a demo writes reaches the repository. `copyFolder: false` opens `folder` itself.
 * - `installed`: link the repository's extension into the extensions dir (the plain URL then has it); leave it
 *   false to load it through the URL's `extensionDevelopmentPath` instead.
 * - `userSettings`: merged over QUIET_USER_SETTINGS.
 * - `reconnectionGraceSeconds`: see server.mjs.
 * - `logDir`: where server.log goes. The data dir (temp) is removed at exit unless VSCODE_TEST_KEEP=1.
 * Returns the server (authority, origin, stop) plus `folder`, `dataDir` and `url(options)` for workbenchUrl.
 */
export async function startWorkbenchServer({
  name, folder = fixtureWorkspace, copyFolder = true, installed = false, testDriver = false, port = 0,
  userSettings = {}, logDir, reconnectionGraceSeconds,
}) {
  const { node, serverMain } = ensureVSCode();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tension-lens-${name}-`));
  if (!process.env.VSCODE_TEST_KEEP) onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  let openFolder = path.resolve(folder);
  if (copyFolder) {
    openFolder = path.join(dataDir, 'sample-articles');
    fs.cpSync(folder, openFolder, { recursive: true });
  }
  const extensionsDir = path.join(dataDir, 'extensions');
  if (installed) installExtension(extensionsDir);
  const settingsFile = path.join(dataDir, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_USER_SETTINGS, ...userSettings }, null, 2));

  const server = await startServer({
    node, serverMain, dataDir, extensionsDir, port, testDriver, defaultFolder: openFolder, reconnectionGraceSeconds,
    logFile: path.join(logDir ?? dataDir, 'server.log'),
  });
  return {
    ...server, folder: openFolder, dataDir,
    url: (options = {}) => workbenchUrl({ authority: server.authority, folder: openFolder, ...options }),
  };
}
