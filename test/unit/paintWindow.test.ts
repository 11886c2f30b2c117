import assert from 'node:assert/strict';
import { firstRowAtLeast } from '../../src/core/analyze/tables';
import { MIN_MARGIN_LINES, RULER_BANDS, bandShift, paintWindow, stillCovered } from '../../src/extension/decorations/paintWindow';

describe('decorations: which lines of a long article to paint', () => {
  it('paints three screens (at least MIN_MARGIN_LINES) beyond the visible lines, clipped to the document', () => {
    assert.deepEqual(paintWindow({ from: 1000, to: 1049 }, 100_000), { from: 1000 - MIN_MARGIN_LINES, to: 1049 + MIN_MARGIN_LINES });
    assert.deepEqual(paintWindow({ from: 1000, to: 1099 }, 100_000), { from: 700, to: 1399 });
    assert.deepEqual(paintWindow({ from: 0, to: 40 }, 150), { from: 0, to: 149 });
  });

  it('repaints only when the screen nears the edge of what was painted, never at the document ends', () => {
    const painted = paintWindow({ from: 1000, to: 1049 }, 100_000);
    assert.equal(stillCovered(painted, { from: 1010, to: 1059 }, 100_000), true);
    assert.equal(stillCovered(painted, { from: 1200, to: 1249 }, 100_000), false);
    assert.equal(stillCovered(painted, { from: 700, to: 749 }, 100_000), false);
    const top = paintWindow({ from: 0, to: 49 }, 100_000);
    assert.equal(stillCovered(top, { from: 0, to: 49 }, 100_000), true);
    const whole = paintWindow({ from: 0, to: 49 }, 120);
    assert.equal(stillCovered(whole, { from: 70, to: 119 }, 120), true);
  });

  it('finds the first row on or after a line by binary search, as a linear scan would', () => {
    const lines = Int32Array.from([0, 0, 2, 2, 2, 5, 9, 9]);
    for (let line = -1; line <= 10; line++) {
      const linear = [...lines].findIndex((l) => l >= line);
      assert.equal(firstRowAtLeast(lines, lines.length, line), linear === -1 ? lines.length : linear, `line ${line}`);
    }
  });

  it('marks the ruler at most RULER_BANDS bands high: one band per line for short articles', () => {
    assert.equal(bandShift(10), 0);
    assert.equal(bandShift(RULER_BANDS), 0);
    for (const lines of [RULER_BANDS + 1, 100_000, 3_000_000]) {
      const shift = bandShift(lines);
      assert.ok(lines >> shift <= RULER_BANDS && lines >> (shift - 1) > RULER_BANDS, `${lines} lines: shift ${shift}`);
    }
  });
});
