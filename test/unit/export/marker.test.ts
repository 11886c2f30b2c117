// Exports are never read back as articles: every text export carries the marker, whatever the file is called, and
// the CLI's directory walk leaves such files out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectPaths } from '../../../src/cli/files';
import { runExportCommand } from '../../../src/cli/export';
import { EXPORT_FORMATS, FORMATS_FOR, exportArticles, isTensionLensExport } from '../../../src/core/export';
import { NOW, decode, request, root, seedArticle, seedText } from './articles';

describe('export marker', () => {
  it('every text export of every what is recognised as an export, BOM or not', () => {
    let checked = 0;
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'qdpx')) {
      for (const what of Object.keys(FORMATS_FOR).filter((w) => FORMATS_FOR[w as keyof typeof FORMATS_FOR].includes(format))) {
        const result = exportArticles(request(what as 'report', format, [seedArticle()]));
        assert.ok(result.ok, `${what} ${format}`);
        const text = decode(result.bytes);
        assert.ok(isTensionLensExport(text), `${what} as ${format} carries the marker:\n${text.slice(0, 300)}`);
        assert.ok(isTensionLensExport(text.replace(/\r?\n/g, '\r\n')), `${what} as ${format} with CRLF`);
        checked++;
      }
    }
    assert.ok(checked >= 18);
  });

  it('articles, a Markdown file that only quotes the marker, and plain JSON are not exports', () => {
    const seeds = path.join(root, 'test/fixtures/workspace');
    for (const name of fs.readdirSync(seeds).filter((n) => fs.statSync(path.join(seeds, n)).isFile())) assert.equal(isTensionLensExport(fs.readFileSync(path.join(seeds, name), 'utf8')), false, name);
    assert.equal(isTensionLensExport(`# 笔记\n\n[//]: # (tension-lens-export)\n${seedText}`), false);
    assert.equal(isTensionLensExport('{ "format": "something-else" }'), false);
    assert.equal(isTensionLensExport('kind,file\n'), false);
    assert.equal(isTensionLensExport(''), false);
  });

  it('the CLI scanning a directory skips an export beside the articles, renamed or not; a file given by name is read', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-marker-'));
    try {
      const seed = path.join(tmp, 'seed.md');
      fs.writeFileSync(seed, seedText);
      const out = path.join(tmp, 'seed.sites.md');
      const r = runExportCommand([seed], { lexicon: [], version: '9.9.9', lang: 'zh', now: new Date(NOW), format: 'md', what: 'sites', out }, { out: () => undefined, err: () => undefined });
      assert.equal(r, 0);
      fs.copyFileSync(out, path.join(tmp, 'my notes.md'));
      fs.writeFileSync(path.join(tmp, 'report.txt'), fs.readFileSync(out));
      assert.deepEqual(collectPaths([tmp]).paths.map((p) => path.basename(p)), ['seed.md']);
      assert.deepEqual(collectPaths([out]).paths, [out], 'named on the command line: read as asked');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
