// Launches headless Chromium through playwright-core (which never downloads a browser). Which binary and which fonts:
// scripts/chromium.mjs (system Chromium first, then the one from npm).
import { execFileSync } from 'node:child_process';
import { CHINESE_FONT_FIX, CHROMIUM_ARGS, chromiumEnv, findChromium, requireChineseFont } from '../chromium.mjs';
import { killProcessGroup, onCleanup } from './cleanup.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD ??= '1';

export { CHROMIUM_ARGS, findChromium };

/** Launches headless Chromium; it is closed when this script exits (playwright also kills it on exit). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, env: chromiumEnv(),
    // Our cleanup.mjs owns the signal handling; playwright still kills its browser on process exit.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  onCleanup(() => { void browser.close().catch(() => {}); });
  return browser;
}

/**
 * Launches headless Chromium as a Playwright browser server that other processes `chromium.connect()` to (the e2e
 * suites run in a mocha child process); returns its WebSocket endpoint. This script owns the browser: its process
 * group is killed when the script exits.
 */
export async function launchChromiumServer() {
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer({
    executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, env: chromiumEnv(),
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  const pid = server.process().pid; // playwright starts it detached: the leader of its own process group
  onCleanup(() => killProcessGroup(pid, 1000));
  return server.wsEndpoint();
}

/**
 * Throws with the fix when the browser server at `endpoint` would draw Chinese as boxes: the scripts that write
 * pictures for the README call this before they take any.
 */
export async function assertChineseFont(endpoint) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.connect(endpoint);
  try {
    await requireChineseFont(browser);
  } finally {
    await browser.close(); // only this connection: the server keeps running
  }
}

/**
 * Warns when fontconfig knows no Chinese font: the workbench then draws the articles as boxes in the screenshots a
 * failing test leaves (text checks still pass). Silent when fontconfig's tools are not installed.
 */
export function warnIfNoChineseFont() {
  let families;
  try {
    families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: chromiumEnv() });
  } catch {
    return;
  }
  if (!families.trim()) console.warn(`warning: no Chinese font, screenshots will show boxes: ${CHINESE_FONT_FIX}`);
}
