import { KNOWN_KEYS, type SidecarObjectKind, isKnownKey } from './fields';
import type { Annotation, AnnotationTarget, Extras, JsonValue, Sidecar, SidecarTag, TensionPair } from './types';

/**
 * An object whose keys are written in the given order. Plain objects cannot promise that: JavaScript puts
 * integer-like keys ("2024") first, which would break "known keys first" for such an unknown field. Only then is
 * this slower path used; everything else goes through the native `JSON.stringify`, several times faster.
 */
class Ordered {
  constructor(readonly entries: readonly (readonly [string, Out])[]) {}
}
type Out = JsonValue | Ordered | readonly Out[];

/** Keys JavaScript orders before all others (array indices). */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/** Builds the output tree, noting whether any object needed `Ordered`. */
class Builder {
  needsOrdered = false;

  object<K extends SidecarObjectKind>(
    kind: K, known: { readonly [P in (typeof KNOWN_KEYS)[K][number]]?: Out | undefined }, extras: Extras | undefined,
  ): Out {
    const entries: [string, Out][] = [];
    for (const key of KNOWN_KEYS[kind]) {
      const value = (known as Record<string, Out | undefined>)[key];
      if (value !== undefined) entries.push([key, value]);
    }
    let indexKey = false;
    if (extras) {
      // A known key smuggled into extras by a caller would be written twice; the typed field wins.
      for (const key in extras) {
        if (!Object.hasOwn(extras, key) || isKnownKey(kind, key)) continue;
        entries.push([key, extras[key] ?? null]);
        indexKey ||= INDEX_KEY.test(key);
      }
    }
    if (indexKey) {
      this.needsOrdered = true;
      return new Ordered(entries);
    }
    const plain: { [key: string]: Out } = {};
    // defineProperty, not assignment: an unknown "__proto__" field must stay an ordinary field.
    for (const [key, value] of entries) Object.defineProperty(plain, key, { value, enumerable: true, writable: true, configurable: true });
    return plain as Out;
  }
}

/** Writes like `JSON.stringify(value, null, 2)`, but keeps `Ordered` entries in their order. */
function write(value: Out, indent: string, out: string[]): void {
  if (value instanceof Ordered || (value !== null && typeof value === 'object' && !Array.isArray(value))) {
    const entries = value instanceof Ordered ? value.entries : Object.entries(value as { [key: string]: Out });
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    const inner = `${indent}  `;
    out.push('{');
    entries.forEach(([key, v], i) => {
      out.push(i === 0 ? '\n' : ',\n', inner, JSON.stringify(key), ': ');
      write(v, inner, out);
    });
    out.push('\n', indent, '}');
  } else if (Array.isArray(value)) {
    const items = value as readonly Out[];
    if (items.length === 0) {
      out.push('[]');
      return;
    }
    const inner = `${indent}  `;
    out.push('[');
    items.forEach((item, i) => {
      out.push(i === 0 ? '\n' : ',\n', inner);
      write(item, inner, out);
    });
    out.push('\n', indent, ']');
  } else {
    out.push(JSON.stringify(value));
  }
}

/** Annotations in file order: by start, then end, then id (compared by code unit, so the order is locale-free). */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  const pa = a.target.position;
  const pb = b.target.position;
  return pa.start - pb.start || pa.end - pb.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function tagOut(b: Builder, t: SidecarTag): Out {
  return b.object('tag', { id: t.id, label: t.label, color: t.color, description: t.description }, t.extras);
}

function targetOut(b: Builder, target: AnnotationTarget): Out {
  const { quote, position, otherSelectors = [] } = target;
  const selector: Out[] = [
    b.object('quote', { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, quote.extras),
    b.object('position', { type: 'TextPositionSelector', start: position.start, end: position.end }, position.extras),
    ...otherSelectors,
  ];
  return b.object('target', { selector }, target.extras);
}

function annotationOut(b: Builder, a: Annotation): Out {
  return b.object('annotation', {
    id: a.id, tags: a.tags, note: a.note, created: a.created, modified: a.modified, target: targetOut(b, a.target),
  }, a.extras);
}

/** Pairs in file order: by the start of their first end, then id (locale-free, like annotations). */
export function comparePairs(a: TensionPair, b: TensionPair): number {
  return a.ends[0].position.start - b.ends[0].position.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function pairOut(b: Builder, p: TensionPair): Out {
  return b.object('pair', {
    id: p.id, motivation: 'linking', axis: p.axis, note: p.note, created: p.created, modified: p.modified,
    target: p.ends.map((end) => targetOut(b, end)),
  }, p.extras);
}

/**
 * The canonical text of a sidecar: known keys in the documented order then unknown ones in their original order,
 * 2-space indent, final newline, annotations sorted by position — so saving twice gives the same bytes and git diffs
 * show only what changed.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  const b = new Builder();
  const d = sidecar.document;
  const root = b.object('sidecar', {
    $schema: sidecar.$schema,
    version: sidecar.version,
    document: b.object('document', { path: d.path, sha256: d.sha256, length: d.length }, d.extras),
    memo: sidecar.memo === '' ? undefined : sidecar.memo,
    tags: sidecar.tags.map((t) => tagOut(b, t)),
    annotations: [...sidecar.annotations].sort(compareAnnotations).map((a) => annotationOut(b, a)),
    pairs: sidecar.pairs && sidecar.pairs.length > 0 ? [...sidecar.pairs].sort(comparePairs).map((p) => pairOut(b, p)) : undefined,
  }, sidecar.extras);
  if (!b.needsOrdered) return `${JSON.stringify(root, null, 2)}\n`;
  const out: string[] = [];
  write(root, '', out);
  out.push('\n');
  return out.join('');
}
