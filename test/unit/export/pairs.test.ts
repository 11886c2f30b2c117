// Tension pairs in every export that holds annotations: JSON (both ends), CSV (a `pair` row, second end in the B
// columns), W3C (a `linking` annotation with two targets), REFI-QDA (a Link between two selections, valid against
// the official schema) and the HTML report (a "Tension pairs" card).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { type PairAnchor, createTensionPair, reanchorPair } from '../../../src/core';
import { ITEM_COLUMNS, PAIR_COLUMNS, QDE_NAMESPACE, exportArticles, isTensionLensExport } from '../../../src/core/export';
import type { ExportArticle } from '../../../src/core/export';
import { NOW, decode, request, root, seedArticle, seedText } from './articles';

const XSD = fs.readFileSync(path.join(root, 'test/fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');
const OPEN = '开源模型';
const CLOSED = '闭源商用路径'; // the seed article's first annotation sits exactly here
const PAIR_ID = '0b7d3f4e-1c2a-4f4b-9c1e-0000000000aa';

function span(quote: string): { start: number; end: number } {
  const start = seedText.indexOf(quote);
  assert.ok(start >= 0);
  return { start, end: start + quote.length };
}

function withPairs(pairs: readonly PairAnchor[]): ExportArticle {
  const article = seedArticle();
  assert.ok(article.annotations);
  return { ...article, annotations: { ...article.annotations, pairs } };
}

const pair = createTensionPair({ text: seedText, a: span(OPEN), b: span(CLOSED), axis: 'open-closed', note: '开放, "对" 封闭', now: NOW, id: PAIR_ID });
const placed = reanchorPair(pair, seedText);
// The same pair after its second end's text was deleted from the article.
const orphaned: PairAnchor = { ...placed, states: [placed.states[0], 'orphaned'] };

describe('tension pairs in the exports', () => {
  it('JSON lists each pair with both ends (place, text, state), and leaves the field out when there are none', () => {
    const result = exportArticles(request('annotations', 'json', [withPairs([placed])]));
    assert.ok(result.ok);
    const json = JSON.parse(decode(result.bytes)) as { files: { pairs?: { id: string; axis: string; note: string; ends: { text: string; start: number; state: string; line: number }[] }[] }[] };
    const [p] = json.files[0]?.pairs ?? [];
    assert.equal(p?.id, PAIR_ID);
    assert.equal(p?.axis, 'open-closed');
    assert.equal(p?.note, '开放, "对" 封闭');
    assert.deepEqual(p?.ends.map((e) => [e.text, e.start, e.state]), [[OPEN, span(OPEN).start, 'exact'], [CLOSED, span(CLOSED).start, 'exact']]);
    const none = exportArticles(request('annotations', 'json', [seedArticle()]));
    assert.ok(none.ok);
    assert.ok(!('pairs' in ((JSON.parse(decode(none.bytes)) as { files: object[] }).files[0] ?? {})));
  });

  it('CSV: one `pair` row with the first end in the usual columns and the second in B columns appended only when there are pairs', () => {
    const plain = exportArticles(request('annotations', 'csv', [seedArticle()]));
    assert.ok(plain.ok);
    assert.match(decode(plain.bytes), /^\uFEFFkind,file,line,column,start,end,text,axis,pole,term,tags,note,context,pinyin,negated,state,coder\r\n/);
    const result = exportArticles(request('annotations', 'csv', [withPairs([placed])]));
    assert.ok(result.ok);
    const parsed = Papa.parse<Record<string, string>>(decode(result.bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.meta.fields, [...ITEM_COLUMNS, ...PAIR_COLUMNS], 'the B columns come after the existing ones');
    assert.ok(isTensionLensExport(decode(result.bytes)), 'the longer header still marks the file as an export');
    const rows = parsed.data.filter((r) => r['kind'] === 'pair');
    assert.equal(rows.length, 1);
    const row = rows[0] ?? {};
    assert.equal(row['text'], OPEN);
    assert.equal(row['start'], String(span(OPEN).start));
    assert.equal(row['textB'], CLOSED);
    assert.equal(row['startB'], String(span(CLOSED).start));
    assert.equal(row['axis'], 'open-closed');
    assert.equal(row['note'], '开放, "对" 封闭');
    assert.equal(row['stateB'], 'exact');
    assert.equal(parsed.data.filter((r) => r['kind'] === 'annotation').length, 3, 'the annotation rows are unchanged');
  });

  it('W3C: a `linking` annotation whose two targets carry quote and position selectors (code points)', () => {
    const result = exportArticles(request('annotations', 'w3c', [withPairs([placed, { ...orphaned, pair: { ...pair, id: 'second' } }])]));
    assert.ok(result.ok);
    const json = JSON.parse(decode(result.bytes)) as { first: { items: { id: string; motivation: string; body?: { purpose: string; value: string }[]; target: unknown }[] } };
    const links = json.first.items.filter((i) => i.motivation === 'linking');
    assert.equal(links.length, 2);
    const [first, second] = links;
    assert.equal(first?.id, `urn:uuid:${PAIR_ID}`);
    const targets = first?.target as { selector: { type: string; exact?: string; start?: number }[] }[];
    assert.equal(targets.length, 2);
    assert.deepEqual(targets.map((t) => t.selector.find((s) => s.type === 'TextQuoteSelector')?.exact), [OPEN, CLOSED]);
    const codePoints = (offset: number): number => Array.from(seedText.slice(0, offset)).length;
    assert.equal(targets[1]?.selector.find((s) => s.type === 'TextPositionSelector')?.start, codePoints(span(CLOSED).start));
    assert.ok(first?.body?.some((b) => b.purpose === 'commenting' && b.value === '开放, "对" 封闭'));
    assert.ok(first?.body?.some((b) => b.purpose === 'classifying'));
    // An orphaned end keeps only its quote: its old position no longer points at its text.
    const orphanTargets = second?.target as { selector: { type: string }[] }[];
    assert.deepEqual(orphanTargets[1]?.selector.map((s) => s.type), ['TextQuoteSelector']);
  });

  it('REFI-QDA: a Link between the two selections (the annotation’s own where one sits on the end), valid against Project-mrt2019.xsd', async () => {
    const result = exportArticles(request('annotations', 'qdpx', [withPairs([placed, { ...orphaned, pair: { ...pair, id: 'gone' } }])]));
    assert.ok(result.ok);
    const xml = strFromU8(unzipSync(result.bytes)['project.qde'] ?? new Uint8Array());
    const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    assert.deepEqual(valid.errors.map((e) => e.rawMessage), []);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const links = Array.from(doc.getElementsByTagNameNS(QDE_NAMESPACE, 'Link'));
    assert.equal(links.length, 1, 'the pair with an orphaned end has no link');
    const link = links[0];
    assert.ok(link);
    const selections = new Map(Array.from(doc.getElementsByTagNameNS(QDE_NAMESPACE, 'PlainTextSelection')).map((s) => [s.getAttribute('guid'), s]));
    const origin = selections.get(link.getAttribute('originGUID'));
    const target = selections.get(link.getAttribute('targetGUID'));
    assert.equal(origin?.getAttribute('name'), OPEN);
    assert.equal(target?.getAttribute('guid'), '0b7d3f4e-1c2a-4f4b-9c1e-000000000001', 'the end on an annotation links that annotation’s selection');
    assert.equal(link.getAttribute('direction'), 'Bidirectional');
    assert.match(link.getAttribute('name') ?? '', /开放, "对" 封闭/);
  });

  it('HTML report: a "Tension pairs" card quoting both ends with links to their lines, escaped; none without pairs', () => {
    const result = exportArticles(request('report', 'html', [withPairs([placed])]));
    assert.ok(result.ok);
    const html = decode(result.bytes);
    const card = /<section class="card pairs-card"><h3>张力对<span class="count">1<\/span><\/h3>(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    assert.ok(card, 'the card is there');
    assert.match(card, new RegExp(`“${OPEN}”.*↔.*“${CLOSED}”`, 's'));
    assert.match(card, /开放, &quot;对&quot; 封闭|开放, "对" 封闭/);
    assert.match(card, /href="#f0-L\d+"/);
    const plain = exportArticles(request('report', 'html', [seedArticle()]));
    assert.ok(plain.ok);
    assert.ok(!decode(plain.bytes).includes('pairs-card'));
  });
});
