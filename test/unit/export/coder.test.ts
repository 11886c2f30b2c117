import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { validateXML } from 'xmllint-wasm';
import { type ExportArticle, QDE_NAMESPACE, exportArticles } from '../../../src/core/export';
import { SEED, annotate, articleOf, decode, request, root, seedArticle, seedText } from './articles';

/** The official REFI-QDA Project schema (see test/fixtures/refi-qda/README.md). */
const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');

/** The seed article's annotations as coder alice's (read from a.md.tension.alice.json). */
function alicesArticle(): ExportArticle {
  const article = seedArticle();
  if (!article.annotations) throw new Error('the seed article has annotations');
  return { ...article, annotations: { ...article.annotations, coder: 'alice' } };
}

function bytes(format: 'csv' | 'json' | 'w3c', article: ExportArticle): string {
  const result = exportArticles(request('annotations', format, [article]));
  assert.ok(result.ok);
  return decode(result.bytes);
}

describe('exports carry the coder', () => {
  it('CSV: a coder column, appended after the existing ones; empty for the single sidecar', () => {
    const rows = (text: string): Record<string, string>[] => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const coded = rows(bytes('csv', alicesArticle()));
    assert.ok(coded.length === 3 && coded.every((r) => r['coder'] === 'alice'));
    const header = bytes('csv', alicesArticle()).replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    assert.ok(header.endsWith(',state,coder'), header);
    assert.ok(rows(bytes('csv', seedArticle())).every((r) => r['coder'] === ''));
  });

  it('JSON: a coder field on each annotation when it has one', () => {
    const json = JSON.parse(bytes('json', alicesArticle())) as { files: { annotations: { coder?: string }[] }[] };
    assert.deepEqual(json.files[0]?.annotations.map((a) => a.coder), ['alice', 'alice', 'alice']);
    const single = JSON.parse(bytes('json', seedArticle())) as { files: { annotations: Record<string, unknown>[] }[] };
    assert.ok(single.files[0]?.annotations.every((a) => !('coder' in a)));
  });

  it('W3C: the coder as the annotation’s creator (a Person)', () => {
    const w3c = JSON.parse(bytes('w3c', alicesArticle())) as { first: { items: { creator?: { type: string; name: string } }[] } };
    assert.deepEqual(w3c.first.items.map((a) => a.creator), Array.from({ length: 3 }, () => ({ type: 'Person', name: 'alice' })));
  });
});

/** The seed article coded by alice (her sidecar) and by bob (a different span), exported together (`--coder all`). */
function bothCodersArticle(): ExportArticle {
  const alice = alicesArticle();
  const bob = articleOf(SEED, seedText, [annotate(seedText, '开放原则', 'bob-1', ['focus'], '鲍勃的批注')]).annotations;
  if (!alice.annotations || !bob) throw new Error('both coders have annotations');
  return { ...alice, coders: [{ ...bob, coder: 'bob' }] };
}

describe('exports of all coders and REFI-QDA users', () => {
  it('CSV and JSON of all coders: every coder’s annotations, each with its coder, in text order', () => {
    const rows = Papa.parse<Record<string, string>>(bytes('csv', bothCodersArticle()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((r) => r['coder']).sort(), ['alice', 'alice', 'alice', 'bob']);
    assert.equal(rows.find((r) => r['coder'] === 'bob')?.['note'], '鲍勃的批注');
    const json = JSON.parse(bytes('json', bothCodersArticle())) as { files: { annotations: { coder?: string; start: number }[] }[] };
    const starts = json.files[0]?.annotations.filter((a) => a.start >= 0).map((a) => a.start) ?? [];
    assert.equal(json.files[0]?.annotations.length, 4);
    assert.deepEqual(starts.slice(0, -1), [...starts.slice(0, -1)].sort((x, y) => x - y), 'placed annotations in text order');
  });

  it('REFI-QDA: each coder is a <User>; their selections and codings name them as creatingUser; valid against the schema', async () => {
    const result = exportArticles(request('annotations', 'qdpx', [bothCodersArticle()]));
    assert.ok(result.ok);
    const xml = strFromU8(unzipSync(result.bytes)['project.qde'] ?? new Uint8Array());
    const validation = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    assert.deepEqual(validation.errors.map((e) => e.rawMessage), []);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const byTag = (tag: string): Element[] => Array.from(doc.getElementsByTagNameNS(QDE_NAMESPACE, tag));
    const users = new Map(byTag('User').map((u) => [u.getAttribute('name'), u.getAttribute('guid')]));
    const alice = users.get('alice');
    const bob = users.get('bob');
    assert.ok(alice && bob && alice !== bob, `a User per coder: ${[...users.keys()].join(', ')}`);
    const selections = byTag('PlainTextSelection');
    const by = (guid: string): Element[] => selections.filter((s) => s.getAttribute('creatingUser') === guid);
    assert.equal(by(alice).length, 3, 'alice’s three annotations');
    assert.deepEqual(by(bob).map((s) => s.getAttribute('name')), ['开放原则']);
    for (const s of [...by(alice), ...by(bob)]) {
      const codings = Array.from(s.getElementsByTagNameNS(QDE_NAMESPACE, 'Coding'));
      assert.ok(codings.length > 0 && codings.every((c) => c.getAttribute('creatingUser') === s.getAttribute('creatingUser')));
    }
    assert.equal(new Set(selections.map((s) => s.getAttribute('guid'))).size, selections.length, 'GUIDs unique across coders');
  });

  it('REFI-QDA without coders keeps the single Annotator user', () => {
    const result = exportArticles(request('annotations', 'qdpx', [seedArticle()]));
    assert.ok(result.ok);
    const xml = strFromU8(unzipSync(result.bytes)['project.qde'] ?? new Uint8Array());
    assert.equal((xml.match(/<User /g) ?? []).length, 2);
  });
});
