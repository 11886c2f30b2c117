// Drives the VS Code web workbench for the e2e suites (plain mocha in Node, not in the extension host).
// scripts/vscode/runE2E.mjs starts the server with the extension installed and passes, in the environment:
//   VSCODE_E2E_URL      the workbench URL (fixture workspace copy)     VSCODE_E2E_FOLDER  that copy's path
//   VSCODE_E2E_BROWSER  the WebSocket endpoint of the Chromium it launched (without it, this module launches one)
//   E2E_RESULTS_DIR     where screenshots and workbench.log go (default test-results/e2e)
//   CHROMIUM_PATH       the browser binary
// Each top-level suite gets a window of its own (see test/e2e/hooks.ts): its first openWorkbench() closes the
// window the suite before it used and opens a fresh one; within a suite, later calls return the same page.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumEnv, findChromium } from '../../scripts/chromium.mjs';

/** A rectangle in page (CSS pixel) coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where screenshots and the workbench log are written. */
export const resultsDir = path.resolve(process.env['E2E_RESULTS_DIR'] ?? path.join('test-results', 'e2e'));

const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

let browser: Browser | undefined;
/** The current window: a browser context of its own, so nothing (storage, editors, dialogs) carries over. */
let context: BrowserContext | undefined;
let page: Page | undefined;
/** The folder the current window shows (undefined: the run's workspace, VSCODE_E2E_URL as given). */
let pageFolder: string | undefined;
/** Set when the suite that opened the current window has ended: the next openWorkbench() opens a fresh one. */
let windowUsed = false;
let windowCount = 0;
let log: fs.WriteStream | undefined;

/** What openWorkbench() opens. */
export interface OpenWorkbenchOptions {
  /**
   * A folder to open (absolute path on this machine: e.g. a temp copy of test/fixtures/workspace a suite prepared)
   * instead of the run's workspace copy (VSCODE_E2E_FOLDER). Asking for another folder than the current window
   * shows always opens a fresh window.
   */
  readonly folder?: string;
  /** A fresh window even when this suite already has one (e.g. to start a test from a clean workbench). */
  readonly fresh?: boolean;
}

/**
 * The workbench window of the calling suite, waiting until it shows the workspace. The first call of a suite
 * closes the previous suite's window and opens a fresh one (new browser context: no editors, hovers, dialogs or
 * stored workbench state left behind); later calls in the same suite return the same page.
 */
export async function openWorkbench(options: OpenWorkbenchOptions = {}): Promise<Page> {
  const folder = options.folder === undefined ? undefined : path.resolve(options.folder);
  if (page && !windowUsed && !options.fresh && folder === pageFolder) return page;
  const baseUrl = process.env['VSCODE_E2E_URL'];
  if (!baseUrl) throw new Error('VSCODE_E2E_URL is not set: run the e2e suites with `npm run test:e2e`');
  if (folder !== undefined && !fs.existsSync(folder)) throw new Error(`openWorkbench: folder ${folder} does not exist`);
  await closeWindow();
  fs.mkdirSync(resultsDir, { recursive: true });
  browser ??= await connectOrLaunchBrowser();
  log ??= fs.createWriteStream(path.join(resultsDir, 'workbench.log'));
  const windowLog = log;
  windowCount++;
  windowLog.write(`\n===== window ${windowCount}${folder === undefined ? '' : ` on ${folder}`}\n`);
  const newContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const newPage = await newContext.newPage();
  const verbose = Boolean(process.env['VSCODE_TEST_VERBOSE']);
  newPage.on('console', (msg) => {
    windowLog.write(`[console.${msg.type()}] ${msg.text()}\n`);
    if (verbose) console.log(`    [workbench] ${msg.text()}`);
  });
  newPage.on('pageerror', (e) => windowLog.write(`[pageerror] ${e.stack ?? String(e)}\n`));
  context = newContext;
  page = newPage;
  pageFolder = folder;
  windowUsed = false;
  await newPage.goto(folder === undefined ? baseUrl : withFolder(baseUrl, folder));
  // The explorer lists the folder once the workbench is connected to the server's file system.
  await newPage.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return newPage;
}

/**
 * Says that the suite which opened the current window has ended: the next openWorkbench() opens a fresh window.
 * test/e2e/hooks.ts calls it after every top-level suite; suites need not.
 */
export function releaseWorkbench(): void {
  windowUsed = true;
}

