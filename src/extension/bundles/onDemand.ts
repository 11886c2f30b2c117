// Loading a bundle of dist/ on first use. No `vscode` here: the dashboard's worker thread (dist/row-worker.js) loads
// bundles too, and a worker has no extension API.

/** A bundle of dist/ that is missing, does not load, or lacks an export this version calls. */
export class BundleLoadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`Tension Lens could not load ${file} (${reason}). Reinstall the extension to restore it.`);
    this.name = 'BundleLoadError';
  }
}

const loaded = new Map<string, unknown>();

/**
 * The exports of a bundle file, required once and checked by `isBundle`; a missing or different file throws
 * BundleLoadError on every call, so each use that needed it says why it cannot run.
 */
export function requireBundleFile<T>(file: string, isBundle: (exports: unknown) => exports is T): T {
  const known = loaded.get(file);
  if (known !== undefined) return known as T;
  let exports: unknown;
  try {
    // A path known only at run time: esbuild leaves this require alone, so the bundle stays out of the caller's.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading our own separately built bundle
    exports = require(file);
  } catch (e) {
    throw new BundleLoadError(file, e instanceof Error ? e.message : String(e));
  }
  if (!isBundle(exports)) throw new BundleLoadError(file, 'it does not export what this version expects');
  loaded.set(file, exports);
  return exports;
}

/** A type guard for a bundle whose exports include these functions. */
export function exportsFunctions<T>(...names: readonly (keyof T & string)[]): (exports: unknown) => exports is T {
  return (exports: unknown): exports is T =>
    typeof exports === 'object' && exports !== null && names.every((n) => typeof (exports as Record<string, unknown>)[n] === 'function');
}

/**
 * A loader of `<name>.js` beside the running bundle (dist/extension.js or dist/row-worker.js, both in dist/): the
 * stubs that esbuild.config.mjs puts in place of a module in the desktop build call it on their first use.
 */
export function besideThisBundle<T>(name: string, ...functions: readonly (keyof T & string)[]): () => T {
  const isBundle = exportsFunctions<T>(...functions);
  return () => requireBundleFile(`${__dirname}/${name}.js`, isBundle);
}

/**
 * A function with the type of the bundle's export `name` that calls it, loading the bundle on its first call: what a
 * stub exports in place of the module's own function.
 */
export function passOn<T, K extends keyof T & string>(load: () => T, name: K): T[K] {
  const call = (...args: unknown[]): unknown => (load()[name] as (...args: unknown[]) => unknown)(...args);
  return call as T[K];
}
