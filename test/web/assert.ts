// The few assertions the web suites need. node:assert does not exist in a web worker, and these messages are all a
// failing run has to say.

/** Throws `message` unless `value` is truthy. */
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

/** Throws unless `actual === expected`, quoting both. */
export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Throws unless `text` matches `pattern`, quoting the start of the text. */
export function match(text: string, pattern: RegExp, message: string): void {
  if (!pattern.test(text)) throw new Error(`${message}: ${pattern} does not match ${JSON.stringify(text.slice(0, 300))}`);
}
