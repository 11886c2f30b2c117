import * as vscode from 'vscode';
import { exportsFunctions, requireBundleFile } from '../bundles/onDemand';

type PinyinOf = (text: string) => string;

const isPinyinBundle = exportsFunctions<{ pinyinOf: PinyinOf }>('pinyinOf');
let unavailable = false;

/**
 * The pinyin function of dist/pinyin.js, loaded on first use; undefined where it cannot be loaded (the web
 * extension host has no `require` for files, or the bundle is missing). Exports then fall back to the lexicon's
 * build-time pinyin for term rows and leave annotation rows without pinyin — a degraded column, never a failure.
 */
export function loadPinyin(extensionUri: vscode.Uri): PinyinOf | undefined {
  if (unavailable || extensionUri.scheme !== 'file' || typeof require !== 'function') return undefined;
  try {
    return requireBundleFile(vscode.Uri.joinPath(extensionUri, 'dist', 'pinyin.js').fsPath, isPinyinBundle).pinyinOf;
  } catch {
    unavailable = true; // missing or unloadable bundle: the fallback above
    return undefined;
  }
}
