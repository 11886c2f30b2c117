// Where things live: the repository, the git-ignored download cache, the fixture workspace, the test bundles.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the extension's folder). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Git-ignored cache for the VS Code server and the Node binary that runs it (VSCODE_TEST_CACHE overrides). */
export const cacheDir = path.resolve(root, process.env.VSCODE_TEST_CACHE || '.vscode-test');

/** The workspace the tests, the demo and the screenshots open (always through a copy, see workspaceCopy.mjs). */
export const fixtureWorkspace = path.join(root, 'test', 'fixtures', 'workspace');

/** The article `npm start`, the e2e suites and the screenshots open first. */
export const sampleArticle = 'ai-lab-expert-departure.md';

/** The mocha entry of the extension-host suites, built by esbuild.config.mjs from test/vscode/index.ts. */
export const extensionTestsEntry = path.join(root, 'out', 'test', 'vscode', 'index.js');

/** Logs, screenshots and other artefacts of test runs (git-ignored). */
export const resultsDir = path.join(root, 'test-results');
