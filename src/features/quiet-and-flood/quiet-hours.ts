// Quiet hours: when a group wants no non-urgent posts. Pure time logic, no storage: the /quiet command parses and
// stores a QuietHours value in the group's settings; the delivery layer asks isQuiet()/nextChange() before sending.
//
// Meaning, decided here once:
// - A quiet period starts at `start` local time on a local date and ends at the next `end` local time: the same day
//   when end > start (07:00-22:00 is a valid daytime range), the next day when end < start (22:00-07:00, overnight).
//   start == end is an empty range and is refused by the parser (error 'range'); for a stored value it means
//   "never quiet" rather than "always quiet".
// - `days` (0 = Sunday … 6 = Saturday) are the local dates on which a quiet period STARTS: with days = Fri, the
//   22:00-07:00 period runs from Friday 22:00 to Saturday 07:00. Absent means every day.
// - Periods are half-open: quiet at `start`, no longer quiet at `end`.
// - A local time is the first instant the zone's wall clock shows it (see instantOfLocal in zoned-time.ts): on the
//   autumn night a repeated 02:30 means the first 02:30; on the spring night 02:30 that does not exist means the
//   moment the clock jumps to 03:00. So the period 22:00-07:00 lasts 10 h in autumn and 8 h in spring, as the
//   wall clock says, and a period never ends before it starts.
import { z } from 'zod';
import { fold } from '../../text/fold.js';
import { canonicalTimeZone } from '../../i18n/time-zones.js';
import { parseWeekdays, TIME_OF_DAY_SOURCE, timeFromMatch } from './args.js';
import { instantOfLocal, localDayOf, weekdayOf } from './zoned-time.js';

export interface QuietHours {
  /** Local time 'HH:MM' (24 h) at which a quiet period starts. */
  start: string;
  /** Local time 'HH:MM' at which it ends (the next day when not after start). */
  end: string;
  /** IANA zone the times are in, e.g. Europe/Paris. */
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday: the days on which a quiet period starts. Absent = every day. */
  days?: number[];
}

/** What happens to members' own messages during quiet hours (`/quiet mode …`). */
export const QUIET_MODES = ['remind', 'delete', 'silent'] as const;
export type QuietMode = (typeof QUIET_MODES)[number];

export interface QuietPeriod {
  start: Date;
  end: Date;
}

export type QuietArgsError = 'time' | 'zone' | 'range' | 'days';
export type QuietArgsResult = { ok: true; value: QuietHours } | { ok: false; error: QuietArgsError };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** For reading a stored value back (group settings JSON, job payloads). */
export const quietHoursSchema = z
  .object({
    start: z.string().regex(HH_MM),
    end: z.string().regex(HH_MM),
    timeZone: z.string().refine((zone) => canonicalTimeZone(zone) !== null, 'unknown time zone'),
    days: z.array(z.number().int().min(0).max(6)).optional(),
  })
  .refine((q) => q.start !== q.end, 'empty range');

// "22:00-07:00", "22h - 7h", "10pm-7am", "from 22 to 7", "de 22h à 7h", "22 a 7", then whatever follows.
const RANGE = new RegExp(
  `^\\s*(?:(?:from|de|desde)\\s+)?${TIME_OF_DAY_SOURCE}\\s*` +
    `(?:-|\\u2013|\\u2014|~|\\.\\.|\\bto\\b|\\u00e0|\\ba\\b|\\buntil\\b|\\btill\\b|\\bhasta\\b|\\bjusqu'?\\u00e0)` +
    `\\s*${TIME_OF_DAY_SOURCE}(?:\\s+(.*))?$`,
  'i',
);

/**
 * Parses the arguments of `/quiet <HH:MM>-<HH:MM> [Area/City] [days]` (zone and days in either order). Never throws.
 * `defaultZone` (the group's zone) is used when no zone is given. Errors: 'time' (no readable range or an impossible
 * time such as 25:00), 'range' (start equals end), 'zone' (unknown or two zones), 'days' (unreadable days).
 */
