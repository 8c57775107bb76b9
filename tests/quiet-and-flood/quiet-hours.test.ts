// Every instant is written with its local offset, so the expectations do not depend on the code under test.
import { describe, expect, it } from 'vitest';
import {
  isQuiet,
  nextChange,
  parseQuietArgs,
  parseQuietMode,
  quietHoursSchema,
  quietPeriodAt,
  type QuietHours,
} from '../../src/features/quiet-and-flood/quiet-hours.js';

const at = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

function period(q: QuietHours, iso: string): { start: string; end: string; hours: number } | null {
  const p = quietPeriodAt(q, at(iso));
  if (!p) return null;
  return { start: p.start.toISOString(), end: p.end.toISOString(), hours: (p.end.getTime() - p.start.getTime()) / HOUR };
}

const paris: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' };

describe('Paris, 22:00-07:00', () => {
  it('is quiet at 23:30 in winter (CET, +01:00)', () => {
    expect(isQuiet(paris, at('2024-01-15T23:30:00+01:00'))).toBe(true);
    expect(period(paris, '2024-01-15T23:30:00+01:00')).toEqual({
      start: at('2024-01-15T22:00:00+01:00').toISOString(),
      end: at('2024-01-16T07:00:00+01:00').toISOString(),
      hours: 9,
    });
    expect(nextChange(paris, at('2024-01-15T23:30:00+01:00'))).toEqual(at('2024-01-16T07:00:00+01:00'));
  });

  it('is quiet at 23:30 in summer (CEST, +02:00)', () => {
    expect(isQuiet(paris, at('2024-07-15T23:30:00+02:00'))).toBe(true);
    expect(period(paris, '2024-07-15T23:30:00+02:00')).toEqual({
      start: at('2024-07-15T22:00:00+02:00').toISOString(),
      end: at('2024-07-16T07:00:00+02:00').toISOString(),
      hours: 9,
    });
  });

  it('is not quiet at 23:30 UTC-thinking: 21:30 local in summer', () => {
    expect(isQuiet(paris, at('2024-07-15T21:30:00+02:00'))).toBe(false);
    expect(nextChange(paris, at('2024-07-15T21:30:00+02:00'))).toEqual(at('2024-07-15T22:00:00+02:00'));
  });

  it('covers the early morning of an overnight range, and the edges are half-open', () => {
    expect(isQuiet(paris, at('2024-01-16T06:59:59+01:00'))).toBe(true);
    expect(isQuiet(paris, at('2024-01-16T07:00:00+01:00'))).toBe(false);
    expect(isQuiet(paris, at('2024-01-15T21:59:59+01:00'))).toBe(false);
    expect(isQuiet(paris, at('2024-01-15T22:00:00+01:00'))).toBe(true);
    expect(isQuiet(paris, at('2024-01-16T12:00:00+01:00'))).toBe(false);
    expect(nextChange(paris, at('2024-01-16T07:00:00+01:00'))).toEqual(at('2024-01-16T22:00:00+01:00'));
  });

  it('lasts 10 hours on the night the clocks go back (last Sunday of October)', () => {
    expect(period(paris, '2024-10-27T02:30:00+01:00')).toEqual({
      start: at('2024-10-26T22:00:00+02:00').toISOString(),
      end: at('2024-10-27T07:00:00+01:00').toISOString(),
      hours: 10,
    });
    // Both 02:30s of that night are quiet.
    expect(isQuiet(paris, at('2024-10-27T02:30:00+02:00'))).toBe(true);
    expect(isQuiet(paris, at('2024-10-27T02:30:00+01:00'))).toBe(true);
  });

  it('lasts 8 hours on the night the clocks go forward (last Sunday of March)', () => {
    expect(period(paris, '2024-03-31T01:30:00+01:00')).toEqual({
      start: at('2024-03-30T22:00:00+01:00').toISOString(),
      end: at('2024-03-31T07:00:00+02:00').toISOString(),
      hours: 8,
    });
    expect(isQuiet(paris, at('2024-03-31T06:59:00+02:00'))).toBe(true);
    expect(isQuiet(paris, at('2024-03-31T07:00:00+02:00'))).toBe(false);
  });

  it('starts a 02:30 period when the clock jumps to 03:00 on the night 02:30 does not exist', () => {
    const q: QuietHours = { start: '02:30', end: '06:00', timeZone: 'Europe/Paris' };
    expect(isQuiet(q, at('2024-03-31T01:59:59+01:00'))).toBe(false);
    expect(nextChange(q, at('2024-03-31T01:00:00+01:00'))).toEqual(at('2024-03-31T03:00:00+02:00'));
    expect(period(q, '2024-03-31T03:00:00+02:00')).toEqual({
      start: at('2024-03-31T03:00:00+02:00').toISOString(),
      end: at('2024-03-31T06:00:00+02:00').toISOString(),
      hours: 3,
    });
  });

  it('ends a period at 03:00 when its 02:30 end does not exist', () => {
    const q: QuietHours = { start: '23:00', end: '02:30', timeZone: 'Europe/Paris' };
    expect(period(q, '2024-03-31T01:00:00+01:00')).toEqual({
      start: at('2024-03-30T23:00:00+01:00').toISOString(),
      end: at('2024-03-31T03:00:00+02:00').toISOString(),
      hours: 3,
    });
  });

  it('starts at the first 02:30 when 02:30 happens twice', () => {
    const q: QuietHours = { start: '02:30', end: '06:00', timeZone: 'Europe/Paris' };
    expect(period(q, '2024-10-27T02:45:00+02:00')?.start).toBe(at('2024-10-27T02:30:00+02:00').toISOString());
    expect(isQuiet(q, at('2024-10-27T02:15:00+01:00'))).toBe(true);
  });

  it('has no period on a night when both ends fall inside the skipped hour', () => {
    const q: QuietHours = { start: '02:10', end: '02:40', timeZone: 'Europe/Paris' };
    expect(isQuiet(q, at('2024-03-31T03:00:00+02:00'))).toBe(false);
    expect(nextChange(q, at('2024-03-30T12:00:00+01:00'))).toEqual(at('2024-04-01T02:10:00+02:00'));
  });
});

