import assert from 'node:assert/strict';
import { AnnotationSet, type Sidecar, createAnnotation, mergeTagsByLabel, newSidecar, stringSource } from '../../../src/core/annotations';

const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';
const TEXT = '开源与闭源之争由来已久。一方坚持开放，另一方拒绝公开。';

function base(): Sidecar {
  return newSidecar({ path: 'a.md', sha256: 'f'.repeat(64), length: TEXT.length }, [
    { id: 'open', label: '开放', color: '#98c379' },
    { id: 'closed', label: '封闭', color: '#e06c75' },
  ]);
}

function withTwo(): AnnotationSet {
  const one = createAnnotation({ text: TEXT, start: 0, end: 2, tags: ['open'], note: '', now: T0, id: 'one' });
  const two = createAnnotation({ text: TEXT, start: 3, end: 5, tags: ['closed', 'open'], note: '对立面', now: T0, id: 'two' });
  return AnnotationSet.load(base(), TEXT).add(one).add(two);
}

const ids = (set: AnnotationSet): string[] => set.anchors.map((a) => a.annotation.id);

describe('AnnotationSet', () => {
  it('adds, updates and deletes annotations without changing the set it was called on', () => {
    const set = withTwo();
    const updated = set.update('one', { tags: ['closed', 'closed'], note: '改' }, T1);
    assert.deepEqual(updated.get('one')?.annotation.tags, ['closed']);
    assert.equal(updated.get('one')?.annotation.note, '改');
    assert.equal(updated.get('one')?.annotation.modified, T1);
    assert.equal(set.get('one')?.annotation.note, '');
    const deleted = updated.delete('two');
    assert.deepEqual(ids(deleted), ['one']);
    assert.deepEqual(ids(updated), ['one', 'two']);
    assert.throws(() => set.add(createAnnotation({ text: TEXT, start: 0, end: 1, now: T0, id: 'one' })), /already exists/);
    assert.throws(() => set.update('nope', { note: 'x' }, T1), /no annotation 'nope'/);
  });

  it('re-pins an annotation to a new range with fresh selectors', () => {
    const moved = withTwo().repin('one', TEXT, 16, 18, T1);
    const a = moved.get('one');
    assert.equal(a?.state, 'exact');
    assert.equal(a?.annotation.target.quote.exact, '开放');
    assert.deepEqual(a?.annotation.target.position, { start: 16, end: 18 });
    assert.equal(a?.annotation.modified, T1);
    assert.throws(() => withTwo().repin('one', TEXT, 5, 5, T1), RangeError);
  });

  it('creates, renames and recolours tags without touching annotations', () => {
    const set = withTwo().createTag({ id: 'risk', label: '风险' }).updateTag('open', { label: '开源', color: '#61afef' });
    assert.deepEqual(set.tags.map((t) => [t.id, t.label, t.color]), [['open', '开源', '#61afef'], ['closed', '封闭', '#e06c75'], ['risk', '风险', undefined]]);
    assert.deepEqual(set.get('two')?.annotation.tags, ['closed', 'open']);
    assert.throws(() => set.createTag({ id: 'risk', label: 'again' }), /already exists/);
  });

  it('merges a tag into another, without duplicates, and deletes a tag after saying how often it is used', () => {
    const set = withTwo();
    const merged = set.mergeTags('closed', 'open');
    assert.deepEqual(merged.tags.map((t) => t.id), ['open']);
    assert.deepEqual(merged.anchors.map((a) => a.annotation.tags), [['open'], ['open']]);
    assert.equal(set.tagUsage('open'), 2);
    assert.equal(set.tagUsage('closed'), 1);
    const deleted = set.deleteTag('open');
    assert.deepEqual(deleted.anchors.map((a) => a.annotation.tags), [[], ['closed']]);
    assert.throws(() => set.mergeTags('open', 'open'), /into itself/);
  });

  it('undoes operations one by one, with labels, back to the loaded state', () => {
    let set = withTwo();
    const loaded = AnnotationSet.load(base(), TEXT);
    set = set.update('two', { note: '新' }, T1).deleteTag('open').delete('one');
    assert.equal(set.undoLabel, 'delete annotation');
    set = set.undo(TEXT);
    assert.deepEqual(ids(set), ['one', 'two']);
    assert.equal(set.undoLabel, "delete tag '开放'");
    set = set.undo(TEXT);
    assert.deepEqual(set.get('two')?.annotation.tags, ['closed', 'open']);
    set = set.undo(TEXT);
    assert.equal(set.get('two')?.annotation.note, '对立面');
    set = set.undo(TEXT).undo(TEXT);
    assert.deepEqual(set.toSidecar(), loaded.toSidecar());
    assert.equal(set.canUndo, false);
    assert.equal(set.undo(TEXT), set);
  });

  it('keeps the ranges live edits gave annotations when undoing an unrelated operation', () => {
    const set = withTwo().update('one', { note: '注' }, T1);
    // The user types three characters at the start of the article; both annotations shift.
    const typed = `前言：${TEXT}`;
    const edited = set.edit([{ rangeOffset: 0, rangeLength: 0, text: '前言：' }], stringSource(`前言：${TEXT}`));
    const undone = edited.undo(typed);
    assert.equal(undone.get('one')?.annotation.note, '');
    assert.deepEqual(undone.anchors.map((a) => a.annotation.target.position), [{ start: 3, end: 5 }, { start: 6, end: 8 }]);
  });

  it('re-anchors an annotation brought back by undo in the current text', () => {
    const deleted = withTwo().delete('two').edit([{ rangeOffset: 0, rangeLength: 0, text: '前言：' }], stringSource(`前言：${TEXT}`));
    const undone = deleted.undo(`前言：${TEXT}`);
    assert.deepEqual(undone.get('two')?.annotation.target.position, { start: 6, end: 8 });
    assert.equal(undone.get('two')?.state, 'moved');
  });

  it('undoes a re-pin back to the old quote, found again in the current text', () => {
    const undone = withTwo().repin('one', TEXT, 16, 18, T1).undo(TEXT);
    assert.deepEqual(undone.get('one')?.annotation.target.position, { start: 0, end: 2 });
    assert.equal(undone.get('one')?.state, 'exact');
    assert.equal(undone.get('one')?.annotation.modified, T0);
  });

  it('follows text changes and re-anchoring without adding undo steps', () => {
    const set = AnnotationSet.load(base(), TEXT);
    const edited = set.edit([{ rangeOffset: 0, rangeLength: 1, text: '' }], stringSource(TEXT.slice(1))).withAnchors([]);
    assert.equal(edited.canUndo, false);
    assert.deepEqual(edited.summary, { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 });
  });
});

