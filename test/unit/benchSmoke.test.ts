import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.join(__dirname, '..', '..');

/** The keys `npm run bench -- --json` promises, each a median (number) or null where it was not measured. */
const SCALARS = [
  'incrementalMs', 'activationMs', 'openToDecorationsMs', 'bundleBytes', 'heapBytesPerMB', 'reanchor1000Ms', 'sidecar10000Ms',
] as const;

const isNumberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

describe('bench (--quick --json)', function () {
  // A smoke test of the bench's shape, not of its speed: it takes seconds on a quiet machine and several times that
  // on a loaded one, so the limit only stops a run that hangs.
  this.timeout(240_000);
  let report: Record<string, unknown>;

  before(async () => {
    const { stdout } = await promisify(execFile)(
      // The same path as `npm run bench`: bundle, then run the bundle.
      process.execPath, ['scripts/bench.mjs', '--quick', '--json'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 239_000 },
    );
    report = JSON.parse(stdout) as Record<string, unknown>;
  });

  it('reports every figure as a number, or null where it was not measured', () => {
    for (const key of SCALARS) assert.ok(key in report && isNumberOrNull(report[key]), `${key}: ${JSON.stringify(report[key])}`);
    const matcher = report.matcher as Record<string, unknown>[];
    const analysis = report.analysis as Record<string, unknown>[];
    assert.ok(Array.isArray(matcher) && matcher.length > 0, 'matcher rows');
    assert.ok(Array.isArray(analysis) && analysis.length > 0, 'analysis rows');
    for (const row of matcher) {
      for (const key of ['sizeBytes', 'terms', 'oursMBps', 'regexMBps']) assert.equal(typeof row[key], 'number', `matcher.${key}`);
      assert.ok(isNumberOrNull(row.indexOfMBps), 'matcher.indexOfMBps');
    }
    for (const row of analysis) for (const key of ['sizeBytes', 'ms']) assert.equal(typeof row[key], 'number', `analysis.${key}`);
    assert.equal(typeof report.incrementalMs, 'number', 'the incremental figure is measured even in --quick');
  });

  it('times only matchers that found the same hits, and an incremental analysis equal to a fresh one', () => {
    const matcher = report.matcher as { agreed: boolean; hits: number }[];
    assert.equal(report.matcherAgreed, true);
    for (const row of matcher) {
      assert.equal(row.agreed, true);
      assert.ok(row.hits > 0, 'the generated text contains terms');
    }
    assert.equal(report.incrementalAgreed, true);
  });
});
