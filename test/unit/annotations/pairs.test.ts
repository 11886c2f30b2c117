import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AnnotationSet, type Sidecar, createAnnotation, createTensionPair, newSidecar, pairForSave, parseSidecar, reanchorPair, serializeSidecar,
  sidecarForSave, stringSource,
} from '../../../src/core/annotations';

const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';
// Long enough ends that a changed passage can still be found fuzzily, as annotations are.
const TEXT = '研究团队坚持开放共享的科研文化。机构却要求所有成果保持封闭管理，双方由此分歧。';
const OPEN = TEXT.indexOf('开放共享');
const CLOSED = TEXT.indexOf('封闭管理');

function base(): Sidecar {
  return newSidecar({ path: 'a.md', sha256: 'f'.repeat(64), length: TEXT.length }, [{ id: 'open', label: '开放' }]);
}

function pair(id = 'p1') {
  return createTensionPair({ text: TEXT, a: { start: OPEN, end: OPEN + 4 }, b: { start: CLOSED, end: CLOSED + 4 }, axis: 'open-closed', note: '同一件事的两面', now: T0, id });
}

function sidecarWithPair(): Sidecar {
  const annotation = createAnnotation({ text: TEXT, start: OPEN, end: OPEN + 2, tags: ['open'], now: T0, id: 'a1' });
  return { ...base(), annotations: [annotation], pairs: [pair()] };
}