export function parseQuietArgs(args: string[], defaultZone: string): QuietArgsResult {
  const text = args.join(' ');
  const match = RANGE.exec(text);
  if (!match) return { ok: false, error: 'time' };
  const lower = (group: string | undefined): string | undefined => group?.toLowerCase();
  const start = timeFromMatch(match.slice(1, 6).map(lower));
  const end = timeFromMatch(match.slice(6, 11).map(lower));
  if (!start || !end) return { ok: false, error: 'time' };
  if (start === end) return { ok: false, error: 'range' };

  const tokens = (match[11] ?? '').split(/\s+/).filter((token) => token !== '');
  let zone: string | null = null;
  const dayTokens: string[] = [];
  for (const token of tokens) {
    // A day word wins over a zone of the same name: "sat" is a day, never a zone.
    const asZone = parseWeekdays(token) === null ? canonicalTimeZone(token) : null;
    if (asZone === null) {
      dayTokens.push(token);
    } else if (zone !== null && zone !== asZone) {
      return { ok: false, error: 'zone' };
    } else {
      zone = asZone;
    }
  }

  let days: number[] | undefined;
  if (dayTokens.length > 0) {
    const parsed = parseWeekdays(dayTokens.join(' '));
    if (parsed === null) return { ok: false, error: looksLikeZone(dayTokens) ? 'zone' : 'days' };
    if (parsed.length < 7) days = parsed;
  }

  const timeZone = zone ?? canonicalTimeZone(defaultZone);
  if (timeZone === null) return { ok: false, error: 'zone' };
  return { ok: true, value: days ? { start, end, timeZone, days } : { start, end, timeZone } };
}

/** Which error to report for words that are neither days nor a known zone: "Europe/Pariss", "Paris" → zone. */
function looksLikeZone(tokens: string[]): boolean {
  return tokens.some((token) => parseWeekdays(token) === null && /[/_]|^\p{Lu}/u.test(token));
}

/** 'remind' | 'delete' | 'silent' (also fr rappel/supprimer/silence, es recordar/borrar/silencio), or null. */
export function parseQuietMode(text: string): QuietMode | null {
  const word = fold(text).trim();
  if (['remind', 'reminder', 'rappel', 'rappeler', 'recordar', 'recordatorio'].includes(word)) return 'remind';
  if (['delete', 'remove', 'supprimer', 'effacer', 'borrar', 'eliminar'].includes(word)) return 'delete';
  if (['silent', 'silence', 'nothing', 'rien', 'silencio', 'nada'].includes(word)) return 'silent';
  return null;
}

function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`quiet hours: not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The quiet period that starts on local day `day`, or null when none does (weekday limit, or empty that night). */
function periodStartingOn(q: QuietHours, day: number, startMinute: number, endMinute: number): QuietPeriod | null {
  if (startMinute === endMinute) return null;
  if (q.days && !q.days.includes(weekdayOf(day))) return null;
  const start = instantOfLocal(q.timeZone, day, startMinute);
  const end = instantOfLocal(q.timeZone, endMinute > startMinute ? day : day + 1, endMinute);
  // Both ends inside one spring-forward gap (02:10-02:40) map to the same instant: no quiet that night.
  return end > start ? { start: new Date(start), end: new Date(end) } : null;
}

/** Periods starting on local days `first`, `first + 1`… up to `last`, in order, computed only as far as needed. */
function* periodsFrom(q: QuietHours, first: number, last: number): Generator<QuietPeriod> {
  const startMinute = minutesOf(q.start);
  const endMinute = minutesOf(q.end);
  for (let day = first; day <= last; day++) {
    const period = periodStartingOn(q, day, startMinute, endMinute);
    if (period) yield period;
  }
}

/** The quiet period `now` is in, or null when the group is not quiet at `now`. */
export function quietPeriodAt(q: QuietHours, now: Date): QuietPeriod | null {
  const today = localDayOf(q.timeZone, now.getTime());
  // Yesterday's overnight period may still run; one extra day each side covers zones that skipped a date.
  for (const period of periodsFrom(q, today - 2, today + 1)) {
    if (period.start.getTime() <= now.getTime() && now.getTime() < period.end.getTime()) return period;
  }
  return null;
}

export function isQuiet(q: QuietHours, now: Date): boolean {
  return quietPeriodAt(q, now) !== null;
}

/**
 * The next instant after `now` at which quiet hours start or end: the end of the current quiet stretch when quiet
 * (the time to hold non-urgent deliveries until), otherwise the next start. Periods that touch (possible only around
 * a clock change) count as one stretch. Null when no period ever starts (an empty `days` list).
 */
export function nextChange(q: QuietHours, now: Date): Date | null {
  const at = now.getTime();
  const today = localDayOf(q.timeZone, at);
  // Periods never overlap and come in order. Nine days ahead always reaches the next allowed weekday's night.
  let stretchEnd: Date | null = null;
  for (const period of periodsFrom(q, today - 2, today + 9)) {
    if (stretchEnd) {
      // Quiet now: a period that starts exactly when the current one ends extends the stretch.
      if (period.start.getTime() > stretchEnd.getTime()) return stretchEnd;
      stretchEnd = period.end;
    } else if (period.start.getTime() > at) {
      return period.start;
    } else if (period.end.getTime() > at) {
      stretchEnd = period.end;
    }
  }
  return stretchEnd;
}