/** `url` with its `folder` query parameter replaced. */
function withFolder(url: string, folder: string): string {
  const u = new URL(url);
  u.searchParams.set('folder', folder);
  return u.toString();
}

/** Closes the current window (its browser context), if any; the browser stays connected for the next one. */
async function closeWindow(): Promise<void> {
  const c = context;
  context = undefined;
  page = undefined;
  pageFolder = undefined;
  // Closing the context unloads the workbench, which disconnects from the server (its extension host ends).
  await c?.close().catch(() => undefined);
}

async function connectOrLaunchBrowser(): Promise<Browser> {
  const endpoint = process.env['VSCODE_E2E_BROWSER'];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, env: chromiumEnv() });
}

/** The page `openWorkbench()` opened; throws before that. */
export function workbench(): Page {
  if (!page) throw new Error('call openWorkbench() first (e.g. in a before hook)');
  return page;
}

/** Opens `name` with Quick Open (Ctrl+P, type, Enter) and waits for its editor tab to be the active one. */
export async function openFile(name: string): Promise<void> {
  const p = workbench();
  const tab = p.locator('.part.editor .tab.active', { hasText: name });
  // Enter opens the focused row, so wait for that row to be the file. Right after the name is typed, Quick Open
  // still shows its previous, unfiltered list for up to a few hundred milliseconds (while the workspace file search
  // runs in the extension host): "recently opened", which holds `name` too when it was open before, but focused on
  // the active editor. Waiting for any row with the name let Enter reopen the active editor, and every try ran the
  // same race.
  // Quick Open itself can miss the key or show an empty list for a moment on a loaded machine: the whole step is
  // tried again, each wait bounded, the last try with the full time.
  for (let attempt = 1; ; attempt++) {
    const wait = attempt < 3 ? 10_000 : 30_000;
    try {
      await p.keyboard.press('Control+P');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: wait });
      await input.fill(name);
      await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: wait });
      await p.keyboard.press('Enter');
      await tab.waitFor({ timeout: wait });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await p.keyboard.press('Escape');
    }
  }
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

/** Closes the window and the browser (the root hook does this after the last suite). */
export async function closeWorkbench(): Promise<void> {
  await closeWindow();
  windowUsed = false;
  const b = browser;
  browser = undefined;
  await b?.close();
  const l = log;
  log = undefined;
  await new Promise<void>((resolve) => (l ? l.end(resolve) : resolve()));
}

// ---------------------------------------------------------------------------------------------------------------
// Decorations, theme colours, view containers and trees (test/e2e/editor.e2e.ts, the screenshots).
// Functions passed to page.evaluate() declare no named inner functions: tsx would wrap them in __name(), which
// does not exist in the page.

/**
 * Calls `check` until it resolves (returns its value) or `timeout` ms have passed (throws its last error): for
 * assertions on things the extension host paints or refreshes a little later.
 */
export async function eventually<T>(check: () => Promise<T>, { timeout = 15_000, interval = 250 }: { timeout?: number; interval?: number } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() >= deadline) throw e;
    }
    await workbench().waitForTimeout(interval);
  }
}

/**
 * The current value of a theme colour (`editor.background`, `tensionLens.pole.open.background`...) as the browser
 * computes it (`rgb(...)` / `rgba(...)`), so it compares equal to a computed `background-color`. VS Code defines
 * every colour, contributed ones too, as a CSS variable `--vscode-<id with . as ->` on the workbench. Undefined
 * when the theme has no such colour.
 */
export async function themeColor(id: string): Promise<string | undefined> {
  const value = await workbench().evaluate((variable) => {
    const root = document.querySelector('.monaco-workbench') ?? document.body;
    const raw = getComputedStyle(root).getPropertyValue(variable).trim();
    if (!raw) return '';
    const probe = document.createElement('div');
    probe.style.backgroundColor = raw;
    root.appendChild(probe);
    const computed = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return computed;
  }, `--vscode-${id.replace(/\./g, '-')}`);
  return value || undefined;
}

/** A decoration drawn under or around some text: its CSS classes and computed background colour. */
export interface Decoration {
  /** `overlay`: a `.cdr` box in `.view-overlays` under the text (background decorations); `inline`: a span around it. */
  readonly kind: 'overlay' | 'inline';
  readonly className: string;
  readonly background: string;
}

