import * as vscode from 'vscode';

/**
 * A bundle of dist/ that the desktop build loads on first use instead of carrying it in dist/extension.js, which
 * every session parses at activation. Its exports are checked once, so no caller handles an untyped module.
 */
export class BundleLoadError extends Error {
  constructor(readonly file: string, reason: string) {
    super(vscode.l10n.t('Tension Lens could not load {0} ({1}). Reinstall the extension to restore it.', file, reason));
    this.name = 'BundleLoadError';
  }
}

const loaded = new Map<string, unknown>();

/**
 * `dist/<name>.js` of the extension, required once and checked by `isBundle`; a missing or different file throws
 * BundleLoadError (with the file's path) on every call, so the command that needed it says why it cannot run.
 */
export function requireBundle<T>(extensionUri: vscode.Uri, name: string, isBundle: (exports: unknown) => exports is T): T {
  const known = loaded.get(name);
  if (known !== undefined) return known as T;
  const file = vscode.Uri.joinPath(extensionUri, 'dist', `${name}.js`).fsPath;
  let exports: unknown;
  try {
    // A path known only at run time: esbuild leaves this require alone, so the bundle stays out of extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading our own separately built bundle
    exports = require(file);
  } catch (e) {
    throw new BundleLoadError(file, e instanceof Error ? e.message : String(e));
  }
  if (!isBundle(exports)) throw new BundleLoadError(file, vscode.l10n.t('it does not export what this version expects'));
  loaded.set(name, exports);
  return exports;
}

/** A type guard for a bundle whose exports include these functions. */
export function exportsFunctions<T>(...names: readonly (keyof T & string)[]): (exports: unknown) => exports is T {
  return (exports: unknown): exports is T =>
    typeof exports === 'object' && exports !== null && names.every((n) => typeof (exports as Record<string, unknown>)[n] === 'function');
}