describe('two periods that touch across the spring-forward gap', () => {
  // 02:30-02:15 is quiet all day but 15 minutes. On 31 March both the night's end (02:15) and the next start (02:30)
  // fall in the skipped hour, so one period ends at 03:00 CEST exactly when the next begins.
  const q: QuietHours = { start: '02:30', end: '02:15', timeZone: 'Europe/Paris' };

  it('gives each instant its own period', () => {
    expect(period(q, '2024-03-31T01:59:00+01:00')?.end).toBe(at('2024-03-31T03:00:00+02:00').toISOString());
    expect(period(q, '2024-03-31T03:00:00+02:00')?.start).toBe(at('2024-03-31T03:00:00+02:00').toISOString());
  });

  it('tells the end of the whole quiet stretch as the next change', () => {
    expect(nextChange(q, at('2024-03-31T01:00:00+01:00'))).toEqual(at('2024-04-01T02:15:00+02:00'));
  });
});

describe('daytime ranges and weekday limits', () => {
  it('treats 07:00-22:00 as a daytime range, not a reversed one', () => {
    const day: QuietHours = { start: '07:00', end: '22:00', timeZone: 'Europe/Paris' };
    expect(isQuiet(day, at('2024-01-15T12:00:00+01:00'))).toBe(true);
    expect(isQuiet(day, at('2024-01-15T23:00:00+01:00'))).toBe(false);
    expect(isQuiet(day, at('2024-01-15T06:00:00+01:00'))).toBe(false);
    expect(period(day, '2024-01-15T12:00:00+01:00')?.hours).toBe(15);
  });

  // 2024-01-19 is a Friday.
  const weeknights: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5] };

  it('limits to the nights that start on the listed days', () => {
    expect(isQuiet(weeknights, at('2024-01-19T23:00:00+01:00'))).toBe(true); // Friday night
    expect(isQuiet(weeknights, at('2024-01-20T06:00:00+01:00'))).toBe(true); // …still Friday's night
    expect(isQuiet(weeknights, at('2024-01-20T23:00:00+01:00'))).toBe(false); // Saturday night
    expect(isQuiet(weeknights, at('2024-01-21T23:00:00+01:00'))).toBe(false); // Sunday night
    expect(isQuiet(weeknights, at('2024-01-22T06:00:00+01:00'))).toBe(false); // …Sunday's night, Monday morning
    expect(isQuiet(weeknights, at('2024-01-22T23:00:00+01:00'))).toBe(true); // Monday night
  });

  it('skips the free days when telling the next change', () => {
    expect(nextChange(weeknights, at('2024-01-20T07:00:00+01:00'))).toEqual(at('2024-01-22T22:00:00+01:00'));
  });

  it('is never quiet with an empty day list', () => {
    const never: QuietHours = { ...paris, days: [] };
    expect(isQuiet(never, at('2024-01-15T23:30:00+01:00'))).toBe(false);
    expect(nextChange(never, at('2024-01-15T23:30:00+01:00'))).toBeNull();
  });

  it('uses the local weekday far from UTC (Auckland, Friday nights only)', () => {
    const fridays: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Pacific/Auckland', days: [5] };
    // Saturday 06:00 in Auckland is still Friday 17:00 UTC: quiet, the night started on Friday.
    expect(isQuiet(fridays, at('2024-01-20T06:00:00+13:00'))).toBe(true);
    // Friday 06:00 in Auckland is Thursday in UTC: Thursday's night, not quiet.
    expect(isQuiet(fridays, at('2024-01-19T06:00:00+13:00'))).toBe(false);
    expect(nextChange(fridays, at('2024-01-19T06:00:00+13:00'))).toEqual(at('2024-01-19T22:00:00+13:00'));
  });
});

