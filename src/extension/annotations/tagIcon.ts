import * as vscode from 'vscode';
import { isHexColor } from './tagColors';

const cache = new Map<string, vscode.Uri>();

/** A small filled circle in the tag's colour, as a data URI (tree items and gutters take any image URI). */
export function tagIcon(color: string | undefined, shape: 'dot' | 'bar' = 'dot'): vscode.Uri {
  const fill = isHexColor(color) ? color : '#888888';
  const key = `${shape}${fill}`;
  let uri = cache.get(key);
  if (!uri) {
    const svg = shape === 'dot'
      ? `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="5" fill="${fill}"/></svg>`
      : `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="6" y="1" width="4" height="14" rx="2" fill="${fill}"/></svg>`;
    uri = vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
    cache.set(key, uri);
  }
  return uri;
}
