/** Where sidecars live: beside each article, or mirrored under `<workspace root>/.tension/`. */
export type SidecarLocation = 'beside' | 'folder';

/** The suffix added to an article's file name to name its sidecar. */
export const SIDECAR_SUFFIX = '.tension.json';

/** The folder, at the workspace root, that holds sidecars in `folder` mode. */
export const SIDECAR_FOLDER = '.tension';

/**
 * The sidecar path for an article, from '/'-separated paths (URI paths; no `node:path`, so it runs in the web host):
 * `a/b.md` → `a/b.md.tension.json` beside it, or `<root>/.tension/a/b.md.tension.json` in `folder` mode. An article
 * outside `workspaceRoot`, or `folder` mode without a root, falls back to beside: there is no folder to mirror it in.
 */
export function sidecarPathFor(articlePath: string, location: SidecarLocation, workspaceRoot?: string): string {
  if (location === 'folder' && workspaceRoot !== undefined) {
    const root = workspaceRoot.replace(/\/+$/, '');
    const relative = articlePath.startsWith(`${root}/`) ? articlePath.slice(root.length + 1) : undefined;
    // An empty or upward relative path would put the sidecar outside .tension/ (or nowhere); stay beside instead.
    if (relative && !relative.split('/').includes('..')) return `${root}/${SIDECAR_FOLDER}/${relative}${SIDECAR_SUFFIX}`;
  }
  return `${articlePath}${SIDECAR_SUFFIX}`;
}

/** True for a path that names a sidecar (so file watchers and directory walks can skip it). */
export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX);
}
