// Root hooks for the e2e suites (loaded by test/e2e/.mocharc.json): a screenshot of every failed test, and the
// browser closed after the last suite.
import * as path from 'node:path';
import type { Context, RootHookObject } from 'mocha';
import { closeWorkbench, screenshot, workbench } from './workbench';

export const mochaHooks: RootHookObject = {
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    try {
      workbench();
    } catch {
      return; // the workbench never opened: nothing to show
    }
    const file = await screenshot(`failed ${test.fullTitle()}`);
    console.error(`    screenshot of the failure: ${path.relative(process.cwd(), file)}`);
  },
  async afterAll() {
    await closeWorkbench();
  },
};
