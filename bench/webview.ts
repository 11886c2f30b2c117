/**
 * Section 7 of the bench: the dashboard's Article tab in headless Chromium (issue: "a 5 MB article must not freeze
 * the workbench"). The webview's own bundle renders the update the extension would post for one article — the
 * seed article (the baseline), then 1 MB and 10 MB ones — and the figures are the DOM nodes it holds and the time
 * from the message to the next frame (script, style, layout). Also timed: the same article view after an update
 * that does not change it (a file elsewhere changed), which must not draw it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { type DashboardUpdate, analyseArticle, assembleModel, buildArticleDetail, compileLexicon, displayDetail, type Lexicon, poleColors } from '../src/core';
import { dashboardStrings } from '../src/extension/dashboard/strings';
import { type Stat, summarize } from './stats';

export interface WebviewRow {
  readonly label: string;
  readonly bytes: number;
  readonly sections: number;
  readonly sites: number;
  /** Elements in the page once the Article tab is drawn. */
  readonly nodes: number;
  /** Message → next frame, ms. */
  readonly render: Stat;
  /** An update that leaves the article as it was, ms. */
  readonly unchanged: Stat;
  /** The same wait for the next frame with no message: the floor under both figures on this machine, ms. */
  readonly idle: Stat;
}

export interface WebviewResult {
  readonly rows: readonly WebviewRow[];
  readonly note: string;
}

interface Measured {
  readonly ms: number;
  readonly nodes: number;
}

/** What the extension posts for one article (sections grouped for display, as the panel does). */
function updateFor(pathName: string, text: string, lexicon: Lexicon): { update: DashboardUpdate; sections: number; sites: number } {
  const compiled = compileLexicon(lexicon);
  const analysed = analyseArticle({ path: pathName, text, format: 'markdown' }, compiled);
  if (!analysed?.analysis) throw new Error(`${pathName}: no analysis`);
  const full = buildArticleDetail(analysed.row, text, analysed.analysis, lexicon);
  const article = displayDetail(full);
  return {
    update: {
      type: 'update', model: assembleModel([analysed.row], compiled, 0), article, articleKey: 1, strings: dashboardStrings(),
      language: 'en', colors: poleColors(lexicon),
    },
    sections: full.sections.length, sites: full.sites.length,
  };
}

/** Renders `update` in the page `runs` times (a fresh copy each time, so nothing is reused) and once unchanged. */
async function renderIn(browser: Browser, page: string, update: DashboardUpdate, runs: number): Promise<{ render: Measured[]; unchanged: Measured[]; idle: Measured[] }> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.setContent(page);
    await tab.evaluate((u) => {
      (window as unknown as { benchUpdate: unknown }).benchUpdate = u;
    }, update);
    const idleFrame = (): Promise<Measured> => tab.evaluate(async () => {
      const t0 = performance.now();
      void document.body.offsetHeight;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { ms: performance.now() - t0, nodes: document.getElementsByTagName('*').length };
    });
    const once = (fresh: boolean): Promise<Measured> => tab.evaluate(async (isFresh) => {
      const w = window as unknown as { benchUpdate: { articleKey: number; article?: unknown } };
      let message: { articleKey: number; article?: unknown };
      if (isFresh) {
        message = structuredClone(w.benchUpdate);
        message.articleKey = Math.random();
      } else {
        // What the panel posts when another file changed: the model again, the article key it holds, no article.
        const { article: _dropped, ...rest } = w.benchUpdate;
        message = { ...structuredClone(rest), articleKey: w.benchUpdate.articleKey };
      }
      if (isFresh) w.benchUpdate.articleKey = message.articleKey;
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: message }));
      void document.body.offsetHeight;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { ms: performance.now() - t0, nodes: document.getElementsByTagName('*').length };
    }, fresh);
    await once(true); // warm-up
    const render: Measured[] = [];
    const unchanged: Measured[] = [];
    const idle: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      render.push(await once(true));
      unchanged.push(await once(false));
      idle.push(await idleFrame());
    }
    return { render, unchanged, idle };
  } finally {
    await tab.close();
  }
}

/** The webview page: the dashboard's stylesheet and bundle, with `acquireVsCodeApi` saying the Article tab is shown. */
function pageHtml(root: string, bundle: string): string {
  const css = fs.readFileSync(path.join(root, 'media', 'dashboard', 'dashboard.css'), 'utf8');
  const script = fs.readFileSync(bundle, 'utf8');
  const api = 'window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => ({ view: "article" }), setState() {} });';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}</style></head>`
    + `<body class="vscode-light"><div id="app"></div><script>${api}</script><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
}

/** Times the Article tab for each article (the first is the baseline the others are compared with). */
export async function benchWebview(root: string, bundle: string, articles: readonly { label: string; text: string }[], lexicon: Lexicon, runs: number, progress: (m: string) => void): Promise<WebviewResult> {
  if (!fs.existsSync(bundle)) return { rows: [], note: `n/a (${bundle} was not built)` };
  const { launchChromium } = (await import(pathToFileURL(path.join(root, 'scripts', 'vscode', 'browser.mjs')).href)) as { launchChromium: () => Promise<Browser> };
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    return { rows: [], note: `n/a (no headless Chromium: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
  try {
    const page = pageHtml(root, bundle);
    const rows: WebviewRow[] = [];
    for (const { label, text } of articles) {
      progress(`webview: article tab, ${label}`);
      const { update, sections, sites } = updateFor(`${label}.md`, text, lexicon);
      const measured = await renderIn(browser, page, update, runs);
      rows.push({
        label, bytes: Buffer.byteLength(text, 'utf8'), sections, sites,
        nodes: Math.max(...measured.render.map((m) => m.nodes)),
        render: summarize(measured.render.map((m) => m.ms)), unchanged: summarize(measured.unchanged.map((m) => m.ms)),
        idle: summarize(measured.idle.map((m) => m.ms)),
      });
    }
    return { rows, note: 'headless Chromium (chromium-headless-shell), 1280×900, light theme; render = message → next frame' };
  } finally {
    await browser.close();
  }
}
