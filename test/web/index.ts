// The web extension-host test entry (`extensionTestsPath`): VS Code's web worker extension host loads this bundle
// (built by esbuild.config.mjs for the browser, mocha inside) and awaits `run()`. scripts/vscode/runWebTests.mjs
// runs it with the extension under development forced into that host (`extensionDevelopmentKind: web`).
// The suites are imported here, in order, after setup.ts (a worker has no file system to find them on).
import './setup';
import './editor.test';
import './annotations.test';
import './export.test';

/** Runs the suites; rejects when any test fails. */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web extension-host test(s) failed`)) : resolve()));
  });
}
