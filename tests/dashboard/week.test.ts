// Quiet hours drawn over the week: which minutes of which day are shaded.
import { describe, expect, it } from 'vitest';
import { quietSegments } from '../../src/features/dashboard/pages/week.js';

describe('quiet hours over the week', () => {
  it('shade an overnight range at the end of its start day and the start of the next', () => {
    expect(quietSegments({ start: '22:00', end: '07:00', timeZone: 'UTC', days: [5] })).toEqual([
      { day: 5, from: 1320, to: 1440 },
      { day: 6, from: 0, to: 420 },
    ]);
  });

  it('wrap Saturday night into Sunday morning', () => {
    expect(quietSegments({ start: '23:30', end: '01:00', timeZone: 'UTC', days: [6] })).toEqual([
      { day: 6, from: 1410, to: 1440 },
      { day: 0, from: 0, to: 60 },
    ]);
  });

  it('shade a daytime range within its day, every day when no days are given', () => {
    const segments = quietSegments({ start: '12:00', end: '14:00', timeZone: 'UTC' });
    expect(segments).toHaveLength(7);
    expect(segments.every((s) => s.from === 720 && s.to === 840)).toBe(true);
  });

  it('end at midnight without an empty segment the next day', () => {
    expect(quietSegments({ start: '20:00', end: '00:00', timeZone: 'UTC', days: [1] })).toEqual([{ day: 1, from: 1200, to: 1440 }]);
  });
});
