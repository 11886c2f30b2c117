// Installs the repository's extension into a server's --extensions-dir the way a .vsix would land there, but as a
// symlink to the repository: a rebuild (dist/) is picked up on the next window reload, and the plain workbench URL
// shows the extension as installed (no development-mode payload needed).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';

/** The manifest of the extension in this repository. */
export function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** The extension's identifier, `publisher.name`, as `vscode.extensions.getExtension` knows it. */
export function extensionId(manifest = readManifest()) {
  return `${manifest.publisher}.${manifest.name}`;
}

/** Links the repository into `extensionsDir` as `<publisher>.<name>-<version>`; returns the link's path. */
export function installExtension(extensionsDir) {
  const manifest = readManifest();
  if (!fs.existsSync(path.join(root, manifest.main ?? 'dist/extension.js'))) {
    throw new Error(`${manifest.main} is missing: build first (npm run build)`);
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  const link = path.join(extensionsDir, `${extensionId(manifest)}-${manifest.version}`);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(root, link, 'dir');
  return link;
}
