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
// the build is the first step here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSummary, mochaCounts, stepFailed } from './testSummary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

/** @type {readonly { id: string, name: string, args: string[], required?: boolean }[]} */
const STEPS = [
  { id: 'build', name: 'build', args: ['esbuild.config.mjs'], required: true },
  { id: 'typecheck', name: 'typecheck', args: [bin('typescript', 'bin/tsc'), '-p', '.', '--noEmit'] },
  { id: 'lint', name: 'lint', args: [bin('eslint', 'bin/eslint.js'), '.'] },
  { id: 'unit', name: 'unit', args: [bin('mocha', 'bin/mocha.js')] },
  { id: 'vscode', name: 'extension host', args: ['scripts/vscode/runVSCodeTests.mjs'] },
  { id: 'e2e', name: 'browser (e2e)', args: ['scripts/vscode/runE2E.mjs'] },
  { id: 'web', name: 'web worker host', args: ['scripts/vscode/runWebTests.mjs'] },
  { id: 'package', name: 'installed .vsix', args: ['scripts/vscode/runPackageTest.mjs'] },
];

/**
 * CPU seconds (user + system) of this process's children that have ended, from /proc/self/stat (cutime, cstime,
 * in clock ticks of 1/100 s); undefined where there is no /proc. A step's processes that outlive their parent
 * (reparented to init) are not counted, so it is a lower bound.
 */
function childrenCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 of proc(5)
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node ...args` in the repository, passing its output through while keeping a copy; resolves with both. */
function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.once('error', (e) => { output += String(e); resolve({ code: 1, output }); });
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
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
  for (const step of steps) {
    if (stopped || interrupted) {
      results.push({ name: step.name, code: null, seconds: 0 });
      continue;
    }
    console.log(`\n[test] ${step.name}: node ${step.args.map((a) => path.isAbsolute(a) ? path.relative(root, a) : a).join(' ')}`);
    const t0 = Date.now();
    const cpu0 = childrenCpuSeconds();
    const { code, output } = await run(step.args, env);
    const cpu1 = childrenCpuSeconds();
    const result = {
      name: step.name, code, seconds: (Date.now() - t0) / 1000, counts: mochaCounts(output),
      ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuSeconds: cpu1 - cpu0 } : {}),
    };
    results.push(result);
    if (stepFailed(result) && (step.required || values.bail)) stopped = true;
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
