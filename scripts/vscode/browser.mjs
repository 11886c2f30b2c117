// Finds a system Chromium and launches it headless through playwright-core (which never downloads a browser).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { killProcessGroup, onCleanup } from './cleanup.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD ??= '1';

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome'];

/** Chromium's command-line flags for a root user in a container without a GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** The browser binary: $CHROMIUM_PATH, else the first Debian Chromium found; throws with the fix if none. */
export function findChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error('No Chromium found: apt-get install chromium-headless-shell (or set CHROMIUM_PATH)');
  return found;
}

/** Launches headless Chromium; it is closed when this script exits (playwright also kills it on exit). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS,
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
    executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  const pid = server.process().pid; // playwright starts it detached: the leader of its own process group
  onCleanup(() => killProcessGroup(pid, 1000));
  return server.wsEndpoint();
}

/**
 * Warns when fontconfig knows no Chinese font: the workbench then draws the articles as empty boxes in screenshots
 * (text checks still pass). Silent when fontconfig is missing.
 */
export function warnIfNoChineseFont() {
  let families;
  try { families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }); } catch { return; }
  if (!families.trim()) {
    console.warn('warning: no Chinese font installed, screenshots will show boxes: apt-get install fonts-noto-cjk');
  }
}
