import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isQuiet,
  nextChange,
  parseQuietArgs,
  quietHoursSchema,
  quietPeriodAt,
  type QuietHours,
} from '../../src/features/quiet-and-flood/quiet-hours.js';

const HOUR = 3_600_000;
const ALL_ZONES = Intl.supportedValuesOf('timeZone');
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
// Times near the usual change hours (01:00-03:59) are where daylight-saving bugs live: draw them often.
const nightTime = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 15, 30, 45, 59))
  .map(([h, m]) => `0${h}:${String(m).padStart(2, '0')}`);
const time = fc.oneof(hhmm, nightTime);
const days = fc.option(
  fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort((a, b) => a - b)),
  { nil: undefined },
);

function quietHours(zone: fc.Arbitrary<string>): fc.Arbitrary<QuietHours> {
  return fc
    .record({ start: time, end: time, timeZone: zone, days })
    .filter((q) => q.start !== q.end)
    .map((q) => (q.days === undefined ? { start: q.start, end: q.end, timeZone: q.timeZone } : q));
}

// Instants close to real clock changes, and anywhere between 1990 and 2040.
const TRANSITIONS = [
  '2024-03-31T01:00:00Z', // Europe/Paris forward
  '2024-10-27T01:00:00Z', // Europe/Paris back
  '2024-04-06T14:00:00Z', // Pacific/Auckland back
  '2024-09-28T14:00:00Z', // Pacific/Auckland forward
  '2024-03-10T05:30:00Z', // America/St_Johns forward
  '2024-11-03T04:30:00Z', // America/St_Johns back
  '2024-04-06T15:00:00Z', // Australia/Lord_Howe back (30 min)
  '2024-10-05T15:30:00Z', // Australia/Lord_Howe forward (30 min)
  '2011-12-30T10:00:00Z', // Pacific/Apia skips a day
  '2024-09-08T04:00:00Z', // America/Santiago forward at midnight
].map((iso) => Date.parse(iso));
const DST_ZONES = [
  'Europe/Paris',
  'Pacific/Auckland',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'America/Santiago',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/New_York',
];
const nearTransition = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -40 * HOUR, max: 40 * HOUR }))
  .map(([t, delta]) => new Date(t + delta));
const anyInstant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true });

function checkPeriod(q: QuietHours, t: Date): void {
  const period = quietPeriodAt(q, t);
  expect(isQuiet(q, t)).toBe(period !== null);
  if (!period) return;
  expect(period.start.getTime()).toBeLessThanOrEqual(t.getTime());
  expect(t.getTime()).toBeLessThan(period.end.getTime());
  expect(period.end.getTime()).toBeGreaterThan(period.start.getTime());
  expect(period.end.getTime() - period.start.getTime()).toBeLessThanOrEqual(25 * HOUR);
}

function checkNextChange(q: QuietHours, t: Date): void {
  const change = nextChange(q, t);
  expect(change).not.toBeNull(); // every generated value has at least one day
  const c = change!.getTime();
  expect(c).toBeGreaterThan(t.getTime());
  expect(c - t.getTime()).toBeLessThanOrEqual(8 * 24 * HOUR);
  const quietNow = isQuiet(q, t);
  // The state holds until the change, and flips there.
  expect(isQuiet(q, new Date(c - 1))).toBe(quietNow);
  expect(isQuiet(q, new Date(t.getTime() + Math.floor((c - t.getTime()) / 2)))).toBe(quietNow);
  expect(isQuiet(q, change!)).toBe(!quietNow);
}

describe('quiet hours properties', () => {
  it('parseQuietArgs never throws, on any strings', () => {
    const token = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('22:00-07:00', '22h', '-', 'to', 'à', '10pm', 'mon-fri', 'sat,', 'Europe/Paris', 'UTC', 'am', '24:00'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), fc.oneof(fc.string(), fc.constant('Europe/Paris')), (args, zone) => {
        const result = parseQuietArgs(args, zone);
        if (result.ok) expect(quietHoursSchema.safeParse(result.value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what it would print: "<start>-<end> <zone> <days>"', () => {
    fc.assert(
      fc.property(quietHours(fc.constantFrom(...ALL_ZONES)), (q) => {
        const args = [`${q.start}-${q.end}`, q.timeZone];
        if (q.days) args.push(q.days.map((d) => DAY_NAMES[d]).join(','));
        const expected = q.days && q.days.length === 7 ? { start: q.start, end: q.end, timeZone: q.timeZone } : q;
        expect(parseQuietArgs(args, 'UTC')).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('isQuiet agrees with quietPeriodAt, which contains the instant and is at most 25 h (any zone, any instant)', () => {
    fc.assert(
      fc.property(quietHours(fc.constantFrom(...ALL_ZONES)), anyInstant, checkPeriod),
      { numRuns: 1000 },
    );
  });

  it('the same holds around real clock changes', () => {
    fc.assert(
      fc.property(quietHours(fc.constantFrom(...DST_ZONES)), nearTransition, checkPeriod),
      { numRuns: 3000 },
    );
  });

  it('nextChange is the next instant the state flips', () => {
    fc.assert(fc.property(quietHours(fc.constantFrom(...DST_ZONES)), nearTransition, checkNextChange), {
      numRuns: 1000,
    });
    fc.assert(fc.property(quietHours(fc.constantFrom(...ALL_ZONES)), anyInstant, checkNextChange), {
      numRuns: 500,
    });
  });
});
