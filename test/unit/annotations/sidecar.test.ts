import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type Annotation, type Extras, type JsonValue, type Sidecar, type SidecarTag, compareAnnotations, createAnnotation, formatJsonProblem,
  newSidecar, parseSidecar, serializeSidecar,
} from '../../../src/core/annotations';

const SHA = 'a'.repeat(64);
const NOW = '2025-01-31T08:00:00.000Z';

function parsed(text: string): Sidecar {
  const result = parseSidecar(text, 'a.md.tension.json');
  if ('problems' in result) assert.fail(result.problems.map(formatJsonProblem).join('\n'));
  return result.sidecar;
}

function problems(text: string): string[] {
  const result = parseSidecar(text, 'a.md.tension.json');
  assert.ok('problems' in result, 'expected problems');
  return result.problems.map(formatJsonProblem);
}

const validFile = (annotations: string): string =>
  `{"version": 1, "document": {"path": "a.md", "sha256": "${SHA}", "length": 10}, "tags": [], "annotations": [${annotations}]}`;

describe('sidecar file format', () => {
  it('writes the documented canonical text: key order, 2-space indent, final newline, sorted annotations', () => {
    const text = '他们坚持开源，拒绝闭源。';
    const late = createAnnotation({ text, start: 9, end: 11, tags: ['closed'], note: '反面', now: NOW, id: 'b' });
    const early = createAnnotation({ text, start: 4, end: 6, now: NOW, id: 'a' });
    const sameStart = createAnnotation({ text, start: 4, end: 5, now: NOW, id: 'c' });
    const sidecar: Sidecar = {
      ...newSidecar({ path: 'a.md', sha256: SHA, length: text.length }, [{ id: 'closed', label: '闭源', color: '#e06c75' }]),
      annotations: [late, early, sameStart],
    };
    const quote = (exact: string, prefix: string, suffix: string, start: number, end: number): string => `      "target": {
        "selector": [
          {
            "type": "TextQuoteSelector",
            "exact": "${exact}",
            "prefix": "${prefix}",
            "suffix": "${suffix}"
          },
          {
            "type": "TextPositionSelector",
            "start": ${start},
            "end": ${end}
          }
        ]
      }`;
    assert.equal(serializeSidecar(sidecar), `{
  "version": 1,
  "document": {
    "path": "a.md",
    "sha256": "${SHA}",
    "length": 12
  },
  "tags": [
    {
      "id": "closed",
      "label": "闭源",
      "color": "#e06c75"
    }
  ],
  "annotations": [
    {
      "id": "c",
      "tags": [],
      "note": "",
      "created": "${NOW}",
      "modified": "${NOW}",
${quote('开', '他们坚持', '源，拒绝闭源。', 4, 5)}
    },
    {
      "id": "a",
      "tags": [],
      "note": "",
      "created": "${NOW}",
      "modified": "${NOW}",
${quote('开源', '他们坚持', '，拒绝闭源。', 4, 6)}
    },
    {
      "id": "b",
      "tags": [
        "closed"
      ],
      "note": "反面",
      "created": "${NOW}",
      "modified": "${NOW}",
${quote('闭源', '他们坚持开源，拒绝', '。', 9, 11)}
    }
  ]
}
`);
  });

  it('breaks ties on equal ranges by id, so two saves of the same set give the same bytes', () => {
    const text = '开源开源';
    const make = (id: string): Annotation => createAnnotation({ text, start: 0, end: 2, now: NOW, id });
    const base = newSidecar({ path: 'a.md', sha256: SHA, length: 4 });
    const one = serializeSidecar({ ...base, annotations: [make('y'), make('x')] });
    const two = serializeSidecar({ ...base, annotations: [make('x'), make('y')] });
    assert.equal(one, two);
    assert.ok(one.indexOf('"x"') < one.indexOf('"y"'));
  });

  it('keeps unknown fields at every level, known keys first, unknown ones after in their original order', () => {
    const file = `{
  "x-top": {"nested": [1, {"b": 2, "a": 1}]},
  "annotations": [{
    "x-first": true,
    "id": "a", "created": "${NOW}", "modified": "${NOW}",
    "target": {
      "source": "a.md",
      "selector": [
        {"type": "TextPositionSelector", "start": 0, "end": 2, "x-pos": 1},
        {"type": "CssSelector", "value": "p"},
        {"x-quote": "q", "type": "TextQuoteSelector", "exact": "开源"}
      ]
    }
  }],
  "document": {"x-doc": null, "path": "a.md", "sha256": "${SHA}", "length": 2},
  "version": 1,
  "tags": [{"id": "t", "label": "T", "x-tag": "kept", "2024": "year"}],
  "x-last": 0
}`;
    const sidecar = parsed(file);
    assert.deepEqual(sidecar.extras, { 'x-top': { nested: [1, { b: 2, a: 1 }] }, 'x-last': 0 });
    assert.deepEqual(sidecar.document.extras, { 'x-doc': null });
    assert.deepEqual(sidecar.tags[0]?.extras, { 'x-tag': 'kept', 2024: 'year' });
    const annotation = sidecar.annotations[0];
    assert.deepEqual(annotation?.extras, { 'x-first': true });
    assert.deepEqual(annotation?.target.extras, { source: 'a.md' });
    assert.deepEqual(annotation?.target.quote, { exact: '开源', prefix: '', suffix: '', extras: { 'x-quote': 'q' } });
    assert.deepEqual(annotation?.target.position, { start: 0, end: 2, extras: { 'x-pos': 1 } });
    assert.deepEqual(annotation?.target.otherSelectors, [{ type: 'CssSelector', value: 'p' }]);

    const out = serializeSidecar(sidecar);
    const keys = (o: unknown): string[] => Object.keys(o as object);
    const json = JSON.parse(out) as { tags: unknown[]; annotations: { target: { selector: unknown[] } }[] };
    assert.deepEqual(keys(json), ['version', 'document', 'tags', 'annotations', 'x-top', 'x-last']);
    assert.deepEqual(keys(json.annotations[0]), ['id', 'tags', 'note', 'created', 'modified', 'target', 'x-first']);
    assert.deepEqual(json.annotations[0]?.target.selector.map(keys), [['type', 'exact', 'prefix', 'suffix', 'x-quote'], ['type', 'start', 'end', 'x-pos'], ['type', 'value']]);
    // JSON.parse orders integer-like keys first, so read the tag's key order from the text itself.
    assert.match(out, /"id": "t",\n\s+"label": "T",\n\s+"2024": "year",\n\s+"x-tag": "kept"/);
    assert.equal(serializeSidecar(parsed(out)), out);
  });

  it('keeps an unknown "__proto__" field as an ordinary field', () => {
    const file = validFile(`{"id": "a", "created": "${NOW}", "modified": "${NOW}", "__proto__": {"polluted": true},
      "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": 0, "end": 1}]}}`);
    const out = serializeSidecar(parsed(file));
    assert.match(out, /"__proto__": \{\n\s+"polluted": true/);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    assert.equal(serializeSidecar(parsed(out)), out);
  });

  it('reports malformed JSON with line and column', () => {
    assert.deepEqual(problems('{\n  "version": 1,\n  "document": {\n    "path": "a.md",,\n'), [
      'a.md.tension.json:4:20: invalid JSON: PropertyNameExpected',
    ]);
    assert.deepEqual(problems('\uFEFF  \n'), ['a.md.tension.json:1:1: empty file: expected a JSON object']);
    assert.deepEqual(problems('{"version": 1,}'), ['a.md.tension.json:1:15: invalid JSON: PropertyNameExpected']);
    assert.deepEqual(problems('{"version": 1} // note'), ['a.md.tension.json:1:16: invalid JSON: InvalidCommentToken']);
  });

  /** 1-based `line:col` of the first occurrence of `marker` in `text`. */
  const at = (text: string, marker: string): string => {
    const before = text.slice(0, text.indexOf(marker)).split('\n');
    return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
  };

  it('reports a wrong shape at its JSON path, on the line of the offending value', () => {
    const file = `{
  "version": 1,
  "document": {"path": "a.md", "sha256": "${SHA}", "length": -1},
  "annotations": [
    {"id": "a", "tags": ["t"], "created": "${NOW}", "modified": "yesterday",
     "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": "0", "end": 1}]}}
  ]
}`;
    assert.deepEqual(problems(file), [
      `a.md.tension.json:${at(file, '-1')}: document.length: must be >= 0`,
      `a.md.tension.json:${at(file, '"yesterday"')}: annotations[0].modified: must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"`,
      `a.md.tension.json:${at(file, '"0"')}: annotations[0].target.selector[1].start: must be integer`,
    ]);
  });

  it('names a missing property on its parent object', () => {
    const file = validFile(`{"id": "a", "created": "${NOW}", "modified": "${NOW}"}`);
    assert.deepEqual(problems(file), [`a.md.tension.json:${at(file, '{"id"')}: annotations[0]: must have required property 'target'`]);
  });

  it('reports what the schema cannot: duplicate ids, selector counts, end before start', () => {
    const annotation = (id: string, selectors: string): string => `{"id": "${id}", "created": "${NOW}", "modified": "${NOW}", "target": {"selector": [${selectors}]}}`;
    const quote = '{"type": "TextQuoteSelector", "exact": "x"}';
    const found = parseSidecar(validFile([
      annotation('a', `${quote}, {"type": "TextPositionSelector", "start": 0, "end": 1}`),
      annotation('a', `${quote}, {"type": "TextPositionSelector", "start": 3, "end": 2}`),
      annotation('b', quote),
    ].join(',')), 'f');
    assert.ok('problems' in found);
    assert.deepEqual(found.problems.map((p) => `${p.path}: ${p.message}`), [
      "annotations[1].id: id 'a' is already used by annotations[0]; ids must be unique",
      'annotations[1].target.selector[1].end: end (2) is before start (3)',
      'annotations[2].target.selector: needs exactly one TextPositionSelector, found 0',
    ]);
  });

  it('refuses a newer format version with a message to update, never a crash', () => {
    for (const file of ['{"version": 2}', `{"version": 7, "document": 1, "annotations": "whatever"}`]) {
      const [only, ...rest] = problems(file);
      assert.equal(rest.length, 0);
      assert.match(only ?? '', /^a\.md\.tension\.json:1:13: version: written by a newer Tension Lens .* update the extension$/);
    }
    assert.deepEqual(problems('{"version": 0, "document": {"path": "", "sha256": "' + SHA + '", "length": 0}, "annotations": []}'),
      ['a.md.tension.json:1:13: version: must be equal to constant (1)']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const result = parseSidecar(text, 'f');
      assert.ok('sidecar' in result || result.problems.length > 0);
    }), { numRuns: 500 });
  });

  describe('round trip (property)', () => {
    const KNOWN = new Set(['$schema', 'version', 'document', 'tags', 'annotations', 'path', 'sha256', 'length', 'id', 'label', 'color',
      'description', 'note', 'created', 'modified', 'target', 'selector', 'type', 'exact', 'prefix', 'suffix', 'start', 'end']);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    // Values go through JSON once: JSON.stringify writes -0 as 0, the one value a rewrite cannot keep exactly.
    const extras: fc.Arbitrary<Extras | undefined> = fc.option(
      fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => !KNOWN.has(k)), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue), { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
      { nil: undefined },
    );
    const withExtras = <T extends object>(value: T, e: Extras | undefined): T => (e ? { ...value, extras: e } : value);
    const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    const tag: fc.Arbitrary<SidecarTag> = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), label: text, color: fc.option(text, { nil: undefined }),
      description: fc.option(text, { nil: undefined }), extras }).map(({ color, description, extras: e, ...rest }) =>
      withExtras({ ...rest, ...(color !== undefined && { color }), ...(description !== undefined && { description }) }, e));
    const annotation: fc.Arbitrary<Annotation> = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }), tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }), note: text,
      created: date, modified: date, exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), prefix: text, suffix: text,
      start: fc.nat(1000), length: fc.nat(20), other: fc.option(fc.constant({ type: 'XPathSelector', value: '/p[1]' }), { nil: undefined }),
      e1: extras, e2: extras, e3: extras, e4: extras,
    }).map((r) => withExtras({
      id: r.id, tags: r.tags, note: r.note, created: r.created, modified: r.modified,
      target: withExtras({
        quote: withExtras({ exact: r.exact, prefix: r.prefix, suffix: r.suffix }, r.e1),
        position: withExtras({ start: r.start, end: r.start + r.length }, r.e2),
        ...(r.other && { otherSelectors: [r.other] }),
      }, r.e3),
    }, r.e4));
    const sidecar: fc.Arbitrary<Sidecar> = fc.record({
      schema: fc.option(fc.constant('https://example.com/s.json'), { nil: undefined }),
      path: text, length: fc.nat(), sha: fc.stringMatching(/^[0-9a-f]{64}$/),
      tags: fc.uniqueArray(tag, { selector: (t) => t.id, maxLength: 4 }),
      annotations: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 6 }),
      e1: extras, e2: extras,
    }).map((r) => withExtras({
      ...(r.schema !== undefined && { $schema: r.schema }),
      version: 1 as const,
      document: withExtras({ path: r.path, sha256: r.sha, length: r.length }, r.e1),
      tags: r.tags,
      annotations: [...r.annotations].sort(compareAnnotations),
    }, r.e2));

    it('parseSidecar(serializeSidecar(x)) is x, unknown fields included', () => {
      fc.assert(fc.property(sidecar, (x) => {
        assert.deepStrictEqual(parsed(serializeSidecar(x)), x);
      }), { numRuns: 1000 });
    });

    it('serializing is idempotent and ends with one newline', () => {
      fc.assert(fc.property(sidecar, (x) => {
        const once = serializeSidecar(x);
        assert.equal(serializeSidecar(parsed(once)), once);
        assert.ok(once.endsWith('}\n') && !once.endsWith('\n\n'));
      }), { numRuns: 1000 });
    });
  });
});
