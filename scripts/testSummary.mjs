// What `npm test` (scripts/test.mjs) says at the end: one line per step, read from the step's own output (mocha's
// closing "N passing / N failing / N pending" lines) and its exit code. Pure functions, unit-tested.

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * The counts mocha printed in `output` (colours allowed), summed over every run in it; undefined when no mocha
 * summary is in it (a build step, or a runner that died before its tests ended).
 * @param {string} output
 * @returns {{ passed: number, failed: number, pending: number } | undefined}
 */
export function mochaCounts(output) {
  const text = output.replace(ANSI, '');
  const sum = (word) => {
    let total;
    for (const m of text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))) total = (total ?? 0) + Number(m[1]);
    return total;
  };
  const passed = sum('passing');
  const failed = sum('failing');
  const pending = sum('pending');
  if (passed === undefined && failed === undefined && pending === undefined) return undefined;
  return { passed: passed ?? 0, failed: failed ?? 0, pending: pending ?? 0 };
}

/**
 * The tests mocha reported as failing in `output` (colours allowed), each as "suite › test: first line of the
 * error", read from the numbered list mocha prints after "N failing", so that the end of a long log (all a CI
 * page may show) names what failed, not only how many.
 * @param {string} output
 * @returns {string[]}
 */
export function mochaFailures(output) {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const failures = [];
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*\d+ failing\b/.test(lines[i])) { inList = true; continue; }
    if (/^\s*\d+ passing\b/.test(lines[i])) { inList = false; continue; }
    const head = inList ? /^\s{1,4}(\d+)\) (.*)$/.exec(lines[i]) : null;
    if (!head) continue;
    const title = [head[2].trim()];
    let j = i + 1;
    // Title lines follow, the last ending with ':'; then the error's first line.
    while (j < lines.length && !title[title.length - 1].endsWith(':') && lines[j].trim() !== '') title.push(lines[j++].trim());
    while (j < lines.length && lines[j].trim() === '') j++;
    const error = j < lines.length ? lines[j].trim() : '';
    failures.push(`${head[1]}) ${title.join(' › ').replace(/:$/, '')}${error ? `: ${error}` : ''}`);
    i = j;
  }
  return failures;
}

/**
 * The tests that failed once and passed or failed on their retry, from the "[flaky] title: failed (reason)" lines
 * the e2e reporter (test/e2e/reporter.cjs) prints, so that a retry never hides a miss.
 * @param {string} output
 * @returns {string[]}
 */
export function flakyTests(output) {
  const found = [];
  for (const m of output.replace(ANSI, '').matchAll(/^\s*\[flaky\] (.*?); trying it once more$/gm)) found.push(m[1]);
  return found;
}

/**
 * @typedef {object} StepResult
 * @property {string} name         what the summary calls the step ("unit", "browser (e2e)"...)
 * @property {number | null} code  its exit code; null when it was not run (an earlier step it needs failed)
 * @property {number} seconds     wall-clock time
 * @property {number} [cpuSeconds] CPU time of the step's processes (Linux), a machine-load-independent figure
 * @property {{ passed: number, failed: number, pending: number } | undefined} [counts]
 * @property {readonly string[]} [failures] the failing tests, as mochaFailures reads them
 * @property {readonly string[]} [flaky] the tests that failed a first try, as flakyTests reads them
 */

/**
 * Whether a step failed: a non-zero exit code, or mocha reporting a failure whatever the exit code. A step that
 * did not run is not a failure of its own (the one that stopped the run is).
 * @param {StepResult} step
 */
export function stepFailed(step) {
  return step.code !== null && (step.code !== 0 || (step.counts?.failed ?? 0) > 0);
}

/**
 * The summary table: a header, one line per step (name, passed, failed, seconds, CPU seconds when known, verdict),
 * and a total line. Counts show as "-" for steps that are not test suites.
 * @param {readonly StepResult[]} steps
 * @param {number} totalSeconds
 * @returns {string}
 */
export function formatSummary(steps, totalSeconds) {
  const withCpu = steps.some((s) => s.cpuSeconds !== undefined);
  const rows = steps.map((s) => [
    s.name,
    s.counts ? String(s.counts.passed) : '-',
    s.counts ? String(s.counts.failed) : '-',
    s.code === null ? '-' : s.seconds.toFixed(1),
    ...(withCpu ? [s.code === null || s.cpuSeconds === undefined ? '-' : s.cpuSeconds.toFixed(1)] : []),
    verdict(s),
  ]);
  const header = ['suite', 'passed', 'failed', 'seconds', ...(withCpu ? ['cpu s'] : []), ''];
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ').trimEnd();
  const failed = steps.filter(stepFailed).map((s) => s.name);
  const notRun = steps.filter((s) => s.code === null).length;
  const verdictLine = failed.length > 0 ? `FAILED: ${failed.join(', ')}`
    : notRun > 0 ? `${steps.length - notRun} of ${steps.length} steps passed, ${notRun} not run`
      : `all ${steps.length} steps passed`;
  const cpu = withCpu ? ` (CPU ${formatDuration(steps.reduce((sum, s) => sum + (s.cpuSeconds ?? 0), 0))})` : '';
  const failureLines = steps.flatMap((s) => (s.failures ?? []).slice(0, MAX_FAILURES_SHOWN).map((f) =>
    `  ${s.name} ${f.length > 200 ? `${f.slice(0, 199)}…` : f}`).concat(
    (s.failures?.length ?? 0) > MAX_FAILURES_SHOWN ? [`  ${s.name}: ${s.failures.length - MAX_FAILURES_SHOWN} more failing, see above`] : []));
  const flakyLines = steps.flatMap((s) => (s.flaky ?? []).slice(0, MAX_FAILURES_SHOWN).map((f) =>
    `  ${s.name} flaky (failed once, then retried): ${f.length > 180 ? `${f.slice(0, 179)}…` : f}`));
  return [line(header), ...rows.map(line), ...flakyLines, ...failureLines, `${verdictLine} in ${formatDuration(totalSeconds)}${cpu}`].join('\n');
}

/** Failing tests named per step in the summary; the rest are counted. */
const MAX_FAILURES_SHOWN = 5;

/** @param {StepResult} step */
function verdict(step) {
  if (step.code === null) return 'not run';
  if (!stepFailed(step)) return step.counts?.pending ? `ok (${step.counts.pending} pending)` : 'ok';
  return step.code === 0 ? 'FAILED' : `FAILED (exit ${step.code})`;
}

/** "7 min 3 s", "42 s". @param {number} seconds */
export function formatDuration(seconds) {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
