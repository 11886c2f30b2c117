import * as vscode from 'vscode';

type PinyinOf = (text: string) => string;

let loaded: PinyinOf | null | undefined;

/**
 * The pinyin function of dist/pinyin.js, loaded on first use; undefined where it cannot be loaded (the web
 * extension host has no `require` for files, or the bundle is missing). Exports then fall back to the lexicon's
 * build-time pinyin for term rows and leave annotation rows without pinyin — a degraded column, never a failure.
 */
export function loadPinyin(extensionUri: vscode.Uri): PinyinOf | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  loaded = null;
  if (extensionUri.scheme !== 'file' || typeof require !== 'function') return undefined;
  try {
    // A path known only at run time: esbuild leaves this require alone, so pinyin-pro stays out of extension.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading our own separately built bundle
    const bundle = require(vscode.Uri.joinPath(extensionUri, 'dist', 'pinyin.js').fsPath) as { pinyinOf?: unknown };
    if (typeof bundle.pinyinOf === 'function') loaded = bundle.pinyinOf as PinyinOf;
  } catch {
    // Missing or unloadable bundle: the fallback above.
  }
  return loaded ?? undefined;
}