/** A word in the active editor and what is drawn under it, one entry per visual line it covers. */
export interface WordDecorations {
  readonly word: string;
  /** The 1-based line number of the document line the word starts on (from the editor's line-number gutter). */
  readonly lineNumber: number | undefined;
  readonly parts: readonly { readonly box: Box; readonly decorations: readonly Decoration[] }[];
}

/** A rectangle in page coordinates, as `getBoundingClientRect()` gives it. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}

/** How an element that draws on text looks: its classes and the computed colours a highlight can carry. */
export interface DrawnStyle {
  readonly className: string;
  readonly background: string;
  /** `<border-bottom-style> <border-bottom-color>`, e.g. `solid rgb(...)`. */
  readonly borderBottom: string;
  readonly color: string;
}

/**
 * What the active editor renders of the `occurrence`-th (0-based) occurrence of `word`, read in the page in one pass
 * and shaped by its callers (wordDecorations below, the pole-colour checks of screen.ts): each text node the word
 * touches, with its client rectangles, its parent element and every element around it up to its `.view-line`
 * (innermost first); every `.cdr` overlay box VS Code draws under the text (`.view-overlays`: background
 * decorations, positioned under the text, not wrapping it); and the line-number gutter. Text is searched across the
 * visual lines in screen order, so a word that word wrap splits is still found. Undefined when not rendered.
 */
export interface RenderedWord {
  readonly nodes: readonly { readonly rects: readonly Rect[]; readonly parent: DrawnStyle | undefined; readonly ancestors: readonly DrawnStyle[] }[];
  readonly overlays: readonly { readonly rect: Rect; readonly style: DrawnStyle }[];
  readonly lineNumbers: readonly { readonly top: number; readonly lineNumber: number }[];
}

/** The `occurrence`-th occurrence of `word` as the active editor renders it (see RenderedWord). */
export async function renderedWord(word: string, occurrence = 0): Promise<RenderedWord | undefined> {
  const found = await workbench().evaluate(([selector, target, nth]) => {
    const editor = document.querySelector(selector);
    if (!editor) return undefined;
    const lines = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const textNodes: Text[] = [];
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) textNodes.push(n as Text);
    }
    const text = textNodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
    let start = -1;
    for (let i = 0, from = 0; i <= nth; i++, from = start + 1) {
      start = text.indexOf(target, from);
      if (start < 0) return undefined;
    }
    const end = start + target.length;
    // The elements whose look is read, by index (no named helper: see the note at the top of this section).
    const elements: Element[] = [];
    const touched: { rects: Rect[]; parent: number | undefined; ancestors: number[] }[] = [];
    // One DOM Range per text node the word touches (the nodes of two visual lines need not be DOM neighbours).
    let offset = 0;
    for (const n of textNodes) {
      const nodeEnd = offset + n.data.length;
      if (nodeEnd > start && offset < end) {
        const range = document.createRange();
        range.setStart(n, Math.max(start, offset) - offset);
        range.setEnd(n, Math.min(end, nodeEnd) - offset);
        const ancestors: number[] = [];
        for (let el = n.parentElement; el && !el.classList.contains('view-line'); el = el.parentElement) ancestors.push(elements.push(el) - 1);
        touched.push({
          rects: Array.from(range.getClientRects()).filter((r) => r.width > 0)
            .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height })),
          parent: n.parentElement ? elements.push(n.parentElement) - 1 : undefined,
          ancestors,
        });
      }
      offset = nodeEnd;
    }
    const cdrs = Array.from(editor.querySelectorAll<HTMLElement>('.view-overlays .cdr'));
    const firstCdr = elements.length;
    elements.push(...cdrs);
    const styles: DrawnStyle[] = elements.map((el) => {
      const style = getComputedStyle(el);
      return { className: el.className, background: style.backgroundColor, borderBottom: `${style.borderBottomStyle} ${style.borderBottomColor}`, color: style.color };
    });
    const nodes = touched.map((t) => ({
      rects: t.rects,
      parent: t.parent === undefined ? undefined : styles[t.parent],
      ancestors: t.ancestors.map((i) => styles[i] as DrawnStyle),
    }));
    const overlays = cdrs.map((o, i) => {
      const r = o.getBoundingClientRect();
      return { rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }, style: styles[firstCdr + i] as DrawnStyle };
    });
    const lineNumbers: { top: number; lineNumber: number }[] = [];
    for (const el of Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'))) {
      const n = Number(el.textContent?.trim());
      if (Number.isInteger(n) && n > 0) lineNumbers.push({ top: el.getBoundingClientRect().top, lineNumber: n });
    }
    return { nodes, overlays, lineNumbers };
  }, [EDITOR, word, occurrence] as const);
  return found ?? undefined;
}

