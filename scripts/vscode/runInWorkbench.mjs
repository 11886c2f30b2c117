// Opens a workbench URL whose payload runs extension-host tests, waits for their exit code (with the runner's
// timeout), and on failure keeps a screenshot beside the logs. Shared by the Node and web extension-host runners.
import path from 'node:path';
import { launchChromium } from './browser.mjs';
import { withTimeout } from './timeout.mjs';
import { captureWorkbenchLog } from './workbenchLog.mjs';

/** Runs the tests behind `url` on `server`; returns mocha's exit code (1 on timeout). Stops the server at the end. */
export async function runTestsInWorkbench({ server, url, logDir, log, what }) {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let onExit;
  const exited = new Promise((resolve) => { onExit = resolve; });
  await captureWorkbenchLog(page, path.join(logDir, 'workbench.log'), { automation: true, onExit });

  await page.goto(url);
  log(`workbench loaded; the tests run in the ${what}...`);
  let code;
  try {
    code = await withTimeout(exited, `the ${what} tests`);
  } catch (e) {
    console.error(e.message);
    code = 1;
  }
  if (code !== 0) {
    await page.screenshot({ path: path.join(logDir, 'failure.png') }).catch(() => {});
    log(`failed (exit code ${code}); server.log, workbench.log and failure.png are in ${path.relative(process.cwd(), logDir) || '.'}/`);
  }
  await browser.close().catch(() => {});
  server.stop();
  return code;
}
