// Which Chromium a run uses and which fonts it gets (scripts/chromium.mjs): CHROMIUM_PATH, else a system binary,
// else the one from npm; extra font directories reach the browser through a fontconfig file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extraFontDirs, fontconfigXml, locateChromium, unpackNpmChromium } from '../../../scripts/chromium.mjs';

describe('Chromium lookup (scripts/chromium.mjs)', () => {
  let dir: string;
  let executable: string;
  let notExecutable: string;
  const noNpm = (): undefined => undefined;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-chromium-'));
    executable = path.join(dir, 'chromium');
    fs.writeFileSync(executable, '#!/bin/sh\n', { mode: 0o755 });
    notExecutable = path.join(dir, 'README');
    fs.writeFileSync(notExecutable, 'not a browser', { mode: 0o644 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH first, and says so when it does not exist', () => {
    assert.deepEqual(locateChromium({ env: { CHROMIUM_PATH: notExecutable }, candidates: [executable], npmChromium: noNpm }),
      { path: notExecutable, source: 'CHROMIUM_PATH' });
    assert.throws(() => locateChromium({ env: { CHROMIUM_PATH: path.join(dir, 'nope') }, candidates: [executable] }),
      /CHROMIUM_PATH=.*nope does not exist: unset it/);
  });

  it('takes the first system binary that is an executable file: not a directory, a device or a plain file', () => {
    const found = locateChromium({ env: {}, candidates: [path.join(dir, 'missing'), dir, '/dev/null', notExecutable, executable], npmChromium: noNpm });
    assert.deepEqual(found, { path: executable, source: 'system' });
  });

  it('falls back to the npm Chromium, and without one says what to do', () => {
    assert.deepEqual(locateChromium({ env: {}, candidates: ['/dev/null'], npmChromium: () => executable }), { path: executable, source: 'npm' });
    assert.throws(() => locateChromium({ env: {}, candidates: [], npmChromium: noNpm }), /No Chromium found[^]*npm install[^]*CHROMIUM_PATH[^]*test:desktop/);
  });

  it('unpacks the npm Chromium (the @sparticuz/chromium dev dependency) into node_modules/.cache on Linux x64', function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      assert.equal(unpackNpmChromium(), undefined);
      return;
    }
    this.timeout(60_000); // the first call unpacks about 200 MB
    const binary = unpackNpmChromium();
    assert.ok(binary, 'the dev dependency @sparticuz/chromium is installed');
    assert.match(path.relative(process.cwd(), binary), /^node_modules[/\\]\.cache[/\\]tension-lens[/\\]chromium-\d+\.\d+\.\d+[/\\]chromium$/);
    fs.accessSync(binary, fs.constants.X_OK);
    assert.ok(fs.statSync(binary).size > 50e6, 'the whole binary');
    assert.equal(unpackNpmChromium(), binary, 'later calls reuse it');
  });

  it('adds TENSION_LENS_FONT_DIR to the fonts, and rejects one that does not exist', () => {
    assert.ok(extraFontDirs({ TENSION_LENS_FONT_DIR: dir }).includes(dir));
    assert.throws(() => extraFontDirs({ TENSION_LENS_FONT_DIR: path.join(dir, 'nope') }), /TENSION_LENS_FONT_DIR=.*nope does not exist/);
  });

  it('writes a fontconfig file that keeps the system configuration and adds the directories, escaped', () => {
    const xml = fontconfigXml(['/fonts/a&b', '/fonts/<c>'], { cacheDir: '/cache' });
    assert.match(xml, /<include ignore_missing="yes">\/etc\/fonts\/fonts\.conf<\/include>/);
    assert.match(xml, /<dir>\/fonts\/a&amp;b<\/dir>\n {2}<dir>\/fonts\/&lt;c&gt;<\/dir>/);
    assert.match(xml, /<cachedir>\/cache<\/cachedir>\n<\/fontconfig>\n$/);
    assert.match(fontconfigXml([], { base: '/my/fonts.conf', cacheDir: '/c' }), /<include ignore_missing="yes">\/my\/fonts\.conf<\/include>/);
  });
});
