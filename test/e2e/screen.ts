// What the reader sees of the pole highlights, read from the DOM, and a workspace of its own for a suite.
// Used by the lexicon, highlight-switch and theme suites, and the palette (runCommand) by most suites; builds on
// workbench.ts, whose renderedWord() reads the DOM the highlight checks here look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { poleColorId } from '../../src/core/lexicon/palette';
import { type DrawnStyle, eventually, openWorkbench, renderedWord, themeColor, workbench } from './workbench';

export const ARTICLE = 'ai-lab-expert-departure.md';
const QUICK_INPUT = '.quick-input-widget input';

/** Built-in terms on the article's first screen, with their poles. */
export const BUILT_IN: readonly Expected[] = [
  { word: '开放原则', pole: 'open' },
  { word: '商业化', pole: 'commercial' },
  { word: '开源', pole: 'open' },
  { word: '闭源商用', pole: 'closed' },
];

/** Words of the title that no built-in term covers: the user lexicon adds them. */
export const GAME = '博弈';
export const DEPARTURE = '离职风波';

export function lexiconWith(terms: readonly { pole: 'competition' | 'closed'; id: string; form: string }[]): unknown {
  const axis = (id: string, poles: [string, string]) => ({
    id, poles: poles.map((pole) => ({ id: pole, terms: terms.filter((t) => t.pole === pole).map((t) => ({ id: t.id, forms: [t.form] })) })),
  });
  return { version: 1, axes: [axis('cooperation-competition', ['cooperation', 'competition']), axis('open-closed', ['open', 'closed'])] };
}

export const GAME_LEXICON = lexiconWith([{ pole: 'competition', id: 'user-game', form: GAME }]);

/** The fixture workspace the server opened (a temp copy). */
function fixtureFolder(): string {
  const folder = process.env['VSCODE_E2E_FOLDER'];
  if (!folder) throw new Error('VSCODE_E2E_FOLDER is not set: run the e2e suites with `npm run test:e2e`');
  return folder;
}

/**
 * Opens a workspace of the suite's own: a new folder beside the fixture copy holding the seed article, the
 * fixture's settings (plus `settings`) and, when given, a user lexicon, in a fresh window of the suite's (one
 * workbench load: a fresh extension host and nothing another suite left open). The next suite's openWorkbench()
 * opens its own window on the fixture workspace again, so there is nothing to go back to. Returns the folder.
 */
