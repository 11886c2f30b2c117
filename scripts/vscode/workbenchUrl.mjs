// Builds the URL that opens the web workbench on a folder, optionally with an extension under development, an
// extension-test entry, or a file to open. The payload is the same one VS Code's own smoke tests use.
import { pathToFileURL } from 'node:url';

/** `vscode-remote://<authority>/<percent-encoded absolute path>`: a file on the server, as the workbench names it. */
export function remoteUri(authority, absolutePath) {
  return `vscode-remote://${authority}${pathToFileURL(absolutePath).pathname}`;
}

/**
 * The workbench URL for `folder` on the server at `authority` ("127.0.0.1:PORT").
 * `extensionDevelopmentPath` and `extensionTestsPath` take effect only on a server started with the test driver;
 * `openFile` (absolute path) works on any server.
 */
export function workbenchUrl({ authority, folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remoteUri(authority, extensionDevelopmentPath)], ['enableProposedApi', '']);
  }
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(authority, extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remoteUri(authority, openFile)]);
  payload.push(['skipWelcome', 'true']);
  const query = [`folder=${encodeURIComponent(folder)}`, `payload=${encodeURIComponent(JSON.stringify(payload))}`];
  return `http://${authority}/?${query.join('&')}`;
}
