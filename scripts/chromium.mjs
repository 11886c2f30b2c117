// Which headless Chromium the tests, the screenshots and `npm start` use, and which fonts it sees. Shared by the
// scripts (scripts/vscode/browser.mjs), the HTML-report unit test and the e2e helpers, so that every browser of a run
// is the same one. No signal handlers, no process state: safe to import from a mocha process.
//
// The lookup: $CHROMIUM_PATH, else a system Chromium (Debian's packages), else the Chromium that the
// @sparticuz/chromium dev dependency ships brotli-compressed inside its npm tarball (Linux x64), unpacked once into
// node_modules/.cache/. So `npm install && npm test` needs nothing from apt.
//
// Fonts: that npm Chromium brings none, and a bare machine has no Chinese one. Tests never depend on glyphs; the
// scripts that write pictures for the README call requireChineseFont() and refuse to write boxes.
// TENSION_LENS_FONT_DIR (a directory of .ttf/.otf/.ttc files) and an installed @embedpdf/fonts-sc are added to
// what fontconfig already knows, through a generated FONTCONFIG_FILE passed to the browser.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** System Chromium binaries, in order of preference: the headless shell first (smaller, no X11 dependencies). */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome'];

/** Chromium's command-line flags for a root user in a container without a GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** The environment variable that adds a directory of fonts (Chinese ones, for the screenshots) to the browser. */
export const FONT_DIR_VARIABLE = 'TENSION_LENS_FONT_DIR';

/** The npm package with a CJK font fontconfig reads (Noto Sans Hans OTF), used when it is installed. */
export const NPM_CJK_FONT_PACKAGE = '@embedpdf/fonts-sc';

/** What to do when the pictures would show boxes instead of Chinese text. */
export const CHINESE_FONT_FIX = 'apt-get install fonts-noto-cjk, or '
  + `npm install --no-save ${NPM_CJK_FONT_PACKAGE} (Noto Sans Hans, 36 MB download), or `
  + `${FONT_DIR_VARIABLE}=/a/directory/of/cjk/fonts`;

/**
 * The browser binary and where it comes from: `$CHROMIUM_PATH`, else the first system Chromium that exists, else
 * the npm one (unpacked on first use). Throws with the fix when there is none.
 * @param {{ env?: NodeJS.ProcessEnv, candidates?: readonly string[], npmChromium?: () => string | undefined }} [options]
 *   seams for the unit test: the environment, the system paths to try, the npm fallback
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'npm' }}
 */
export function locateChromium({ env = process.env, candidates = SYSTEM_CHROMIUM, npmChromium = unpackNpmChromium } = {}) {
  const override = env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist: unset it, or point it to a Chromium binary`);
    return { path: override, source: 'CHROMIUM_PATH' };
  }
  const system = candidates.find(isExecutableFile);
  if (system) return { path: system, source: 'system' };
  const fromNpm = npmChromium();
  if (fromNpm) return { path: fromNpm, source: 'npm' };
  throw new Error('No Chromium found. On Linux x64 `npm install` provides one (the @sparticuz/chromium dev dependency); '
    + 'elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary, or run the desktop suites with `npm run test:desktop`.');
}

/** Whether `file` is a regular file we may execute (not a directory, not a device bound over it). */
function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser binary (see locateChromium). */
export function findChromium() {
  return locateChromium().path;
}

/**
 * The path of the Chromium inside @sparticuz/chromium, unpacked (once, atomically: concurrent runs may race) into
 * node_modules/.cache/tension-lens/chromium-<version>/; undefined when the package is not installed or the machine
 * is not Linux x64 (the only binary it ships). Nothing is downloaded.
 */
export function unpackNpmChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  let packageDir;
  try {
    packageDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  } catch {
    return undefined;
  }
  const compressed = path.join(packageDir, 'bin', 'chromium.br');
  if (!fs.existsSync(compressed)) return undefined;
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const dir = path.join(root, 'node_modules', '.cache', 'tension-lens', `chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  fs.writeFileSync(partial, zlib.brotliDecompressSync(fs.readFileSync(compressed)), { mode: 0o755 });
  fs.renameSync(partial, binary);
  console.error(`chromium: no system Chromium, using @sparticuz/chromium ${version} (unpacked to ${path.relative(process.cwd(), binary)})`);
  return binary;
}

/** Directories of extra fonts for the browser: $TENSION_LENS_FONT_DIR and an installed @embedpdf/fonts-sc. */
export function extraFontDirs(env = process.env) {
  const dirs = [];
  const fromEnv = env[FONT_DIR_VARIABLE];
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`${FONT_DIR_VARIABLE}=${fromEnv} does not exist`);
    dirs.push(path.resolve(fromEnv));
  }
  try {
    // Its exports do not include package.json: from its entry point (dist/index.cjs) up to its fonts/.
    const fonts = path.resolve(path.dirname(require.resolve(NPM_CJK_FONT_PACKAGE)), '..', 'fonts');
    if (fs.existsSync(fonts)) dirs.push(fonts);
  } catch {
    // not installed: the usual case
  }
  return dirs;
}

/**
 * A fontconfig file that keeps what the system (or $FONTCONFIG_FILE) configures and adds `dirs`.
 * @param {readonly string[]} dirs
 * @param {{ base?: string, cacheDir: string }} options
 */
export function fontconfigXml(dirs, { base = '/etc/fonts/fonts.conf', cacheDir }) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">', '<fontconfig>',
    `  <include ignore_missing="yes">${escape(base)}</include>`,
    ...dirs.map((d) => `  <dir>${escape(d)}</dir>`),
    `  <cachedir>${escape(cacheDir)}</cachedir>`, '</fontconfig>', ''].join('\n');
}

/**
 * The environment to launch Chromium with: the current one, plus a FONTCONFIG_FILE that adds extraFontDirs() when
 * there are any. Also for `fc-list`, so that the font warning sees the same fonts.
 */
export function chromiumEnv(env = process.env) {
  const dirs = extraFontDirs(env);
  if (dirs.length === 0) return { ...env };
  const dir = path.join(root, 'node_modules', '.cache', 'tension-lens', 'fontconfig');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  const xml = fontconfigXml(dirs, { base: env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf', cacheDir: path.join(dir, 'cache') });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== xml) fs.writeFileSync(file, xml);
  return { ...env, FONTCONFIG_FILE: file };
}

/**
 * Whether `page` draws Chinese text with real glyphs: with no font for them Chromium draws every character as the
 * same box (or nothing), so two different characters and an unassigned code point come out as identical bitmaps.
 * @param {import('playwright-core').Page} page
 */
export async function drawsChinese(page) {
  // No named functions inside: tsx (keepNames) would wrap them in a __name() that does not exist in the page.
  return page.evaluate(() => {
    const [open, closed, missing] = ['开', '闭', '\u{10FFFD}'].map((text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const g = canvas.getContext('2d');
      if (!g) return '';
      g.font = '48px sans-serif';
      g.fillText(text, 4, 52);
      return canvas.toDataURL();
    });
    return open !== closed && open !== missing;
  });
}

/**
 * Throws with the fix unless `browser` draws Chinese: for the scripts that write pictures for the README, which must
 * not show boxes.
 * @param {import('playwright-core').Browser} browser
 */
export async function requireChineseFont(browser) {
  const page = await browser.newPage();
  try {
    if (!(await drawsChinese(page))) {
      throw new Error(`No Chinese font: the pictures would show boxes instead of the articles' text. Fix: ${CHINESE_FONT_FIX}`);
    }
  } finally {
    await page.close();
  }
}
