// One place that undoes what a script started (server process groups, browsers, temp dirs), whether the script
// ends normally, throws, or gets SIGINT / SIGTERM / SIGHUP. Handlers must be synchronous: on 'exit' nothing
// asynchronous runs any more.
import fs from 'node:fs';

const handlers = [];
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Registers `fn` to run once at exit (last registered runs first); returns a function that runs it now. */
export function onCleanup(fn) {
  const entry = { fn, done: false };
  handlers.push(entry);
  return () => runOne(entry);
}

function runOne(entry) {
  if (entry.done) return;
  entry.done = true;
  try { entry.fn(); } catch { /* already gone */ }
}

/** Runs every registered handler now. */
export function cleanupAll() {
  for (const entry of [...handlers].reverse()) runOne(entry);
}

process.on('exit', cleanupAll);
for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping everything this script started...`);
    cleanupAll();
    process.exit(code);
  });
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** True while a live (not zombie) process of process group `pgid` exists; reads /proc (Linux). */
export function processGroupAlive(pgid) {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

/**
 * Stops a process group started with `detached: true` (the child and all its descendants): SIGTERM, up to
 * `graceMs` for it to go (synchronously, so it also works in an 'exit' handler), then SIGKILL.
 */
export function killProcessGroup(pgid, graceMs = 3000) {
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; /* already gone */ }
  for (const deadline = Date.now() + graceMs; Date.now() < deadline; sleep(50)) {
    if (!processGroupAlive(pgid)) return;
  }
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone meanwhile */ }
}
