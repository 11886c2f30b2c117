// The headless Chromium of the unit suites that check HTML in a real browser (the HTML report and its sections).
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumEnv, findChromium } from '../../../scripts/chromium.mjs';

/**
 * Launches Chromium for a suite's `before` hook, or skips the suite where none can be had (not Linux x64, no
 * CHROMIUM_PATH) — except on CI, which must run these checks, so there the lookup's error fails the suite.
 */
export async function launchChromiumOrSkip(suite: Mocha.Context): Promise<Browser> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (e) {
    if (process.env.CI) throw e;
    console.warn(`    skipped: ${e instanceof Error ? e.message : String(e)}`);
    suite.skip();
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: chromiumEnv() });
}