/** Whether a computed colour is a colour at all (not transparent). */
function painted(colour: string): boolean {
  return colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent';
}

/**
 * Finds the `occurrence`-th (0-based) occurrence of `word` in the rendered text of the active editor and returns,
 * for every visual line the word covers, its box and every decoration whose box covers it: the `.cdr` overlay boxes
 * of background decorations and the coloured elements of inline decorations around the text. A word that word wrap
 * splits comes as two parts. Undefined when the word is not rendered.
 */
export async function wordDecorations(word: string, { occurrence = 0 }: { occurrence?: number } = {}): Promise<WordDecorations | undefined> {
  const found = await renderedWord(word, occurrence);
  if (!found) return undefined;
  const rects = found.nodes.flatMap((n) => n.rects);
  const inline = found.nodes.flatMap((n) => n.ancestors.filter((a) => painted(a.background))
    .map((a) => ({ className: a.className, background: a.background, top: n.rects[0]?.top ?? 0 })));
  // Merge the rectangles of one visual line.
  const parts: { box: { x: number; y: number; width: number; height: number }; decorations: Decoration[] }[] = [];
  for (const r of [...rects].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const last = parts[parts.length - 1];
    if (last && Math.abs(last.box.y - r.top) < 2) {
      const right = Math.max(last.box.x + last.box.width, r.right);
      last.box.x = Math.min(last.box.x, r.left);
      last.box.width = right - last.box.x;
    } else {
      parts.push({ box: { x: r.left, y: r.top, width: r.width, height: r.height }, decorations: [] });
    }
  }
  for (const part of parts) {
    const { x, y, width, height } = part.box;
    for (const { rect: b, style } of found.overlays) {
      const coversX = b.left <= x + 1 && b.right >= x + width - 1;
      const overlapY = Math.min(b.bottom, y + height) - Math.max(b.top, y);
      if (!coversX || overlapY < height / 2) continue;
      part.decorations.push({ kind: 'overlay', className: style.className, background: style.background });
    }
    for (const i of inline) {
      if (Math.abs(i.top - y) < 2) part.decorations.push({ kind: 'inline', className: i.className, background: i.background });
    }
  }
  // The line number: the last gutter number at or above the word's first visual line.
  let lineNumber: number | undefined;
  let best = -Infinity;
  const firstTop = parts[0]?.box.y ?? 0;
  for (const { top, lineNumber: n } of found.lineNumbers) {
    if (top <= firstTop + 2 && top > best) {
      best = top;
      lineNumber = n;
    }
  }
  return { word, lineNumber, parts };
}

