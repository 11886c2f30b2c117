// Where an article's sidecars are on disk, for every command that reads them (annotations, agreement, export, and
// the tags of kwic and cooccur): one rule, so that no command looks in a place another does not.
import fs from 'node:fs';
import path from 'node:path';
import { coderOfSidecarName, coderSidecarPathFor, sidecarPathFor } from '../core';

/** The core's sidecar paths are '/' paths (URI paths in the extension): convert so that Windows paths work too. */
const slash = (p: string): string => path.resolve(p).split(path.sep).join('/');

/** The sidecar of `article`: beside it, or under `<root>/.tension/` when a sidecar folder `root` is given. */
export function sidecarFileOf(article: string, root: string | undefined): string {
  if (root === undefined) return sidecarPathFor(article, 'beside');
  return path.normalize(sidecarPathFor(slash(article), 'folder', slash(root)));
}

/** A coder's sidecar of `article` (`a.md.tension.NAME.json`), in the same place as `sidecarFileOf`'s. */
export function coderSidecarFileOf(article: string, coder: string, root: string | undefined): string {
  if (root === undefined) return coderSidecarPathFor(article, coder, 'beside');
  return path.normalize(coderSidecarPathFor(slash(article), coder, 'folder', slash(root)));
}

/** The coders with a sidecar of `article` (file-safe names, sorted); none when its folder cannot be read. */
export function codersWithSidecar(article: string, root: string | undefined): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(coderSidecarFileOf(article, 'x', root)));
  } catch {
    return [];
  }
  const base = path.basename(article);
  return names.map((n) => coderOfSidecarName(base, n)).filter((c): c is string => c !== undefined).sort();
}
