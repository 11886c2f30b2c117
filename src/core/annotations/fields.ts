import type { Extras, JsonValue } from './types';

/**
 * The known keys of each object in the sidecar file, in the order they are written. Parsing gathers every other
 * key into `extras`; writing puts known keys first in this order, then the extras in their original order.
 */
export const KNOWN_KEYS = {
  sidecar: ['$schema', 'version', 'document', 'memo', 'tags', 'annotations', 'pairs'],
  document: ['path', 'sha256', 'length'],
  tag: ['id', 'label', 'color', 'description'],
  annotation: ['id', 'tags', 'note', 'created', 'modified', 'target'],
  target: ['selector'],
  quote: ['type', 'exact', 'prefix', 'suffix'],
  position: ['type', 'start', 'end'],
  pair: ['id', 'motivation', 'axis', 'note', 'created', 'modified', 'target'],
} as const;

/** One of the objects in the sidecar file. */
export type SidecarObjectKind = keyof typeof KNOWN_KEYS;

const KNOWN_SETS: Record<SidecarObjectKind, ReadonlySet<string>> = {
  sidecar: new Set(KNOWN_KEYS.sidecar),
  document: new Set(KNOWN_KEYS.document),
  tag: new Set(KNOWN_KEYS.tag),
  annotation: new Set(KNOWN_KEYS.annotation),
  target: new Set(KNOWN_KEYS.target),
  quote: new Set(KNOWN_KEYS.quote),
  position: new Set(KNOWN_KEYS.position),
  pair: new Set(KNOWN_KEYS.pair),
};

/** True when `key` is a known key of that kind of object. */
export function isKnownKey(kind: SidecarObjectKind, key: string): boolean {
  return KNOWN_SETS[kind].has(key);
}

/** The unknown fields of a parsed object, or `undefined` when it has none. */
export function extrasOf(kind: SidecarObjectKind, raw: { readonly [key: string]: JsonValue }): Extras | undefined {
  let extras: Record<string, JsonValue> | undefined;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key) || KNOWN_SETS[kind].has(key)) continue;
    // defineProperty, not assignment: a "__proto__" key from the file must stay an ordinary field.
    Object.defineProperty((extras ??= {}), key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  }
  return extras;
}