/** Moves the mouse off the editor and presses Escape: no hover or tooltip stays open for the next step. */
export async function dismissHover(): Promise<void> {
  const p = workbench();
  await p.mouse.move(0, 0);
  await p.keyboard.press('Escape');
  await p.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/**
 * Shows the side bar view container whose activity-bar entry is titled `title` ("Explorer", "Tension Lens"), and
 * waits for its first view. Does nothing when it is already shown (clicking its icon again would hide it).
 */
export async function openViewContainer(title: string): Promise<void> {
  const p = workbench();
  const sidebar = p.locator('.part.sidebar');
  const heading = sidebar.locator('.composite.title .title-label', { hasText: title });
  if ((await sidebar.isVisible()) && (await heading.isVisible())) return;
  await p.locator(`.part.activitybar .action-label[aria-label^="${title}"]`).first().click();
  await heading.waitFor({ state: 'visible' });
  await sidebar.locator('.pane').first().waitFor({ state: 'visible' });
}

/** The pane of the side bar view named `view` ("Terms", "Tags"...): its header and body. */
export function viewPane(view: string): Locator {
  // A view with a title-bar description (the Annotations view names its article) is labelled "<view> - <description> Section".
  return workbench().locator('.part.sidebar .pane').filter({ has: workbench().locator(`> .pane-header:is([aria-label="${view} Section"], [aria-label^="${view} - "])`) });
}

/** The rows of a list or tree; not the copies of parent rows that sticky scroll pins above them. */
const TREE_ROW = '.monaco-list-rows > .monaco-list-row';

/** A row of a tree view as shown: label, description, depth (1 = top level) and whether it is expanded. */
export interface TreeRow {
  readonly level: number;
  readonly label: string;
  readonly description: string;
  /** undefined for a leaf. */
  readonly expanded: boolean | undefined;
}

/**
 * Every row of the tree in the side bar view `view`, in order, including the ones scrolled out of sight: the list
 * renders only visible rows, so this scrolls it (mouse wheel) to the end, then back to the top.
 */
export async function treeRows(view: string): Promise<TreeRow[]> {
  const p = workbench();
  const body = viewPane(view).locator('.pane-body');
  const firstRow = body.locator(TREE_ROW).first();
  await firstRow.waitFor({ state: 'visible' });
  const box = await body.boundingBox();
  if (!box) throw new Error(`the ${view} view has no box`);
  await p.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
  await scrollTreeToTop(body, box);
  const rows = new Map<number, TreeRow>();
  let sawLast = false;
  for (let i = 0; i < 100 && !sawLast; i++) {
    const visible = await body.locator(TREE_ROW).evaluateAll((els) => els.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      last: el.getAttribute('data-last-element') === 'true',
      level: Number(el.getAttribute('aria-level')),
      label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
      expanded: el.hasAttribute('aria-expanded') ? el.getAttribute('aria-expanded') === 'true' : undefined,
    })));
    const before = rows.size;
    for (const { index, last, ...row } of visible) {
      rows.set(index, row);
      sawLast ||= last;
    }
    if (sawLast) break;
    if (i > 0 && rows.size === before) throw new Error(`could not scroll the ${view} view to its end (read ${rows.size} rows)`);
    await p.mouse.wheel(0, Math.max(44, box.height - 44));
    await p.waitForTimeout(100);
  }
  await scrollTreeToTop(body, box);
  await p.mouse.move(0, 0); // no row tooltip left behind
  return [...rows].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** Wheels the list in `body` up until its first row shows at the top (one huge wheel delta does not scroll it). */
async function scrollTreeToTop(body: Locator, box: Box): Promise<void> {
  const p = workbench();
  for (let i = 0; i < 100; i++) {
    const atTop = await body.evaluate((el, firstRow) => {
      const list = el.querySelector('.monaco-list');
      const first = el.querySelector(firstRow);
      return Boolean(list && first && first.getBoundingClientRect().top >= list.getBoundingClientRect().top - 1);
    }, `${TREE_ROW}[data-index="0"]`);
    if (atTop) return;
    await p.mouse.wheel(0, -Math.max(44, box.height - 44));
    await p.waitForTimeout(50);
  }
  throw new Error('could not scroll the tree back to its top');
}

/**
 * Expands the row labelled `label` (exactly) of the tree in view `view`, if it is collapsed, by clicking its twistie
 * (so no command of the row runs); waits until its children show.
 */
export async function expandTreeRow(view: string, label: string): Promise<void> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = viewPane(view).locator(TREE_ROW).filter({ has: workbench().locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ state: 'visible' });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await viewPane(view).locator(`${TREE_ROW}[aria-expanded="true"]`).filter({ has: workbench().locator('.label-name', { hasText: exact }) }).first().waitFor();
}

/** Expands (or collapses) the side bar view named `view` by clicking its header when it is not already so. */
export async function setViewExpanded(view: string, expanded: boolean): Promise<void> {
  const header = viewPane(view).locator('> .pane-header');
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await viewPane(view).locator(`> .pane-header[aria-expanded="${expanded}"]`).waitFor();
}

/** Drags the sash on the side bar's right edge until the side bar is `width` CSS pixels wide (the side bar must show). */
export async function resizeSidebar(width: number): Promise<void> {
  const p = workbench();
  const sidebar = await p.locator('.part.sidebar').boundingBox();
  if (!sidebar) throw new Error('the side bar is not shown');
  const edge = sidebar.x + sidebar.width;
  // The vertical sash whose centre is nearest to the side bar's right edge.
  const sashes = await p.locator('.monaco-sash.vertical:visible').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
  }));
  const sash = sashes.filter((s) => s.height > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
  if (!sash || Math.abs(sash.x - edge) > 6) throw new Error(`no sash at the side bar's edge (x ${edge})`);
  await p.mouse.move(sash.x, sash.y);
  await p.mouse.down();
  await p.mouse.move(sash.x + (width - sidebar.width), sash.y, { steps: 8 });
  await p.mouse.up();
  await p.mouse.move(0, 0);
}
