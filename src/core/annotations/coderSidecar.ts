import { SIDECAR_SUFFIX, type SidecarLocation, sidecarPathFor } from './sidecarPath';

/** The coder name used when none can be found (no setting, no git user, no OS user). */
export const ANONYMOUS_CODER = 'anonymous';

/**
 * A coder's name as it appears in a sidecar file name: NFC, letters (any script) and digits kept, every run of other
 * characters (spaces, dots, slashes, quotes …) turned into one '-', trimmed of '-'; `anonymous` when nothing is left.
 * No dot survives, so `a.md.tension.<coder>.json` always splits back into the article and the coder.
 */
export function fileSafeCoder(name: string): string {
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return safe === '' ? ANONYMOUS_CODER : safe;
}

/**
 * Coder `coder`'s sidecar for an article: `a.md.tension.<file-safe coder>.json`, beside the article or under
 * `<root>/.tension/` like the single sidecar (`sidecarPathFor`).
 */
export function coderSidecarPathFor(articlePath: string, coder: string, location: SidecarLocation, workspaceRoot?: string): string {
  const single = sidecarPathFor(articlePath, location, workspaceRoot);
  return `${single.slice(0, -SIDECAR_SUFFIX.length)}.tension.${fileSafeCoder(coder)}.json`;
}

/**
 * The coder whose sidecar of `articleName` (a file name, no folder) is `fileName`, or `undefined` when `fileName` is
 * not such a sidecar (the consensus `a.md.tension.json` included).
 */
export function coderOfSidecarName(articleName: string, fileName: string): string | undefined {
  const prefix = `${articleName}.tension.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('.json')) return undefined;
  const coder = fileName.slice(prefix.length, -'.json'.length);
  return coder !== '' && !coder.includes('.') && !coder.includes('/') ? coder : undefined;
}

/** True for a coder's sidecar name (`….tension.<coder>.json`), which file watchers and walks skip like the single sidecar. */
export function isCoderSidecarPath(path: string): boolean {
  return /\.tension\.[^./]+\.json$/u.test(path);
}
