// The check that keeps boxes out of the README's pictures (scripts/chromium.mjs drawsChinese / requireChineseFont),
// in the Chromium the tests use: with no font at all it must say no; with a Chinese font it must say yes.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumEnv, drawsChinese, findChromium, requireChineseFont } from '../../../scripts/chromium.mjs';

/** Whether fontconfig (as the browser gets it) knows a Chinese font; false when its tools are not installed. */
function fontconfigKnowsChinese(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', env: chromiumEnv(), stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

describe('Chinese font check (scripts/chromium.mjs)', function () {
  this.timeout(60_000);
  let dir: string;
  const browsers: Browser[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-fonts-'));
  });
  after(async () => {
    for (const b of browsers) await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function launch(env: NodeJS.ProcessEnv): Promise<Browser> {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, env });
    browsers.push(browser);
    return browser;
  }

  it('says no, and refuses with the fix, when the browser has no font at all', async () => {
    const empty = path.join(dir, 'empty.conf');
    fs.writeFileSync(empty, `<?xml version="1.0"?>\n<fontconfig><cachedir>${path.join(dir, 'cache')}</cachedir></fontconfig>\n`);
    const browser = await launch({ ...process.env, FONTCONFIG_FILE: empty });
    const page = await browser.newPage();
    assert.equal(await drawsChinese(page), false);
    await assert.rejects(requireChineseFont(browser), /No Chinese font[^]*apt-get install fonts-noto-cjk[^]*TENSION_LENS_FONT_DIR/);
  });

  it('says yes where fontconfig has a Chinese font', async function () {
    if (!fontconfigKnowsChinese()) {
      console.warn('    skipped: no Chinese font on this machine (fonts-noto-cjk, TENSION_LENS_FONT_DIR)');
      this.skip();
    }
    const browser = await launch(chromiumEnv());
    assert.equal(await drawsChinese(await browser.newPage()), true);
    await requireChineseFont(browser);
  });
});
