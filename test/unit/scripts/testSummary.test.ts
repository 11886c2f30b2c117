// The summary `npm test` prints at the end (scripts/testSummary.mjs): counts read from mocha's own closing lines,
// failures from the exit code too, one aligned line per step.
import * as assert from 'node:assert/strict';
import { flakyTests, formatDuration, formatSummary, mochaCounts, mochaFailures, stepFailed } from '../../../scripts/testSummary.mjs';

/** The closing lines of a coloured mocha spec run, as the extension-host runner forwards them. */
const COLOURED = '\u001b[92m \u001b[0m\u001b[32m 29 passing\u001b[0m\u001b[90m (17s)\u001b[0m\n\u001b[36m  2 pending\u001b[0m\n';

describe('npm test summary (scripts/testSummary.mjs)', () => {
  describe('mochaCounts', () => {
    it('reads passing, failing and pending from plain and coloured output', () => {
      assert.deepEqual(mochaCounts('  ✔ one\n\n  317 passing (57s)\n'), { passed: 317, failed: 0, pending: 0 });
      assert.deepEqual(mochaCounts(COLOURED), { passed: 29, failed: 0, pending: 2 });
      assert.deepEqual(mochaCounts('  10 passing (1m)\n  1 failing\n\n  1) suite\n       test:\n     Error: 3 failing things'),
        { passed: 10, failed: 1, pending: 0 });
    });

    it('counts a run where every test failed, and sums several runs in one output', () => {
      assert.deepEqual(mochaCounts('\n  0 passing (2s)\n  1 failing\n'), { passed: 0, failed: 1, pending: 0 });
      assert.deepEqual(mochaCounts('  3 passing (1s)\n...\n  4 passing (2s)\n  1 failing\n'), { passed: 7, failed: 1, pending: 0 });
    });

    it('finds nothing in a step that is no mocha run, nor in test titles that contain the words', () => {
      assert.equal(mochaCounts('dist/extension.js  512.0kb\n⚡ Done in 950ms\n'), undefined);
      assert.equal(mochaCounts('  ✔ keeps 3 passing tests apart\n'), undefined);
    });
  });

  describe('mochaFailures', () => {
    it('names each failing test with its suites and the first line of its error', () => {
      const output = [
        '  ✔ passes', '', '  39 passing (4m)', '  2 failing', '',
        '  1) browser: dashboard', '       Article tab', '         shows sections:',
        '     AssertionError [ERR_ASSERTION]: expected 3 rows', '      + expected - actual', '      at Context.<anonymous>', '',
        '  2) browser: editor', '       "before all" hook for "x":', '     Error: Timeout of 60000ms exceeded.', '',
      ].join('\n');
      assert.deepEqual(mochaFailures(output), [
        '1) browser: dashboard › Article tab › shows sections: AssertionError [ERR_ASSERTION]: expected 3 rows',
        '2) browser: editor › "before all" hook for "x": Error: Timeout of 60000ms exceeded.',
      ]);
    });

    it('finds none in a passing run, nor in numbered lines outside the failing list', () => {
      assert.deepEqual(mochaFailures('  1) not a failure\n  3 passing (1s)\n'), []);
    });
  });

  describe('flakyTests', () => {
    it('reads the retried tests the e2e reporter names', () => {
      const output = '    ✔ one\n\u001b[0m    [flaky] browser: dashboard sorts: failed (Timeout of 60000ms exceeded.); trying it once more\n    ✔ sorts\n';
      assert.deepEqual(flakyTests(output), ['browser: dashboard sorts: failed (Timeout of 60000ms exceeded.)']);
      assert.deepEqual(flakyTests('  40 passing\n'), []);
    });
  });

  describe('stepFailed', () => {
    it('fails on a non-zero exit code or a reported failure, not on a step that did not run', () => {
      assert.equal(stepFailed({ name: 'lint', code: 0, seconds: 1 }), false);
      assert.equal(stepFailed({ name: 'lint', code: 1, seconds: 1 }), true);
      assert.equal(stepFailed({ name: 'unit', code: 0, seconds: 1, counts: { passed: 3, failed: 1, pending: 0 } }), true);
      assert.equal(stepFailed({ name: 'e2e', code: null, seconds: 0 }), false);
    });
  });

  describe('formatSummary', () => {
    it('prints one aligned line per step and a total line that names the failures', () => {
      const text = formatSummary([
        { name: 'build', code: 0, seconds: 4.04 },
        { name: 'unit', code: 0, seconds: 57.3, counts: { passed: 317, failed: 0, pending: 0 } },
        { name: 'browser (e2e)', code: 1, seconds: 95.55, counts: { passed: 10, failed: 1, pending: 0 } },
        { name: 'installed .vsix', code: null, seconds: 0 },
      ], 431.2);
      assert.equal(text, [
        'suite            passed  failed  seconds',
        'build                 -       -      4.0  ok',
        'unit                317       0     57.3  ok',
        'browser (e2e)        10       1     95.5  FAILED (exit 1)',
        'installed .vsix       -       -        -  not run',
        'FAILED: browser (e2e) in 7 min 11 s',
      ].join('\n'));
    });

    it('names the failing tests of a step under the table, before the total line', () => {
      const text = formatSummary([
        { name: 'unit', code: 0, seconds: 1, counts: { passed: 3, failed: 0, pending: 0 }, failures: [] },
        { name: 'browser (e2e)', code: 1, seconds: 2, counts: { passed: 1, failed: 1, pending: 0 }, failures: ['1) a › b: Error: x'] },
      ], 3);
      assert.deepEqual(text.split('\n').slice(-2), ['  browser (e2e) 1) a › b: Error: x', 'FAILED: browser (e2e) in 3 s']);
    });

    it('names the tests that passed only on a retry, so a retry hides nothing', () => {
      const text = formatSummary([
        { name: 'browser (e2e)', code: 0, seconds: 2, counts: { passed: 2, failed: 0, pending: 0 }, flaky: ['a › b: failed (x)'] },
      ], 2);
      assert.deepEqual(text.split('\n').slice(-2), ['  browser (e2e) flaky (failed once, then retried): a › b: failed (x)', 'all 1 steps passed in 2 s']);
    });

    it('adds a CPU column and total when the steps know their CPU time', () => {
      const text = formatSummary([
        { name: 'lint', code: 0, seconds: 70.2, cpuSeconds: 31.04 },
        { name: 'unit', code: 0, seconds: 95.1, cpuSeconds: 60, counts: { passed: 330, failed: 0, pending: 0 } },
        { name: 'web worker host', code: null, seconds: 0 },
      ], 170);
      assert.equal(text, [
        'suite            passed  failed  seconds  cpu s',
        'lint                  -       -     70.2   31.0  ok',
        'unit                330       0     95.1   60.0  ok',
        'web worker host       -       -        -      -  not run',
        '2 of 3 steps passed, 1 not run in 2 min 50 s (CPU 1 min 31 s)',
      ].join('\n'));
    });

    it('says all passed, with pending tests and a crash that reported no failure', () => {
      const ok = formatSummary([{ name: 'unit', code: 0, seconds: 2, counts: { passed: 5, failed: 0, pending: 2 } }], 2);
      assert.equal(ok, 'suite  passed  failed  seconds\nunit        5       0      2.0  ok (2 pending)\nall 1 steps passed in 2 s');
      const crashed = formatSummary([{ name: 'web worker host', code: 1, seconds: 3, counts: { passed: 9, failed: 0, pending: 0 } }], 3);
      assert.match(crashed, /^web worker host {7}9 {7}0 {6}3\.0 {2}FAILED \(exit 1\)$/m);
      assert.match(crashed, /^FAILED: web worker host in 3 s$/m);
    });
  });

  it('formatDuration', () => {
    assert.equal(formatDuration(59.4), '59 s');
    assert.equal(formatDuration(60), '1 min 0 s');
    assert.equal(formatDuration(479.6), '8 min 0 s');
  });
});
