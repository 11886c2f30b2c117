// The HTML report in headless Chromium (playwright-core; the system's Chromium, else the one from npm): it renders without a console error
// or a network request, escapes what it quotes, switches charts with the colour scheme and for print, and leaves a
// screenshot — test-results/report.png, and docs/images/report.png with UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { requireChineseFont } from '../../../scripts/chromium.mjs';
import { exportArticles } from '../../../src/core/export';
import { launchChromiumOrSkip } from '../helpers/chromium';
import { annotate, articleOf, decode, request, root, seedArticle, seedText } from './articles';

/** The real version, since the screenshot goes into the README. */
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

function reportHtml(language: 'zh' | 'en' = 'zh'): string {
  const article = seedArticle();
  const annotations = article.annotations;
  assert.ok(annotations);
  const hostile = annotate(seedText, '基础研究', '0b7d3f4e-1c2a-4f4b-9c1e-000000000004', ['stance'], HOSTILE);
  const withHostile = articleOf(article.path, seedText, [...annotations.anchors.map((a) => a.annotation), hostile]);
  const result = exportArticles(request('report', 'html', [{ ...withHostile, href: 'ai-lab-expert-departure.md' }], { language, generator: { name: 'Tension Lens', version } }));
  assert.ok(result.ok);
  return decode(result.bytes);
}

describe('HTML report', () => {
  it('is one self-contained file: inline style and SVG, no script, no external resource', () => {
    const html = reportHtml();
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|base)\b/i, 'no element that runs or fetches');
    assert.doesNotMatch(html, /@import|url\(|(href|src)="(https?:)?\/\//i, 'nothing fetched by CSS or links');
    assert.match(html, /<style>[^]*@media \(prefers-color-scheme:dark\)[^]*@media print/);
    assert.ok(html.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'), 'the note is escaped');
  });

  it('numbers every placed annotation in the text, also one that spans lines or ends in a line break', () => {
    const text = '# 标题\n\n开源的未来\n闭源的现实。\n';
    const article = articleOf('lines.md', text, [annotate(text, '未来\n闭源', 'span', ['focus']), annotate(text, '的未来\n', 'newline', [])]);
    const result = exportArticles(request('report', 'html', [article]));
    assert.ok(result.ok);
    const html = decode(result.bytes);
    for (const n of [1, 2]) {
      assert.equal(html.split(`href="#f0-n${n}"`).length - 1, 1, `one number ${n} in the text`);
      assert.equal(html.split(`id="f0-a${n}"`).length - 1, 1, `one anchor a${n}`);
    }
    assert.match(html, /<span class="ln h" id="f0-L1"><span class="md"># <\/span>标题<\/span>/);
  });

  describe('in headless Chromium', function () {
    this.timeout(60_000);
    let browser: Browser;
    let file: string;
    const problems: string[] = [];

    before(async function () {
      browser = await launchChromiumOrSkip(this);
      // The picture goes into the README: no boxes instead of Chinese there.
      if (process.env.UPDATE_SCREENSHOTS) await requireChineseFont(browser);
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tension-report-')), 'report.html');
      fs.writeFileSync(file, reportHtml());
    });
    after(async () => {
      await browser?.close();
      if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });

    async function open(colorScheme: 'light' | 'dark', width = 1200): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`);
      });
      await page.goto(`file://${file}`);
      return page;
    }

    it('renders without console errors or requests, and runs nothing from the notes', async () => {
      const page = await open('light');
      assert.deepEqual(problems, []);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.ok((await page.locator('.annotations-card').textContent())?.includes('<script>window.__pwned = 1</script>'));
      await page.close();
    });

    it('shows the charts, the sites, the annotations by tag and the highlighted article, linked to each other', async () => {
      const page = await open('light');
      assert.equal(await page.locator('h1').textContent(), '张力报告ai-lab-expert-departure.md');
      assert.equal(await page.locator('.balance-card .chart-light svg[role=img]').isVisible(), true);
      assert.equal(await page.locator('.balance-card .chart-dark').isVisible(), false);
      assert.equal(await page.locator('.profile-card .chart-light svg g[data-row]').count(), seedArticle().analysis.sections.length);
      assert.equal(await page.locator('ol.sites > li').count(), seedArticle().analysis.sites.length);
      assert.deepEqual(await page.locator('.tag-group h4').allTextContents(), ['争议焦点 2', '机构立场 2', '未加标签 1']);
      // Every annotation number in the text leads to its note, and every note back to the text.
      const refs = await page.locator('.text sup.a-ref a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(refs.length, 4);
      for (const href of refs) assert.equal(await page.locator(href ?? '#none').count(), 1, href ?? '');
      for (const href of await page.locator('.notes a.where').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert.equal(await page.locator(href ?? '#none').count(), 1, href ?? '');
      }
      const termText = await page.locator('.text span.t').allTextContents();
      assert.ok(termText.join('').includes('闭源商用'), 'terms highlighted in the article');
      assert.equal(await page.locator('.text mark.a#f0-a1').count(), 1);
      const screenshot = await page.screenshot({ fullPage: false });
      fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
      fs.writeFileSync(path.join(root, 'test-results', 'report.png'), screenshot);
      if (process.env.UPDATE_SCREENSHOTS) fs.writeFileSync(path.join(root, 'docs', 'images', 'report.png'), screenshot);
      await page.close();
    });

    it('follows the dark colour scheme, and prints light', async () => {
      const page = await open('dark');
      assert.equal(await page.locator('.balance-card .chart-dark').isVisible(), true);
      assert.equal(await page.locator('.balance-card .chart-light').isVisible(), false);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(13, 17, 23)');
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      assert.equal(await page.locator('.balance-card .chart-light').isVisible(), true);
      assert.equal(await page.locator('.balance-card .chart-dark').isVisible(), false);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.byteLength > 10_000, 'prints to PDF');
      await page.close();
      assert.deepEqual(problems, []);
    });
  });
});
