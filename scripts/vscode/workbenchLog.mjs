// Routes what the workbench says: everything into a log file; on the console only what matters (test output,
// real errors), unless VSCODE_TEST_VERBOSE=1.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';

export const verbose = Boolean(process.env.VSCODE_TEST_VERBOSE && process.env.VSCODE_TEST_VERBOSE !== '0');

// Workbench and server chatter that is not test output: offline gallery/update failures, native addons that were
// deliberately not built, startup traces of built-in contributions.
const NOISE = [
  /^\[[\w .:/-]+\]/, // "[AgentHost] ...", "[ChatModelSelection] ...", "[Service Worker] ..."
  /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /^Creation of workbench contribution/, /^No default agent contributed/,
  /^Timed out waiting for authentication provider/, /^Canceled: Canceled/,
  /Could not locate the bindings file/, /Cannot find module '\.\.?\/build\/Release\//,
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|getaddrinfo/,
];

/** True for workbench log lines that are noise on the console (they still go to the log file). */
export function isWorkbenchNoise(type, text) {
  return type === 'trace' || type === 'debug' || NOISE.some((re) => re.test(text));
}

/**
 * Writes the page's console and uncaught errors to `logFile`. With `automation`, also exposes the two functions
 * a workbench started with the smoke-test driver calls: `codeAutomationLog` (every log line, including the
 * extension host's console, where mocha reports) and `codeAutomationExit` (the tests' exit code, passed to
 * `onExit`). Call before `page.goto`.
 */
export async function captureWorkbenchLog(page, logFile, { automation = false, onExit } = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.createWriteStream(logFile);
  page.on('console', (msg) => out.write(`[console.${msg.type()}] ${msg.text()}\n`));
  page.on('pageerror', (e) => out.write(`[pageerror] ${e.stack || e}\n`));
  if (!automation) return out;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...args);
    out.write(`[${type}] ${text}\n`);
    if (verbose || !isWorkbenchNoise(type, text)) (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit?.(Number(code)));
  return out;
}
