// The .vsix that `npm run package` builds: what a user installs. Runs the real packaging (vsce, ~5 s) into a temp
// dir and reads the archive's file list back.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface PackageReport {
  file: string;
  bytes: number;
  entries: { name: string; size: number }[];
  problems: string[];
}

describe('npm run package (the .vsix)', function () {
  this.timeout(120_000);
  let report: PackageReport;
  let names: string[];
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-lens-vsix-'));
    const r = spawnSync(process.execPath, ['scripts/package.mjs', '--json', '--out', path.join(dir, 'test.vsix')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `scripts/package.mjs failed:\n${r.stdout}\n${r.stderr}`);
    report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as PackageReport;
    names = report.entries.map((e) => e.name);
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds no sources, tests, node_modules, source maps or CLI', () => {
    const leaked = names.filter((n) => /^extension\/(src|test|node_modules|bench|scripts|out|docs)\/|\.map$|\.ts$|^extension\/dist\/cli\.js$/.test(n));
    assert.deepEqual(leaked, []);
    assert.deepEqual(report.problems, []);
  });

  it('holds both bundles, the manifest, its translations, the icon and the documents', () => {
    for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'dist/extension.js', 'dist/web/extension.js',
      'media/icon.png', 'syntaxes/tension-terms.tmLanguage.json', 'l10n/bundle.l10n.zh-cn.json', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
      assert.ok(names.includes(`extension/${f}`), `${f} is missing from the .vsix`);
    }
  });

  it('keeps dist/extension.js, which every activation parses, within 400 KB: what a session may never run is loaded on first use', () => {
    const bundle = report.entries.find((e) => e.name === 'extension/dist/extension.js');
    assert.ok(bundle, 'dist/extension.js is missing from the .vsix');
    // The bench's target (bench/report.ts); the bundles loaded on first use are esbuild.config.mjs's onDemandBundles.
    assert.ok(bundle.size <= 400 * 1024, `dist/extension.js is ${(bundle.size / 1024).toFixed(1)} KB: move code most sessions never run into a bundle loaded on first use (onDemandBundles)`);
  });

  it('stays under its cap (2.5 MB: 1 MB before the importers of #22; pdf.js is most of dist/import.js)', () => {
    assert.ok(report.bytes < 2.5 * 1024 * 1024, `${report.bytes} bytes`);
    assert.ok(names.includes('extension/dist/import.js'), 'dist/import.js (the importers) is missing from the .vsix');
    assert.equal(fs.statSync(report.file).size, report.bytes);
  });
});
