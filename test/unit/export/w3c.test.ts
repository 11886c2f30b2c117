import assert from 'node:assert/strict';
import { ANNO_CONTEXT, exportArticles } from '../../../src/core/export';
import { TRICKY_NOTE, annotate, articleOf, decode, request, seedArticle, seedText } from './articles';

type Json = Record<string, unknown>;
interface Selector { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }
interface Anno { id: string; type: string; motivation: string; creator?: Json; body?: Json[]; target: { source: string; selector: Selector[] } }

/** Every key the export may use: terms of the Web Annotation JSON-LD context, so a JSON-LD processor drops none. */
const VOCABULARY = new Set([
  '@context', 'id', 'type', 'label', 'total', 'generator', 'generated', 'first', 'startIndex', 'items', 'motivation', 'created', 'modified',
  'creator', 'name', 'body', 'purpose', 'value', 'format', 'language', 'target', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end',
]);

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) {
    out.add(k);
    keysOf(v, out);
  }
  return out;
}

function exportW3c(...args: Parameters<typeof request>): { collection: Json; items: Anno[] } {
  const result = exportArticles(request(...args));
  assert.ok(result.ok);
  const collection = JSON.parse(decode(result.bytes)) as Json;
  const first = collection['first'] as { type: string; items: Anno[] };
  assert.equal(first.type, 'AnnotationPage');
  return { collection, items: first.items };
}

const selector = (a: Anno, type: string): Selector | undefined => a.target.selector.find((s) => s.type === type);

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection in the anno.jsonld context, using only its terms', () => {
    const { collection, items } = exportW3c('report', 'w3c', [seedArticle()]);
    assert.equal(collection['@context'], ANNO_CONTEXT);
    assert.equal(collection['type'], 'AnnotationCollection');
    assert.equal(collection['total'], items.length);
    assert.deepEqual([...keysOf(collection)].filter((k) => !VOCABULARY.has(k)), []);
    assert.ok(items.every((a) => a.type === 'Annotation' && /^urn:uuid:[0-9a-f-]{36}$/.test(a.id)));
    assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');
  });

  it('a user annotation: quote and position selectors, tags as tagging bodies, the note as a commenting body', () => {
    const { items } = exportW3c('annotations', 'w3c', [seedArticle()]);
    assert.equal(items.length, 3);
    const a = items.find((x) => selector(x, 'TextQuoteSelector')?.exact === '闭源商用路径');
    assert.ok(a);
    assert.equal(a.id, 'urn:uuid:0b7d3f4e-1c2a-4f4b-9c1e-000000000001');
    assert.equal(a.motivation, 'commenting');
    assert.equal(a.target.source, 'file:///work/ai-lab-expert-departure.md');
    assert.deepEqual(a.body, [
      { type: 'TextualBody', purpose: 'tagging', value: '争议焦点' },
      { type: 'TextualBody', purpose: 'tagging', value: '机构立场' },
      { type: 'TextualBody', purpose: 'commenting', value: TRICKY_NOTE, format: 'text/plain' },
    ]);
    const position = selector(a, 'TextPositionSelector');
    assert.equal([...seedText].slice(position?.start, position?.end).join(''), '闭源商用路径');
    assert.equal(items.find((x) => selector(x, 'TextQuoteSelector')?.exact === '开放原则')?.motivation, 'tagging');
  });

  it('term occurrences are machine-made: a Software creator and an <axis>/<pole> tag', () => {
    const article = seedArticle();
    const { items } = exportW3c('terms', 'w3c', [article]);
    assert.equal(items.length, article.analysis.hits.length);
    for (const a of items) {
      assert.equal(a.creator?.['type'], 'Software');
      assert.equal(a.motivation, 'tagging');
      assert.match(String(a.body?.[0]?.['value']), /^[a-z-]+\/[a-z-]+$/);
      assert.equal(a.body?.[1]?.['purpose'], 'describing');
    }
    const first = items[0];
    const hit = article.analysis.hits[0];
    assert.equal(first?.body?.[0]?.['value'], `${hit?.axis}/${hit?.pole}`);
  });

  it('positions count code points: after 𠮷 (two UTF-16 units) the selectors still point at the quote', () => {
    const text = '𠮷野家讨论：开源还是闭源？😀他们选择了开放原则。';
    const article = articleOf('astral.md', text, [annotate(text, '开放原则', 'n1', ['focus'])]);
    const { items } = exportW3c('report', 'w3c', [article]);
    const points = [...text];
    assert.ok(items.length >= 4);
    for (const a of items) {
      const quote = selector(a, 'TextQuoteSelector');
      const position = selector(a, 'TextPositionSelector');
      assert.equal(points.slice(position?.start, position?.end).join(''), quote?.exact);
    }
    // A non-UUID annotation id gets a stable name-based UUID.
    assert.match(items.find((a) => selector(a, 'TextQuoteSelector')?.exact === '开放原则')?.id ?? '', /^urn:uuid:/);
  });

  it('an orphaned annotation keeps only its quote selector (its position no longer points at its text)', () => {
    const original = '开源还是闭源，这是问题。';
    const lost = annotate(original, '这是问题', 'lost', ['focus'], '原文已删');
    const article = articleOf('o.md', '开源还是闭源，已经改写。', [lost]);
    const { items } = exportW3c('annotations', 'w3c', [article]);
    assert.deepEqual(items[0]?.target.selector.map((s) => s.type), ['TextQuoteSelector']);
  });
});
