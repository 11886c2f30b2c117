import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('localization (English + 简体中文)', () => {
  it('every vscode.l10n.t string of the extension has a 简体中文 translation, and none is stale', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'src/extension'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add((m[1] ?? '').replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 10, 'the scan finds the UI strings');
    const bundle = read('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    assert.deepEqual([...used].filter((s) => !bundle[s]).sort(), [], 'untranslated strings');
    assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)).sort(), [], 'translations nothing uses');
  });

  it('every %key% in package.json exists in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = read(file) as Record<string, string>;
      assert.deepEqual(keys.filter((k) => !nls[k]), [], file);
    }
    assert.deepEqual(Object.keys(read('package.nls.json') as object).sort(), Object.keys(read('package.nls.zh-cn.json') as object).sort());
  });
});

describe('README', () => {
  it("settings table matches package.json's contributes.configuration", async () => {
    const { settingsTable, withSettings } = await import('../../scripts/readmeSettings');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const pkg = read('package.json') as Parameters<typeof settingsTable>[0];
    assert.equal(readme, withSettings(readme, settingsTable(pkg, read('package.nls.json') as Record<string, string>)), 'run npx tsx scripts/readmeSettings.ts');
  });
});