describe('tension pairs in the sidecar', () => {
  it('creates a pair with both ends carrying the annotation selectors', () => {
    const p = pair();
    assert.equal(p.axis, 'open-closed');
    assert.deepEqual(p.ends.map((e) => e.quote.exact), ['开放共享', '封闭管理']);
    assert.deepEqual(p.ends.map((e) => [e.position.start, e.position.end]), [[OPEN, OPEN + 4], [CLOSED, CLOSED + 4]]);
    assert.equal(p.ends[1].quote.prefix, TEXT.slice(Math.max(0, CLOSED - 32), CLOSED));
    assert.throws(() => createTensionPair({ text: TEXT, a: { start: 2, end: 4 }, b: { start: 2, end: 4 }, now: T0, id: 'x' }), /two different passages/);
    assert.throws(() => createTensionPair({ text: TEXT, a: { start: 2, end: 2 }, b: { start: 5, end: 6 }, now: T0, id: 'x' }), /first end \[2, 2\)/);
  });

  it('writes the pair as a W3C linking annotation with two targets and reads it back unchanged', () => {
    const text = serializeSidecar(sidecarWithPair());
    const json = JSON.parse(text) as { pairs: { motivation: string; target: { selector: { type: string }[] }[] }[] };
    assert.equal(json.pairs.length, 1);
    assert.equal(json.pairs[0]?.motivation, 'linking');
    assert.deepEqual(json.pairs[0]?.target.map((t) => t.selector.map((s) => s.type)), [['TextQuoteSelector', 'TextPositionSelector'], ['TextQuoteSelector', 'TextPositionSelector']]);
    const parsed = parseSidecar(text, 'a.md.tension.json');
    assert.ok('sidecar' in parsed);
    assert.deepEqual(parsed.sidecar, sidecarWithPair());
    assert.equal(serializeSidecar(parsed.sidecar), text);
    // Keys come in the documented order: annotations, then pairs.
    assert.ok(text.indexOf('"annotations"') < text.indexOf('"pairs"'));
  });

  it('leaves sidecars without pairs byte for byte as before (no "pairs" key is written)', () => {
    const plain = { ...base(), annotations: [createAnnotation({ text: TEXT, start: 0, end: 2, now: T0, id: 'a1' })] };
    const text = serializeSidecar(plain);
    assert.ok(!text.includes('"pairs"'));
    const loaded = AnnotationSet.load(plain, TEXT);
    assert.equal(serializeSidecar(loaded.toSidecar()), text);
  });

  it('keeps unknown fields of a pair and of its ends on rewrite', () => {
    const json = JSON.parse(serializeSidecar(sidecarWithPair())) as { pairs: Record<string, unknown>[] };
    const first = json.pairs[0] as { target: Record<string, unknown>[] } & Record<string, unknown>;
    first['x-weight'] = 3;
    (first.target[1] as Record<string, unknown>)['x-role'] = 'closed';
    const parsed = parseSidecar(JSON.stringify(json), 'a.md.tension.json');
    assert.ok('sidecar' in parsed);
    const again = JSON.parse(serializeSidecar(parsed.sidecar)) as typeof json;
    assert.equal(again.pairs[0]?.['x-weight'], 3);
    assert.equal((again.pairs[0] as typeof first).target[1]?.['x-role'], 'closed');
  });

  it('reports a malformed pair with file, line and column', () => {
    const json = JSON.parse(serializeSidecar(sidecarWithPair())) as { pairs: { target: unknown[]; motivation: string }[] };
    const first = json.pairs[0];
    assert.ok(first);
    first.target = [first.target[0]];
    const text = JSON.stringify(json, null, 2);
    const parsed = parseSidecar(text, 'a.md.tension.json');
    assert.ok('problems' in parsed);
    const problem = parsed.problems[0];
    assert.ok(problem);
    assert.equal(problem.file, 'a.md.tension.json');
    assert.match(problem.message, /fewer than 2 items|must NOT have fewer/);
    const line = text.split('\n').findIndex((l) => l.includes('"target": ['));
    assert.ok(line > 0);
    assert.equal(problem.line, text.split('\n').findIndex((l, i) => i > text.split('\n').findIndex((k) => k.includes('"pairs"')) && l.includes('"target"')));
    assert.ok(problem.character >= 0);
  });

  it('reports a pair end with two position selectors, and duplicate pair ids', () => {
    const json = JSON.parse(serializeSidecar({ ...sidecarWithPair(), pairs: [pair('p1'), pair('p1')] })) as { pairs: { target: { selector: unknown[] }[] }[] };
    const sel = json.pairs[0]?.target[1]?.selector;
    assert.ok(sel);
    sel.push(sel[1]);
    const parsed = parseSidecar(JSON.stringify(json, null, 2), 'x.tension.json');
    assert.ok('problems' in parsed);
    const messages = parsed.problems.map((p) => `${p.path}: ${p.message}`);
    assert.ok(messages.some((m) => /pairs\[0\].*target\[1\].*selector.*exactly one TextPositionSelector/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /pairs\[1\].*id 'p1' is already used by pairs\[0\]/.test(m)), messages.join('\n'));
  });

  it('re-anchors both ends after an outside change, and orphans an end that is gone without dropping it', () => {
    const moved = `前言一句。${TEXT}`;
    const a = reanchorPair(pair(), moved);
    assert.deepEqual(a.states, ['moved', 'moved']);
    assert.equal(moved.slice(a.pair.ends[0].position.start, a.pair.ends[0].position.end), '开放共享');
    assert.equal(moved.slice(a.pair.ends[1].position.start, a.pair.ends[1].position.end), '封闭管理');

    const cut = TEXT.replace('机构却要求所有成果保持封闭管理，', '');
    const b = reanchorPair(pair(), cut);
    assert.deepEqual(b.states, ['exact', 'orphaned']);
    assert.equal(b.pair.ends[1].quote.exact, '封闭管理');
    const set = AnnotationSet.load({ ...sidecarWithPair() }, cut);
    assert.equal(set.pairs.length, 1);
    assert.deepEqual(set.pairs[0]?.states, ['exact', 'orphaned']);
    // Written back, the orphaned end keeps its last selectors.
    const saved = pairForSave(set.pairs[0].pair, cut);
    assert.equal(saved.ends[1].quote.exact, '封闭管理');
    assert.equal(saved.ends[1].position.start, CLOSED);
  });

  it('follows live edits on both ends, and orphans an end whose text is replaced', () => {
    let set = AnnotationSet.load(sidecarWithPair(), TEXT);
    const inserted = `新的`;
    const after = inserted + TEXT;
    set = set.edit([{ rangeOffset: 0, rangeLength: 0, text: inserted }], stringSource(after));
    const p = set.pairs[0];
    assert.ok(p);
    assert.deepEqual(p.states, ['exact', 'exact']);
    assert.equal(after.slice(p.pair.ends[0].position.start, p.pair.ends[0].position.end), '开放共享');
    assert.equal(after.slice(p.pair.ends[1].position.start, p.pair.ends[1].position.end), '封闭管理');

    const closedAt = p.pair.ends[1].position.start;
    const replaced = `${after.slice(0, closedAt)}公开透明${after.slice(closedAt + 4)}`;
    set = set.edit([{ rangeOffset: closedAt, rangeLength: 4, text: '公开透明' }], stringSource(replaced));
    assert.deepEqual(set.pairs[0]?.states, ['exact', 'orphaned']);
    assert.equal(set.toSidecar().pairs?.length, 1);
  });

  it('adds, edits and deletes pairs as undoable steps, and refreshes ends on save', async () => {
    const start = AnnotationSet.load(base(), TEXT);
    const annotation = createAnnotation({ text: TEXT, start: OPEN, end: OPEN + 4, now: T0, id: 'end-a' });
    const added = start.addWithPair([annotation], pair());
    assert.equal(added.anchors.length, 1);
    assert.equal(added.pairs.length, 1);
    assert.equal(added.undoLabel, 'add tension pair');
    const edited = added.updatePair('p1', { axis: 'mission-profit', note: '改' }, T1);
    assert.equal(edited.getPair('p1')?.pair.axis, 'mission-profit');
    assert.equal(edited.getPair('p1')?.pair.modified, T1);
    const deleted = edited.deletePair('p1');
    assert.equal(deleted.pairs.length, 0);
    assert.equal(deleted.undo(TEXT).getPair('p1')?.pair.note, '改');
    const undone = edited.undo(TEXT).undo(TEXT);
    assert.equal(undone.pairs.length, 0);
    assert.equal(undone.anchors.length, 0, 'one undo step takes back the pair and the annotations made for it');
    assert.throws(() => added.addPair(pair()), /already exists/);
    assert.throws(() => added.deletePair('nope'), /no tension pair 'nope'/);

    const saved = await sidecarForSave(added.toSidecar(), added.anchors, TEXT);
    assert.equal(saved.pairs?.[0]?.ends[1].quote.exact, '封闭管理');
    const reparsed = parseSidecar(serializeSidecar(saved), 'a.md.tension.json');
    assert.ok('sidecar' in reparsed);
    assert.equal(reparsed.sidecar.pairs?.length, 1);
  });

  it('stays format version 1: the schema lets a reader that does not know pairs keep them as an unknown field', () => {
    // An older Tension Lens validates with its own schema (no additionalProperties: false at the root) and keeps
    // unknown top-level fields in extras, written back after the known ones; checked by hand against the previous
    // release's parser too (see the commit message).
    const json = JSON.parse(serializeSidecar(sidecarWithPair())) as Record<string, unknown>;
    assert.equal(json['version'], 1);
    const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'sidecar.schema.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(schema['additionalProperties'], undefined);
    assert.ok((schema['required'] as string[]).every((k) => k !== 'pairs'));
  });
});
