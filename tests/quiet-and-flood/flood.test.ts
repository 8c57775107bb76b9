import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floodCheck } from '../../src/features/quiet-and-flood/flood.js';

const limit = { messages: 3, seconds: 10 };

describe('floodCheck', () => {
  it('allows up to the limit within the window', () => {
    expect(floodCheck([], 1_000, limit)).toEqual({ over: false, keep: [1_000] });
    expect(floodCheck([1_000, 2_000], 3_000, limit)).toEqual({ over: false, keep: [1_000, 2_000, 3_000] });
  });

  it('flags the message one over the limit', () => {
    expect(floodCheck([1_000, 2_000, 3_000], 4_000, limit)).toEqual({
      over: true,
      keep: [1_000, 2_000, 3_000, 4_000],
    });
  });

  it('forgets messages that left the window (exactly `seconds` old is out)', () => {
    expect(floodCheck([1_000, 2_000, 3_000], 11_000, limit)).toEqual({ over: false, keep: [2_000, 3_000, 11_000] });
    expect(floodCheck([1_000, 2_000, 3_000], 20_000, limit)).toEqual({ over: false, keep: [20_000] });
  });

  it('keeps at most messages + 1 timestamps while a member floods', () => {
    let stored: number[] = [];
    let result = floodCheck(stored, 0, limit);
    for (let t = 0; t < 100; t++) {
      result = floodCheck(stored, t * 100, limit);
      stored = result.keep;
    }
    expect(result.over).toBe(true);
    expect(stored).toHaveLength(4);
  });

  it('sorts its input and counts timestamps slightly in the future as now', () => {
    expect(floodCheck([5_200, 4_000], 5_000, limit)).toEqual({ over: false, keep: [4_000, 5_000, 5_000] });
  });

  it('ignores garbage timestamps', () => {
    expect(floodCheck([Number.NaN, 4_000], 5_000, limit).keep).toEqual([4_000, 5_000]);
  });

  it('property: over exactly when more than `messages` fall in the window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 })),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 60 }),
        (timestamps, now, messages, seconds) => {
          const { over, keep } = floodCheck(timestamps, now, { messages, seconds });
          const count = timestamps.filter((t) => t > now - seconds * 1000).length + 1;
          expect(over).toBe(count > messages);
          expect(keep.length).toBe(Math.min(count, messages + 1));
          expect(keep).toContain(now);
          expect([...keep].sort((a, b) => a - b)).toEqual(keep);
        },
      ),
    );
  });
});