describe('zones far from UTC', () => {
  const auckland: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Pacific/Auckland' };

  it('Pacific/Auckland in summer (+13) and winter (+12)', () => {
    expect(period(auckland, '2024-01-15T23:30:00+13:00')?.start).toBe(at('2024-01-15T22:00:00+13:00').toISOString());
    expect(period(auckland, '2024-07-15T23:30:00+12:00')?.end).toBe(at('2024-07-16T07:00:00+12:00').toISOString());
    expect(isQuiet(auckland, at('2024-07-15T21:30:00+12:00'))).toBe(false);
  });

  it('Pacific/Auckland clock changes: 10 h in April, 8 h in September', () => {
    expect(period(auckland, '2024-04-07T01:00:00+13:00')?.hours).toBe(10);
    expect(period(auckland, '2024-09-29T01:00:00+12:00')).toEqual({
      start: at('2024-09-28T22:00:00+12:00').toISOString(),
      end: at('2024-09-29T07:00:00+13:00').toISOString(),
      hours: 8,
    });
  });

  it('Asia/Kathmandu (+05:45)', () => {
    const q: QuietHours = { start: '23:00', end: '06:00', timeZone: 'Asia/Kathmandu' };
    expect(isQuiet(q, at('2024-05-01T22:59:00+05:45'))).toBe(false);
    expect(isQuiet(q, at('2024-05-01T23:10:00+05:45'))).toBe(true);
    expect(period(q, '2024-05-01T23:10:00+05:45')?.start).toBe('2024-05-01T17:15:00.000Z');
  });

  it('America/St_Johns (-03:30, -02:30 in summer) and its spring-forward night', () => {
    const q: QuietHours = { start: '22:00', end: '07:00', timeZone: 'America/St_Johns' };
    expect(period(q, '2024-01-15T23:00:00-03:30')?.start).toBe(at('2024-01-15T22:00:00-03:30').toISOString());
    expect(period(q, '2024-07-15T23:00:00-02:30')?.end).toBe(at('2024-07-16T07:00:00-02:30').toISOString());
    expect(period(q, '2024-03-10T01:00:00-03:30')).toEqual({
      start: at('2024-03-09T22:00:00-03:30').toISOString(),
      end: at('2024-03-10T07:00:00-02:30').toISOString(),
      hours: 8,
    });
  });

  it('Australia/Lord_Howe, whose clocks move by half an hour', () => {
    const q: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Australia/Lord_Howe' };
    expect(period(q, '2024-04-07T01:00:00+11:00')?.hours).toBe(9.5);
  });

  it('Pacific/Apia, which skipped 30 December 2011 entirely', () => {
    const q: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Pacific/Apia' };
    // The night of Thursday 29 December ends when the clock jumps from 23:59:59 on the 29th to 00:00 on the 31st.
    expect(period(q, '2011-12-29T23:00:00-10:00')).toEqual({
      start: at('2011-12-29T22:00:00-10:00').toISOString(),
      end: at('2011-12-31T00:00:00+14:00').toISOString(),
      hours: 2,
    });
  });
});