describe('mergeTagsByLabel', () => {
  it('merges tags that share a label into the preferred one, moving every annotation, losing none', () => {
    const sidecar: Sidecar = {
      ...base(),
      tags: [{ id: 'legacy', label: '开放' }, { id: 'other', label: '其他' }, { id: 'pole-open', label: '开放 ' }, { id: 'again', label: '开放' }],
      annotations: [
        createAnnotation({ text: TEXT, start: 0, end: 2, tags: ['legacy', 'other'], now: T0, id: 'one' }),
        createAnnotation({ text: TEXT, start: 3, end: 5, tags: ['again', 'pole-open'], now: T0, id: 'two' }),
      ],
    };
    const set = AnnotationSet.load(sidecar, TEXT, (t) => t.id.startsWith('pole-'));
    assert.deepEqual(set.tags.map((t) => t.id), ['pole-open', 'other']);
    assert.deepEqual(set.get('one')?.annotation.tags, ['pole-open', 'other']);
    assert.deepEqual(set.get('two')?.annotation.tags, ['pole-open']);
    assert.equal(set.anchors.length, 2);
  });

  it('leaves a sidecar without duplicate labels as the same object', () => {
    const sidecar = base();
    assert.equal(mergeTagsByLabel(sidecar), sidecar);
  });
});
