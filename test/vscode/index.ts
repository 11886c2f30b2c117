// The extension-host test entry (`extensionTestsPath`): VS Code loads the bundle of this file and awaits `run()`.
// The same entry serves scripts/vscode/runVSCodeTests.mjs (offline, web workbench) and
// scripts/vscode/runDesktopTests.mjs (@vscode/test-electron, desktop VS Code).
// esbuild bundles every test/vscode/*.ts on its own, so the suites are the sibling *.test.js files of this bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs every sibling `*.test.js` suite with mocha's BDD interface; rejects when any test fails. */
export async function run(): Promise<void> {
  // TL_VSCODE_GREP runs only the tests whose full title matches (a regular expression): for replaying one failure.
  const grep = process.env['TL_VSCODE_GREP'];
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 40_000, slow: 2_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  const suites = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (suites.length === 0) throw new Error(`no *.test.js suites next to ${__filename}`);
  for (const suite of suites) mocha.addFile(path.join(__dirname, suite));

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