describe('parseQuietArgs', () => {
  const ok = (start: string, end: string, timeZone = 'Europe/Paris', days?: number[]) => ({
    ok: true,
    value: days ? { start, end, timeZone, days } : { start, end, timeZone },
  });

  it.each([
    [['22:00-07:00'], ok('22:00', '07:00')],
    [['22h-7h'], ok('22:00', '07:00')],
    [['22:00', '-', '07:00'], ok('22:00', '07:00')],
    [['22:00', '-07:00'], ok('22:00', '07:00')],
    [['22:00\u201307:00'], ok('22:00', '07:00')],
    [['10pm-7am'], ok('22:00', '07:00')],
    [['10:30pm', 'to', '6:15am'], ok('22:30', '06:15')],
    [['de', '22h30', 'à', '7h'], ok('22:30', '07:00')],
    [['22-7'], ok('22:00', '07:00')],
    [['07:00-22:00'], ok('07:00', '22:00')],
    [['24:00-06:00'], ok('00:00', '06:00')],
    [['12am-6am'], ok('00:00', '06:00')],
    [['22:00-07:00', 'Pacific/Auckland'], ok('22:00', '07:00', 'Pacific/Auckland')],
    [['22:00-07:00', 'america/st_johns'], ok('22:00', '07:00', 'America/St_Johns')],
    [['22:00-07:00', 'UTC'], ok('22:00', '07:00', 'UTC')],
    [['22:00-07:00', 'mon-fri'], ok('22:00', '07:00', 'Europe/Paris', [1, 2, 3, 4, 5])],
    [['22:00-07:00', 'Asia/Kathmandu', 'sat,sun'], ok('22:00', '07:00', 'Asia/Kathmandu', [0, 6])],
    [['22:00-07:00', 'sat,', 'sun', 'Asia/Kathmandu'], ok('22:00', '07:00', 'Asia/Kathmandu', [0, 6])],
    [['22:00-07:00', 'weekends'], ok('22:00', '07:00', 'Europe/Paris', [0, 6])],
    [['22h-7h', 'lun-ven'], ok('22:00', '07:00', 'Europe/Paris', [1, 2, 3, 4, 5])],
    [['22:00-07:00', 'mon', '-', 'fri'], ok('22:00', '07:00', 'Europe/Paris', [1, 2, 3, 4, 5])],
    [['22:00-07:00', 'daily'], ok('22:00', '07:00')],
    [['22:00-07:00', 'Europe/Paris', 'Europe/Paris'], ok('22:00', '07:00')],
  ])('%j', (args, expected) => expect(parseQuietArgs(args, 'Europe/Paris')).toEqual(expected));

  it.each([
    [[], 'time'],
    [[''], 'time'],
    [['off'], 'time'],
    [['22:00'], 'time'],
    [['22:00-'], 'time'],
    [['25:00-07:00'], 'time'],
    [['22:00-07:60'], 'time'],
    [['13pm-7am'], 'time'],
    [['22:00-07:00x'], 'time'],
    [['22:00-07:00-08:00'], 'time'],
    [['22:00-22:00'], 'range'],
    [['10pm-22:00'], 'range'],
    [['00:00-24:00'], 'range'],
    [['22:00-07:00', 'Mars/Olympus'], 'zone'],
    [['22:00-07:00', 'Europe/Pariss'], 'zone'],
    [['22:00-07:00', 'Paris'], 'zone'],
    [['22:00-07:00', 'Europe/Paris', 'America/New_York'], 'zone'],
    [['22:00-07:00', 'mon-fry'], 'days'],
    [['22:00-07:00', 'someday'], 'days'],
    [['22:00-07:00', 'mon', 'soon'], 'days'],
  ])('%j → %s', (args, error) => expect(parseQuietArgs(args, 'Europe/Paris')).toEqual({ ok: false, error }));

  it('reports an unknown default zone when no zone is given', () => {
    expect(parseQuietArgs(['22:00-07:00'], 'Nowhere/Land')).toEqual({ ok: false, error: 'zone' });
    expect(parseQuietArgs(['22:00-07:00', 'UTC'], 'Nowhere/Land')).toEqual(ok('22:00', '07:00', 'UTC'));
  });

  it('produces values the stored-value schema accepts', () => {
    const result = parseQuietArgs(['22:00-07:00', 'Pacific/Auckland', 'mon-fri'], 'Europe/Paris');
    expect(result.ok && quietHoursSchema.parse(result.value)).toEqual(result.ok && result.value);
    expect(quietHoursSchema.safeParse({ start: '22:00', end: '22:00', timeZone: 'UTC' }).success).toBe(false);
    expect(quietHoursSchema.safeParse({ start: '22:00', end: '7:00', timeZone: 'UTC' }).success).toBe(false);
    expect(quietHoursSchema.safeParse({ start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(quietHoursSchema.safeParse({ start: '22:00', end: '07:00', timeZone: 'UTC', days: [7] }).success).toBe(false);
  });
});

describe('parseQuietMode', () => {
  it.each([
    ['remind', 'remind'],
    ['Rappel', 'remind'],
    ['delete', 'delete'],
    ['supprimer', 'delete'],
    ['borrar', 'delete'],
    ['silent', 'silent'],
    ['SILENCE', 'silent'],
    ['silencio', 'silent'],
    ['explode', null],
    ['', null],
  ])('%j → %j', (text, mode) => expect(parseQuietMode(text)).toBe(mode));
});

describe('stored values that are not valid', () => {
  it('throws on a malformed time instead of guessing', () => {
    expect(() => isQuiet({ start: '7:00', end: '22:00', timeZone: 'UTC' }, at('2024-01-01T12:00:00Z'))).toThrow(
      RangeError,
    );
  });

  it('treats start == end as never quiet', () => {
    const q: QuietHours = { start: '22:00', end: '22:00', timeZone: 'UTC' };
    expect(isQuiet(q, at('2024-01-01T22:30:00Z'))).toBe(false);
    expect(nextChange(q, at('2024-01-01T22:30:00Z'))).toBeNull();
  });
});