export async function openOwnWorkspace(name: string, { settings = {}, lexicon }: { settings?: Record<string, unknown>; lexicon?: unknown } = {}): Promise<string> {
  const base = fixtureFolder();
  const folder = path.join(path.dirname(base), `workspace-${name}`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.copyFileSync(path.join(base, ARTICLE), path.join(folder, ARTICLE));
  const baseSettings = parse(fs.readFileSync(path.join(base, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ ...baseSettings, ...settings }, null, 2));
  if (lexicon !== undefined) writeLexicon(folder, lexicon);
  await openWorkbench({ folder });
  return folder;
}

/** Writes `.vscode/tension-lexicon.json` (an object as JSON, a string as it is), as an editor would save it. */
export function writeLexicon(folder: string, lexicon: unknown): void {
  const file = path.join(folder, '.vscode', 'tension-lexicon.json');
  fs.writeFileSync(`${file}.tmp`, typeof lexicon === 'string' ? lexicon : JSON.stringify(lexicon, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function deleteLexicon(folder: string): void {
  fs.rmSync(path.join(folder, '.vscode', 'tension-lexicon.json'), { force: true });
}

/** Merges `patch` into the workspace's `.vscode/settings.json` (a key set to undefined is removed). */
export function updateSettings(folder: string, patch: Record<string, unknown>): void {
  const file = path.join(folder, '.vscode', 'settings.json');
  const current = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...current, ...patch }, null, 2));
}

/**
 * Picks `label` in the open quick input after typing `text`. Enter takes the focused row: it must be `label`'s,
 * not merely one row among the list still shown for the previous text (see openFile in workbench.ts).
 */
export async function pick(text: string, label: string): Promise<void> {
  const page = workbench();
  const input = page.locator(QUICK_INPUT);
  await input.waitFor({ state: 'visible' });
  await input.fill(text, { timeout: 10_000 });
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Runs the entry `label` of a context menu that `open` brings up (a right-click, after whatever selection it needs),
 * as a user clicks it. Retried: right after activation the menu can be drawn before the extension's entry is in it.
 * Seen in CI, on both tries of a test: the menu took the click as a hover and stayed open with the entry focused;
 * Enter then runs the focused entry, as from the keyboard.
 */
export async function runContextMenuEntry(open: () => Promise<void>, label: string): Promise<void> {
  const page = workbench();
  const menu = page.locator('.context-view .monaco-menu');
  await eventually(async () => {
    await page.keyboard.press('Escape');
    await open();
    await menu.locator('.action-label', { hasText: label }).first().click({ timeout: 3_000 });
  }, { timeout: 30_000 });
  await page.waitForTimeout(500);
  if (await menu.isVisible()) await page.keyboard.press('Enter');
}

/**
 * Waits for a notification whose text matches: as a toast, or in the notification center when the toast is not up
 * (an information toast hides itself after some seconds; once, in CI, it was not seen at all while the file it
 * reported was written). The center is where the user finds it then, so the check is still on what the user sees.
 */
export async function expectNotification(text: RegExp, timeout = 30_000): Promise<void> {
  const page = workbench();
  const item = page.locator('.notification-list-item-message', { hasText: text }).first();
  try {
    await item.waitFor({ timeout: 10_000 });
    return;
  } catch {
    // not as a toast: look in the center
  }
  await runCommand('Notifications: Show Notifications');
  await item.waitFor({ timeout });
  await page.keyboard.press('Escape');
}

/**
 * Runs a command by its palette label, from the title bar's command center (as a user clicks it), in the current
 * window. `then: 'stays'` for a command that opens a quick pick of its own. Not F1: a key pressed while a webview
 * has focus reaches the workbench only by a detour that can lose the palette again.
 */
export async function runCommand(label: string, then: 'closes' | 'stays' = 'closes'): Promise<void> {
  const page = workbench();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.command-center .command-center-center').first().click();
      await pick(`>${label}`, label);
      if (then === 'closes') await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
      // Off the command center: its tooltip comes up after a moment and would take the next click on a tab below it.
      await page.mouse.move(0, 0);
      return;
    } catch (e) {
      // Seen in CI right after a window reload: the palette opened inert ("element is inert"). Close whatever is
      // open and try again; a third failure is a real one.
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

/** How the poles are drawn: `tensionLens.highlightStyle`. */
export type HighlightStyle = 'background' | 'underline' | 'text';

/** What is drawn on a word: every overlay box under it and every styled span around it, with their colours. */
interface Drawn extends DrawnStyle {
  readonly kind: 'overlay' | 'inline';
}

/**
 * Everything drawn on the `occurrence`-th rendered occurrence of `word` in the active editor, per visual part:
 * the `.cdr` overlay boxes VS Code draws under the text (backgrounds and borders: the background and underline
 * styles) and the spans around the text (colour and weight: the text style). Undefined when not rendered.
 */
async function drawnOn(word: string, occurrence = 0): Promise<Drawn[][] | undefined> {
  const found = await renderedWord(word, occurrence);
  if (!found) return undefined;
  const parts: { top: number; left: number; right: number; height: number; drawn: Drawn[] }[] = [];
  for (const { rects, parent } of found.nodes) {
    for (const r of rects) {
      let part = parts.find((p) => Math.abs(p.top - r.top) < 2);
      if (!part) parts.push((part = { top: r.top, left: r.left, right: r.right, height: r.height, drawn: [] }));
      part.left = Math.min(part.left, r.left);
      part.right = Math.max(part.right, r.right);
      if (parent && !part.drawn.some((d) => d.kind === 'inline' && d.className === parent.className)) part.drawn.push({ kind: 'inline', ...parent });
    }
  }
  for (const part of parts) {
    for (const { rect: b, style } of found.overlays) {
      const coversX = b.left <= part.left + 1 && b.right >= part.right - 1;
      const overlapY = Math.min(b.bottom, part.top + part.height) - Math.max(b.top, part.top);
      if (!coversX || overlapY < part.height / 2) continue;
      part.drawn.push({ kind: 'overlay', ...style });
    }
  }
  return parts.sort((a, b) => a.top - b.top).map((p) => p.drawn);
}

/** The colour a pole is drawn with in `style` under the current theme (`rgb(...)`/`rgba(...)`). */
export async function poleColour(pole: string, style: HighlightStyle): Promise<string> {
  const id = poleColorId(pole, style === 'background' ? 'background' : 'foreground');
  const colour = await themeColor(id);
  assert.ok(colour, `the theme defines no ${id} (is the extension installed?)`);
  return colour;
}

/** The colour each drawn thing carries in `style`: background of overlays, solid bottom border, or span text colour. */
function colourIn(d: Drawn, style: HighlightStyle): string | undefined {
  switch (style) {
    case 'background':
      return d.kind === 'overlay' ? d.background : undefined;
    case 'underline':
      return d.kind === 'overlay' && d.borderBottom.startsWith('solid ') ? d.borderBottom.slice('solid '.length) : undefined;
    case 'text':
      return d.kind === 'inline' ? d.color : undefined;
  }
}

/** A word on the first screen of the article and the pole it must be drawn in (undefined: no pole colour at all). */
export interface Expected {
  readonly word: string;
  readonly pole: string | undefined;
}

/**
 * Waits until every word is drawn, in `style`, in exactly its pole's colour of the current theme — and a word with
 * no pole in none of the poles' colours — then returns; throws the last difference otherwise. `poles` are all the
 * poles whose colours count (so a word in the wrong pole's colour is caught).
 */
export async function expectPoleColours(expected: readonly Expected[], style: HighlightStyle, poles: readonly string[], timeout = 20_000): Promise<void> {
  const colours = new Map<string, string>();
  for (const pole of poles) colours.set(pole, await poleColour(pole, style));
  const name = (c: string): string => [...colours].filter(([, v]) => v === c).map(([k]) => k).join('/') || c;
  await eventually<void>(async () => {
    const problems: string[] = [];
    for (const { word, pole } of expected) {
      const parts = await drawnOn(word);
      if (!parts || parts.length === 0) {
        problems.push(`${word} is not rendered`);
        continue;
      }
      for (const [i, drawn] of parts.entries()) {
        const found = new Set(drawn.map((d) => colourIn(d, style)).filter((c): c is string => c !== undefined && [...colours.values()].includes(c)));
        const where = `${word}${parts.length > 1 ? ` (part ${i + 1})` : ''}`;
        const want = pole === undefined ? undefined : colours.get(pole);
        if (want !== undefined && !found.has(want)) problems.push(`${where} should be drawn in ${pole}'s ${style} colour ${want}; it carries ${[...found].map(name).join(', ') || 'no pole colour'}`);
        const others = [...found].filter((c) => c !== want);
        if (others.length > 0) problems.push(`${where} carries ${others.map(name).join(', ')}${pole === undefined ? ' but is no term' : ` besides ${pole}`}`);
      }
    }
    if (problems.length > 0) assert.fail(problems.join('\n'));
  }, { timeout });
}

/** The rows of the Problems panel (opened with its command), as text. */
export async function problemRows(): Promise<string[]> {
  const page = workbench();
  await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel.locator('.monaco-list-row').allInnerTexts();
}
