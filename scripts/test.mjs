#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then every test suite in order, each step's output shown as it runs; then one
// summary line per step (passed, failed, seconds, and on Linux the CPU seconds its processes used, a figure the
// load of a shared machine does not inflate) so that a failure deep in a long log is found at once, also
// written to test-results/summary.txt. A failing step does not stop the run (all failures show), except the build,
// which everything after it needs; the exit code is 1 when any step failed.
//   node scripts/test.mjs [--only unit,e2e,...] [--bail]
//     --only   run these steps (ids below), in the usual order
//     --bail   stop at the first failing step
// The suites run their runners directly (scripts/vscode/run*.mjs), not `npm run test:*`: those build first, and
// the build is the first step here. Once it has passed, the later steps get TENSION_LENS_BUILT=1, so that the two
// .vsix checks (test/unit/package.test.ts, scripts/vscode/runPackageTest.mjs) pack dist/ as built instead of
// running vsce's `vscode:prepublish` build twice more (scripts/package.mjs --prebuilt).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { flakyTests, formatSummary, mochaCounts, mochaFailures, stepFailed } from './testSummary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

/**
 * The steps in order. Neighbours with the same `together` run at the same time (each a single-threaded process that
 * needs no browser or VS Code: on two cores they take about half as long side by side), their output held back
 * and shown whole, one step after another, as each ends; the browser suites run alone, as their timing is the
 * most sensitive to a busy machine.
 * @type {readonly { id: string, name: string, args: string[], required?: boolean, together?: string }[]}
 */
const STEPS = [
  { id: 'build', name: 'build', args: ['esbuild.config.mjs'], required: true },
  { id: 'typecheck', name: 'typecheck', args: [bin('typescript', 'bin/tsc'), '-p', '.', '--noEmit'], together: 'checks' },
  { id: 'lint', name: 'lint', args: [bin('eslint', 'bin/eslint.js'), '.'], together: 'checks' },
  // Alone: its property tests have 20 s timeouts, which three of them missed beside lint and typecheck under load.
  // Mocha runs its files in two workers itself (.mocharc.json).
  { id: 'unit', name: 'unit', args: [bin('mocha', 'bin/mocha.js')] },
  { id: 'vscode', name: 'extension host', args: ['scripts/vscode/runVSCodeTests.mjs'] },
  { id: 'e2e', name: 'browser (e2e)', args: ['scripts/vscode/runE2E.mjs'] },
  { id: 'web', name: 'web worker host', args: ['scripts/vscode/runWebTests.mjs'] },
  { id: 'package', name: 'installed .vsix', args: ['scripts/vscode/runPackageTest.mjs'] },
];

/**
 * Follows the CPU time of process `rootPid` and of every process descending from it (detached process groups too:
 * the VS Code servers, their extension hosts, Chromium), sampling /proc every `intervalMs`; `stop()` returns the
 * CPU seconds (user + system). Each process counts with the last value seen, so the moment before it ends is
 * missed: a slight underestimate. Without /proc (not Linux) `stop()` returns undefined.
 */
function trackCpu(rootPid, intervalMs = 500) {
  if (rootPid === undefined || !fs.existsSync('/proc/self/stat')) return () => undefined;
  /** "pid/start time" → clock ticks (1/100 s) of user + system time, last seen. */
  const seen = new Map();
  const sample = () => {
    const parent = new Map();
    const times = new Map();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 of proc(5)
      parent.set(Number(name), Number(f[1]));
      times.set(Number(name), { key: `${name}/${f[19]}`, ticks: Number(f[11]) + Number(f[12]) });
    }
    const descends = (pid) => {
      for (let p = pid, depth = 0; p > 1 && depth < 100; p = parent.get(p) ?? 0, depth++) if (p === rootPid) return true;
      return false;
    };
    for (const [pid, { key, ticks }] of times) if (descends(pid)) seen.set(key, ticks);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    let ticks = 0;
    for (const t of seen.values()) ticks += t;
    return ticks / 100;
  };
}

/**
 * Runs `node ...args` in the repository, passing its output through (unless `quiet`) while keeping a copy; resolves
 * with its exit code, that copy, and the CPU seconds it and its descendants used (Linux).
 */
function run(args, env, quiet = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: [quiet ? 'ignore' : 'inherit', 'pipe', 'pipe'] });
    const stopCpu = trackCpu(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; if (!quiet) process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; if (!quiet) process.stderr.write(chunk); });
    child.once('error', (e) => { output += String(e); resolve({ code: 1, output, cpuSeconds: stopCpu() }); });
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output, cpuSeconds: stopCpu() }));
  });
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, bail: { type: 'boolean' } } });
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !STEPS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown step(s) ${unknown.join(', ')}; the steps are ${STEPS.map((s) => s.id).join(', ')}`);
  const steps = STEPS.filter((s) => !only || only.includes(s.id));
  // Output goes through a pipe: keep the colours a terminal would show.
  const env = { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) };

  let interrupted = false;
  // The children get the terminal's Ctrl+C too and stop what they started; this script then stops after them.
  process.on('SIGINT', () => { interrupted = true; });
  const started = Date.now();
  const results = [];
  let stopped = false;
  const command = (step) => `node ${step.args.map((a) => path.isAbsolute(a) ? path.relative(root, a) : a).join(' ')}`;
  const runStep = async (step, quiet) => {
    const t0 = Date.now();
    const { code, output, cpuSeconds } = await run(step.args, env, quiet);
    const result = {
      name: step.name, code, seconds: (Date.now() - t0) / 1000, counts: mochaCounts(output), failures: mochaFailures(output),
      flaky: flakyTests(output),
      ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
    };
    return { result, output };
  };
  for (let i = 0; i < steps.length;) {
    // This step and the neighbours that run together with it.
    const batch = [steps[i]];
    while (steps[i].together && steps[i + batch.length]?.together === steps[i].together) batch.push(steps[i + batch.length]);
    i += batch.length;
    if (stopped || interrupted) {
      for (const step of batch) results.push({ name: step.name, code: null, seconds: 0 });
      continue;
    }
    let done;
    if (batch.length === 1) {
      console.log(`\n[test] ${batch[0].name}: ${command(batch[0])}`);
      done = [await runStep(batch[0], false)];
    } else {
      console.log(`\n[test] ${batch.map((s) => s.name).join(', ')}: side by side, each one's output shown when it ends`);
      const running = batch.map((step) => runStep(step, true));
      done = [];
      for (const [k, step] of batch.entries()) {
        const one = await running[k];
        console.log(`\n[test] ${step.name}: ${command(step)} (${one.result.seconds.toFixed(1)} s)`);
        process.stdout.write(one.output);
        done.push(one);
      }
    }
    for (const [k, { result }] of done.entries()) {
      results.push(result);
      if (stepFailed(result) && (batch[k].required || values.bail)) stopped = true;
      if (batch[k].id === 'build' && !stepFailed(result)) env.TENSION_LENS_BUILT = '1';
    }
  }
  const summary = formatSummary(results, (Date.now() - started) / 1000);
  console.log(`\n[test] summary\n${summary}`);
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'test-results', 'summary.txt'), `${summary}\n`);
  return results.some(stepFailed) || interrupted ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
