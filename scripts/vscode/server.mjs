// Starts the VS Code server (extension host + web workbench) as its own process group and stops it as a whole.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { killProcessGroup, onCleanup } from './cleanup.mjs';

const LISTENING = /Extension host agent listening on (\d+)/;

/**
 * Starts `node serverMain` on `host:port` (port 0 picks a free one) with its data under `dataDir`, logging to
 * `logFile`, and resolves once it listens. The process group is killed by `stop()` or when this script exits.
 * `testDriver` adds --enable-smoke-test-driver: without it a built product ignores the extension-test payload.
 * `reconnectionGraceSeconds`: how long the extension host of a window that went away waits for it to come back
 * (the server's default is 3 hours; the e2e suites close a window per suite).
 */
export async function startServer({
  node, serverMain, dataDir, logFile, host = '127.0.0.1', port = 0, testDriver = false, defaultFolder,
  extensionsDir = path.join(dataDir, 'extensions'), startupTimeoutMs = 60_000, reconnectionGraceSeconds,
}) {
  const args = [serverMain,
    '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--disable-telemetry', '--disable-workspace-trust', '--disable-update-check', '--disable-experiments',
    '--server-data-dir', path.join(dataDir, 'server-data'),
    '--user-data-dir', path.join(dataDir, 'user-data'),
    '--extensions-dir', extensionsDir,
  ];
  if (testDriver) args.push('--enable-smoke-test-driver');
  if (defaultFolder) args.push('--default-folder', defaultFolder);
  if (reconnectionGraceSeconds !== undefined) args.push('--reconnection-grace-time', String(reconnectionGraceSeconds));

  // The server does not report a taken port: it waits forever. Find out first.
  if (port !== 0) await assertPortFree(host, port);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const serverLog = fs.createWriteStream(logFile);
  // Its IPC sockets (vscode-ipc-*, vscode-git-*) go to TMPDIR (or XDG_RUNTIME_DIR): keep them in the data dir,
  // which is deleted afterwards, instead of piling up in /tmp.
  const tmpDir = path.join(dataDir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const env = { ...process.env, TMPDIR: tmpDir };
  delete env.XDG_RUNTIME_DIR;
  // detached: its own process group, so the extension host and every helper it forks die with it.
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  const stop = onCleanup(() => killProcessGroup(child.pid));
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);

  const listeningPort = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`VS Code server did not listen within ${startupTimeoutMs / 1000}s; see ${logFile}`)),
      startupTimeoutMs);
    const onData = (chunk) => {
      const m = LISTENING.exec(seen += chunk);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { seen += chunk; });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited before listening (${signal ?? code}); see ${logFile}`));
    });
  }).catch((e) => { stop(); throw e; });

  const authority = `${host}:${listeningPort}`;
  return { authority, origin: `http://${authority}`, port: listeningPort, pid: child.pid, stop };
}

/** Rejects with a readable message when something already listens on `host:port`. */
function assertPortFree(host, port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e) => reject(e.code === 'EADDRINUSE'
      ? new Error(`port ${port} on ${host} is in use (another server still running?): choose another with --port`)
      : e));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
