// Root hooks for the e2e suites (loaded by test/e2e/.mocharc.json).
//
// A clean workbench for every suite: each top-level `describe` gets a window of its own. Write a new suite as
//
//   describe('my feature', () => {
//     before(async () => {
//       await openWorkbench();                   // a fresh window on the run's workspace copy (VSCODE_E2E_FOLDER)
//       // or: await openWorkbench({ folder });  // a fresh window on a folder of its own (e.g. a temp copy)
//     });
//     it('...', async () => { const page = workbench(); ... });
//   });
//
// Its first openWorkbench() closes the window the suite before it used and opens a new one (a new browser context:
// no editors, hover, quick input or dialog left open, no stored workbench state), so one stuck dialog no longer
// fails the suites after it. Later calls within the suite return the same page; `openWorkbench({ fresh: true })`
// forces a new window mid-suite. What lives on the server is shared by the run: a suite that writes into the
// workspace folder (sidecars, lexicons) or changes user settings (a theme) puts them back in an `after` hook.
//
// Also here: a screenshot of every failed test (a failed try of a test that is retried too), and the browser closed after the last suite.
import * as path from 'node:path';
import type { Context, RootHookObject } from 'mocha';
import { closeWorkbench, releaseWorkbench, screenshot, workbench } from './workbench';

export const mochaHooks: RootHookObject = {
  beforeAll(this: Context) {
    // After each top-level suite (also one whose `before` hook failed), its window is done with.
    for (const suite of this.test?.parent?.suites ?? []) suite.afterAll(releaseWorkbench);
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    // A test that failed and is run once more (see reporter.cjs) reaches this hook with no state yet.
    const retrying = test !== undefined && test.state === undefined;
    if (test?.state !== 'failed' && !retrying) return;
    try {
      workbench();
    } catch {
      return; // the workbench never opened: nothing to show
    }
    const file = await screenshot(`failed${retrying ? ' (first try)' : ''} ${test.fullTitle()}`);
    console.error(`    screenshot of the failure: ${path.relative(process.cwd(), file)}`);
  },
  async afterAll() {
    await closeWorkbench();
  },
};
