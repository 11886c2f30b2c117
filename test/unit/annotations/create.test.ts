import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONTEXT_LENGTH, createAnnotation, describeDocument, newId, newSidecar, sha256Hex } from '../../../src/core/annotations';
import { codePointOffsets, documentArb } from './arbitraries';

const NOW = '2025-01-31T08:00:00.000Z';

describe('createAnnotation', () => {
  it('builds both selectors with 32 units of context each side', () => {
    const text = `${'甲'.repeat(40)}开源${'乙'.repeat(40)}`;
    const a = createAnnotation({ text, start: 40, end: 42, tags: ['t'], note: '笔记', now: NOW, id: 'x' });
    assert.deepEqual(a, {
      id: 'x', tags: ['t'], note: '笔记', created: NOW, modified: NOW,
      target: { quote: { exact: '开源', prefix: '甲'.repeat(32), suffix: '乙'.repeat(32) }, position: { start: 40, end: 42 } },
    });
  });

  it('shortens the context rather than split a surrogate pair, and stops at the ends of the text', () => {
    // 😀 is two code units; 31 ideographs + 😀 put a pair across the 32-unit boundary on both sides.
    const text = `😀${'甲'.repeat(31)}开源${'乙'.repeat(31)}😀`;
    const a = createAnnotation({ text, start: 33, end: 35, now: NOW, id: 'x' });
    assert.equal(a.target.quote.prefix, '甲'.repeat(31));
    assert.equal(a.target.quote.suffix, '乙'.repeat(31));
    const edge = createAnnotation({ text: '开源😀', start: 0, end: 2, now: NOW, id: 'y' });
    assert.deepEqual(edge.target.quote, { exact: '开源', prefix: '', suffix: '😀' });
  });

  it('never splits a pair and never exceeds 32 units (property)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(fc.property(documentArb().filter((t) => t.length > 0).chain((text) => {
      const offsets = codePointOffsets(text);
      return fc.tuple(fc.constant(text), fc.nat(offsets.length - 1), fc.nat(offsets.length - 1))
        .filter(([, a, b]) => a !== b).map(([t, a, b]) => [t, offsets[Math.min(a, b)] ?? 0, offsets[Math.max(a, b)] ?? 0] as const);
    }), ([text, start, end]) => {
      const { quote } = createAnnotation({ text, start, end, now: NOW, id: 'x' }).target;
      assert.equal(quote.exact, text.slice(start, end));
      assert.ok(text.slice(0, start).endsWith(quote.prefix) && text.slice(end).startsWith(quote.suffix));
      assert.ok(quote.prefix.length <= CONTEXT_LENGTH && quote.suffix.length <= CONTEXT_LENGTH);
      assert.ok(quote.prefix.length >= Math.min(start, CONTEXT_LENGTH - 1) && quote.suffix.length >= Math.min(text.length - end, CONTEXT_LENGTH - 1));
      assert.ok(!lone.test(quote.prefix) && !lone.test(quote.suffix));
    }), { numRuns: 1000 });
  });

  it('refuses an empty or out-of-range selection', () => {
    assert.throws(() => createAnnotation({ text: '开源', start: 1, end: 1, now: NOW, id: 'x' }), RangeError);
    assert.throws(() => createAnnotation({ text: '开源', start: 1, end: 3, now: NOW, id: 'x' }), RangeError);
    assert.throws(() => createAnnotation({ text: '开源', start: -1, end: 1, now: NOW, id: 'x' }), RangeError);
  });
});

describe('ids, hashes and new sidecars', () => {
  it('makes distinct UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hashes the UTF-8 bytes of the text with SHA-256', async () => {
    assert.equal(await sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // 中 is E4 B8 AD in UTF-8: the same digest as hashing those bytes.
    const bytes = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array([0xe4, 0xb8, 0xad]));
    assert.equal(await sha256Hex('中'), Buffer.from(bytes).toString('hex'));
  });

  it('describes a document and starts an empty sidecar without $schema unless asked', async () => {
    const document = await describeDocument('notes/a.md', '开源😀');
    assert.deepEqual(document, { path: 'notes/a.md', sha256: await sha256Hex('开源😀'), length: 4 });
    assert.deepEqual(newSidecar(document), { version: 1, document, tags: [], annotations: [] });
    assert.equal(newSidecar(document, [], 'https://x/s.json').$schema, 'https://x/s.json');
  });
});
