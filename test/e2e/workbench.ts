// Drives the VS Code web workbench for the e2e suites (plain mocha in Node, not in the extension host).
// scripts/vscode/runE2E.mjs starts the server with the extension installed and passes, in the environment:
//   VSCODE_E2E_URL      the workbench URL (fixture workspace copy)     VSCODE_E2E_FOLDER  that copy's path
//   VSCODE_E2E_BROWSER  the WebSocket endpoint of the Chromium it launched (without it, this module launches one)
//   E2E_RESULTS_DIR     where screenshots and workbench.log go (default test-results/e2e)
//   CHROMIUM_PATH       the browser binary
// One browser page serves every suite of a run: suites open files, they do not reload the workbench.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** A rectangle in page (CSS pixel) coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where screenshots and the workbench log are written. */
export const resultsDir = path.resolve(process.env['E2E_RESULTS_DIR'] ?? path.join('test-results', 'e2e'));

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

let browser: Browser | undefined;
let page: Page | undefined;

/** Opens the workbench once (later calls return the same page) and waits until it shows the workspace. */
export async function openWorkbench(): Promise<Page> {
  if (page) return page;
  const url = process.env['VSCODE_E2E_URL'];
  if (!url) throw new Error('VSCODE_E2E_URL is not set: run the e2e suites with `npm run test:e2e`');
  fs.mkdirSync(resultsDir, { recursive: true });
  browser = await connectOrLaunchBrowser();
  const newPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const log = fs.createWriteStream(path.join(resultsDir, 'workbench.log'));
  const verbose = Boolean(process.env['VSCODE_TEST_VERBOSE']);
  newPage.on('console', (msg) => {
    log.write(`[console.${msg.type()}] ${msg.text()}\n`);
    if (verbose) console.log(`    [workbench] ${msg.text()}`);
  });
  newPage.on('pageerror', (e) => log.write(`[pageerror] ${e.stack ?? String(e)}\n`));
  await newPage.goto(url);
  // The explorer lists the folder once the workbench is connected to the server's file system.
  await newPage.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  page = newPage;
  return page;
}

async function connectOrLaunchBrowser(): Promise<Browser> {
  const endpoint = process.env['VSCODE_E2E_BROWSER'];
  if (endpoint) return chromium.connect(endpoint);
  const executablePath = process.env['CHROMIUM_PATH'] ?? CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('No Chromium found: apt-get install chromium-headless-shell (or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** The page `openWorkbench()` opened; throws before that. */
export function workbench(): Page {
  if (!page) throw new Error('call openWorkbench() first (e.g. in a before hook)');
  return page;
}

/** Opens `name` with Quick Open (Ctrl+P, type, Enter) and waits for its editor tab to be the active one. */
export async function openFile(name: string): Promise<void> {
  const p = workbench();
  await p.keyboard.press('Control+P');
  const input = p.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await p.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await p.keyboard.press('Enter');
  await p.locator('.part.editor .tab.active', { hasText: name }).waitFor();
  await p.locator(`${EDITOR} .view-line`).first().waitFor();
}

/** The visible lines of the active editor (`.view-line` elements; only the rendered part of the document). */
export function editorLines(): Locator {
  return workbench().locator(`${EDITOR} .view-line`);
}

/** Waits until a visible line of the active editor contains `text`. */
export async function waitForEditorText(text: string, timeout = 20_000): Promise<void> {
  await editorLines().filter({ hasText: text }).first().waitFor({ timeout });
}

/**
 * The bounding box of the first occurrence of `word` in the active editor's visible lines, or undefined when no
 * rendered line contains it. Uses a DOM Range over the line's text nodes, so a word split across token spans
 * (syntax colours, decorations) is still found.
 */
export async function findWordBox(word: string): Promise<Box | undefined> {
  const box = await workbench().evaluate(([selector, target]) => {
    for (const line of Array.from(document.querySelectorAll(selector))) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // Monaco renders spaces as U+00A0; the offsets stay the same after mapping them back.
      const text = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
      const start = text.indexOf(target);
      if (start < 0) continue;
      const range = document.createRange();
      let offset = 0;
      for (const n of nodes) {
        const end = offset + n.data.length;
        if (start >= offset && start < end) range.setStart(n, start - offset);
        if (start + target.length > offset && start + target.length <= end) {
          range.setEnd(n, start + target.length - offset);
          break;
        }
        offset = end;
      }
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return undefined;
  }, [`${EDITOR} .view-line`, word] as const);
  return box ?? undefined;
}

/**
 * Moves the mouse onto `word` in the active editor until a hover (containing `hasText`, if given) shows, retrying
 * while the extension host warms up; returns the hover. Throws when the word is not visible or no hover comes.
 */
export async function hoverWord(word: string, { hasText, attempts = 10 }: { hasText?: string; attempts?: number } = {}): Promise<Locator> {
  const p = workbench();
  const box = await findWordBox(word);
  if (!box) throw new Error(`"${word}" is not in a visible line of the active editor`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // A hover first says "Loading..." while the providers (the extension's among them) answer.
  const hover = p.locator('.monaco-hover', hasText === undefined ? {} : { hasText }).filter({ hasNotText: /^Loading/ }).first();
  for (let i = 0; i < attempts; i++) {
    await p.mouse.move(x, y - 80); // away first: a hover appears on entering the word
    await p.mouse.move(x, y, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 2_000 });
      return hover;
    } catch {
      // not yet: the hover provider may still be starting
    }
  }
  throw new Error(`no hover${hasText === undefined ? '' : ` containing "${hasText}"`} over "${word}" after ${attempts} attempts`);
}

/** Saves a full-window PNG as `<resultsDir>/<name>.png` and returns its path. */
export async function screenshot(name: string): Promise<string> {
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
  await workbench().screenshot({ path: file });
  return file;
}

/**
 * Throws, quoting the messages, when the workbench shows an error notification (as a toast or in the notification
 * center). Waits `settleMs` first: notifications from work the last step started arrive a little later.
 */
export async function expectNoErrorNotification({ settleMs = 1_000 }: { settleMs?: number } = {}): Promise<void> {
  const p = workbench();
  await p.waitForTimeout(settleMs);
  const errors = p.locator('.notification-list-item:has(.notification-list-item-icon.codicon-error) .notification-list-item-message');
  const messages = (await errors.allInnerTexts()).map((m) => m.trim());
  if (messages.length > 0) throw new Error(`error notification(s) shown:\n  ${[...new Set(messages)].join('\n  ')}`);
}

/** Closes the browser (the root hook does this after the last suite). */
export async function closeWorkbench(): Promise<void> {
  page = undefined;
  const b = browser;
  browser = undefined;
  await b?.close();
}
