// The forgiving reader of an event's <when>, in the group's time zone: `2026-06-05 18:00`, `5/6 18h`, `sat 18:00`,
// `samedi 18h`, `tomorrow 7pm`, `el 5 de junio a las 18:00`, `السبت ٦ مساءً`, `у суботу о 18`. Local wall-clock
// times become instants through the zone's own rules, so a time after a daylight-saving change is still right.
// What cannot be read for sure is not guessed: a day without a time, an hour from 1 to 7 without am/pm, a weekday
// that does not match the date given, are answered with how it was read; a time already gone is answered as past.
import { instantOfLocal, localDayOf, offsetAt, weekdayOf } from '../quiet-and-flood/zoned-time.js';
import { DAY_UNITS, HOUR_SUFFIXES, HOUR_UNITS, IN_WORDS, LAST_WORDS, MONTHS, PHRASES, WEEKDAYS, WEEKDAY_OR_MONTH, WORDS, fold } from './date-words.js';

const DAY_MS = 86_400_000;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type DateReading =
  /** `at` is the instant; `local` the wall-clock time in the zone. */
  | { kind: 'ok'; at: number; local: LocalDateTime }
  | { kind: 'past'; at: number; local: LocalDateTime }
  /** Read, but not for sure: `local` says how (hour and minute absent when no time was given). */
  | { kind: 'ambiguous'; reason: 'no-time' | 'hour' | 'weekday'; at?: number; local: Partial<LocalDateTime> & { year: number; month: number; day: number } }
  | { kind: 'invalid' };

/** A date given without a year that went by less than this long ago is past; longer ago, it means next year. */
const PAST_WINDOW_DAYS = 60;

interface Pieces {
  date?: { year?: number; month: number; day: number };
  /** "in 2 hours": minutes from now. */
  inMinutes?: number;
  /** "last saturday": the weekday gone by. */
  last?: boolean;
  /** Something that names a date but cannot be one ("32 de mayo"). */
  impossible?: boolean;
  offset?: number;
  weekday?: number;
  next?: boolean;
  time?: { hour: number; minute: number; explicit: boolean; period?: 'am' | 'pm' };
  period?: 'am' | 'pm' | 'evening' | 'noon' | 'midnight';
  bareHour?: number;
  year?: number;
}

const boundary = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}§])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
const phraseRules = PHRASES.map(([phrase, marker]) => [boundary(fold(phrase)), ` ${marker} `] as const);

/** Rewrites known phrases as markers and splits the rest into tokens. */
function tokens(input: string): string[] {
  let text = ` ${fold(input)} `;
  for (const [pattern, marker] of phraseRules) text = text.replace(pattern, marker);
  text = text
    // "6 pm", "7:15 p.m." → "6pm"; "18 h", "19 heures", "18 год" → "18h".
    .replace(/(\d)\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])/gu, (_m, d: string, p: string) => `${d}${p.replace(/\./g, '')}`)
    .replace(new RegExp(`(\\d)\\s+(${HOUR_SUFFIXES.map((s) => s.replace('.', '\\.')).join('|')})(?![\\p{L}])`, 'gu'), '$1h')
    .replace(/[,،;!?()]/g, ' ')
    // "sam." / "févr." lose their abbreviation point; dates such as "5.6." keep theirs.
    .replace(/(\p{L})\.(?=\s|$)/gu, '$1');
  return text.split(/\s+/).filter(Boolean);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{1,2}):(\d{2}))?$/;
const NUMERIC_DATE = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?\.?$/;
const TIME = /^(\d{1,2})(?:([:h.])(\d{2}))?(am|pm|h)?$/;
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|re|eme|º|o)$/;

function readTime(token: string): Pieces['time'] | undefined {
  const match = TIME.exec(token);
  if (!match) return undefined;
  const [, h, sep, m, suffix] = match;
  // A lone number is not a time by itself; "18.30" is only a time when it cannot be a date.
  if (!sep && !suffix) return undefined;
  if (sep === '.' && !suffix && Number(m) <= 12) return undefined;
  let hour = Number(h);
  const minute = m ? Number(m) : 0;
  if (minute > 59) return undefined;
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
    return { hour, minute, explicit: true, period: suffix };
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return undefined;
  return { hour: hour % 24, minute, explicit: true };
}

/** Collects what the tokens say; undefined when a token contradicts another (two dates). */
function collect(list: string[], monthFirst: boolean): Pieces {
  const pieces: Pieces = {};
  const numbers: { index: number; value: number; ordinal: boolean }[] = [];
  const monthAt: { index: number; month: number }[] = [];
  const ambiguousAt: { index: number; weekday: number; month: number }[] = [];
  list.forEach((token, index) => {
    if (token.startsWith('§')) {
      const marker = token.slice(1);
      if (marker.startsWith('d')) pieces.offset = Number(marker.slice(1));
      else if (marker.startsWith('m')) monthAt.push({ index, month: Number(marker.slice(1)) });
      else if (marker === 'next') pieces.next = true;
      else if (marker === 'am' || marker === 'pm' || marker === 'evening' || marker === 'noon' || marker === 'midnight') {
        // "this evening 7pm": the more precise word wins; "tonight" only helps a bare hour.
        if (!(pieces.period && marker === 'evening')) pieces.period = marker;
      }
      return;
    }
    if (LAST_WORDS.has(token)) return void (pieces.last = true);
    // "dans 3 heures" arrives as "dans 3h": an amount of hours from now, not three o'clock.
    const hoursFromNow = /^(\d{1,2})h$/.exec(token);
    if (hoursFromNow && IN_WORDS.has(list[index - 1] ?? '')) return void (pieces.inMinutes = Number(hoursFromNow[1]) * 60);
    const word = WORDS[token];
    if (word) {
      for (const marker of word.split(' ')) collectMarker(pieces, marker.slice(1));
      return;
    }
    const bare = token.replace(/\.$/, '');
    if (bare in WEEKDAY_OR_MONTH) return void ambiguousAt.push({ index, ...WEEKDAY_OR_MONTH[bare]! });
    if (bare in WEEKDAYS) return void (pieces.weekday = WEEKDAYS[bare]);
    // Arabic: "يوم" (day) before a weekday, the article glued to a month.
    if (bare in MONTHS) return void monthAt.push({ index, month: MONTHS[bare]! });
    if (bare.startsWith('ال') && bare.slice(2) in MONTHS) return void monthAt.push({ index, month: MONTHS[bare.slice(2)]! });
    const iso = ISO.exec(bare);
    if (iso) {
      pieces.date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
      if (iso[4]) pieces.time = { hour: Number(iso[4]), minute: Number(iso[5]), explicit: true };
      return;
    }
    const time = readTime(token);
    if (time) {
      pieces.time ??= time;
      return;
    }
    const numeric = NUMERIC_DATE.exec(token);
    if (numeric) {
      let [first, second] = [Number(numeric[1]), Number(numeric[2])];
      if (monthFirst && first <= 12) [first, second] = [second, first];
      if (second >= 1 && second <= 12 && first >= 1 && first <= 31) {
        const year = numeric[3] ? Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]) : undefined;
        pieces.date = { ...(year ? { year } : {}), month: second, day: first };
        return;
      }
      const asTime = /^(\d{1,2})\.(\d{2})$/.exec(token);
      if (asTime && Number(asTime[1]) <= 23 && Number(asTime[2]) <= 59) pieces.time ??= { hour: Number(asTime[1]), minute: Number(asTime[2]), explicit: true };
      return;
    }
    const ordinal = ORDINAL.exec(token);
    if (ordinal) return void numbers.push({ index, value: Number(ordinal[1]), ordinal: true });
    if (/^\d{1,4}$/.test(token)) numbers.push({ index, value: Number(token), ordinal: false });
  });

  // "in 2 days", "dans 3 jours", "через 2 дні"; "in 2 hours".
  for (const n of numbers) {
    if (IN_WORDS.has(list[n.index - 1] ?? '') && DAY_UNITS.has(list[n.index + 1] ?? '')) {
      pieces.offset = n.value;
      n.value = -1;
    } else if (IN_WORDS.has(list[n.index - 1] ?? '') && HOUR_UNITS.has(list[n.index + 1] ?? '')) {
      pieces.inMinutes = n.value * 60;
      n.value = -1;
    }
  }
  // "mar" is March beside a day number, a weekday otherwise.
  for (const a of ambiguousAt) {
    const besideNumber = numbers.some((n) => Math.abs(n.index - a.index) <= 2 && n.value >= 1 && n.value <= 31);
    if (besideNumber) monthAt.push({ index: a.index, month: a.month });
    else pieces.weekday ??= a.weekday;
  }
  // A month name takes the day number next to it (skipping "de", "of", "the"), and a four-digit year.
  const month = monthAt[0];
  if (month && !pieces.date) {
    const near = (n: { index: number; value: number }) => n.value >= 1 && n.value <= 31;
    const before = numbers.filter((n) => n.index < month.index && near(n)).at(-1);
    const after = numbers.find((n) => n.index > month.index && near(n) && n.index - month.index <= 2);
    const day = before && month.index - before.index <= 3 ? before : after;
    if (day) {
      pieces.date = { month: month.month, day: day.value };
      day.value = -1;
    } else if (numbers.some((n) => Math.abs(n.index - month.index) <= 3 && n.value > 31 && n.value < 100)) {
      pieces.impossible = true;
    }
  }
  const year = numbers.find((n) => n.value >= 1970 && n.value <= 2100);
  if (year) {
    pieces.year = year.value;
    year.value = -1;
  }
  const hour = numbers.find((n) => n.value >= 0 && n.value <= 24 && !n.ordinal);
  if (hour) pieces.bareHour = hour.value % 24;
  return pieces;
}

function collectMarker(pieces: Pieces, marker: string): void {
  if (marker.startsWith('d')) pieces.offset = Number(marker.slice(1));
  else if (marker === 'next') pieces.next = true;
  else if (!(pieces.period && marker === 'evening')) pieces.period = marker as Pieces['period'];
}

/** The hour and minute the pieces give, or why there is none. */
function timeOf(pieces: Pieces): { hour: number; minute: number } | 'none' | 'unsure' {
  const period = pieces.period;
  if (pieces.time) {
    const { hour, minute, period: own } = pieces.time;
    if (!own && (period === 'pm' || period === 'evening' || period === 'noon') && hour >= 1 && hour < 12) return { hour: hour + 12, minute };
    if (!own && period === 'am' && hour === 12) return { hour: 0, minute };
    return { hour, minute };
  }
  if (pieces.bareHour !== undefined) {
    const hour = pieces.bareHour;
    if (period === 'pm' || period === 'evening' || period === 'noon') return { hour: hour >= 1 && hour < 12 ? hour + 12 : hour, minute: 0 };
    if (period === 'am') return { hour: hour === 12 ? 0 : hour, minute: 0 };
    if (period === 'midnight') return { hour: 0, minute: 0 };
    // "sat 7": seven in the morning or in the evening? Hours people rarely mean in the small hours are not guessed.
    if (hour >= 1 && hour <= 7) return 'unsure';
    return { hour, minute: 0 };
  }
  if (period === 'noon') return { hour: 12, minute: 0 };
  if (period === 'midnight') return { hour: 0, minute: 0 };
  return 'none';
}

/** Local day number → calendar date. */
function calendarOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dayNumber(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.floor(ms / DAY_MS);
}

/** Zones whose people write the month first (5/6 is May 6th). */
export function writesMonthFirst(timeZone: string): boolean {
  return /^America\/(?!Sao_Paulo|Argentina|Bogota|Lima|Santiago|Caracas|Montevideo|Asuncion|La_Paz|Mexico_City|Havana)/.test(timeZone);
}

/** Reads `input` in `timeZone` at `now`. */
export function parseWhen(input: string, timeZone: string, now: number): DateReading {
  const list = tokens(input);
  if (list.length === 0) return { kind: 'invalid' };
  const pieces = collect(list, writesMonthFirst(timeZone));
  if (pieces.impossible) return { kind: 'invalid' };
  if (pieces.inMinutes !== undefined) {
    // To the minute, like every other reading.
    const at = Math.ceil((now + pieces.inMinutes * 60_000) / 60_000) * 60_000;
    const wall = new Date(at + offsetAt(timeZone, at));
    const local = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
    return { kind: 'ok', at, local };
  }
  const today = localDayOf(timeZone, now);
  const time = timeOf(pieces);
  const hasDay = pieces.date !== undefined || pieces.offset !== undefined || pieces.weekday !== undefined;
  if (!hasDay && typeof time !== 'object') return time === 'unsure' && list.length > 1 ? ambiguousToday(today, pieces) : { kind: 'invalid' };

  let day: number | undefined;
  let mismatch = false;
  if (pieces.date) {
    const { month, day: dayOfMonth } = pieces.date;
    const explicitYear = pieces.date.year ?? pieces.year;
    const thisYear = calendarOf(today).year;
    day = dayNumber(explicitYear ?? thisYear, month, dayOfMonth);
    if (day === undefined) return { kind: 'invalid' };
    if (explicitYear === undefined && day < today - PAST_WINDOW_DAYS) day = dayNumber(thisYear + 1, month, dayOfMonth) ?? day;
    if (pieces.weekday !== undefined && weekdayOf(day) !== pieces.weekday) mismatch = true;
  } else if (pieces.offset !== undefined) {
    day = today + pieces.offset;
  } else if (pieces.weekday !== undefined && pieces.last) {
    // The latest such day before today: it is gone, and read so.
    day = today - ((weekdayOf(today) - pieces.weekday + 7) % 7 || 7);
  } else if (pieces.weekday !== undefined) {
    let delta = (pieces.weekday - weekdayOf(today) + 7) % 7;
    if (delta === 0 && (pieces.next || (typeof time === 'object' && instantOfLocal(timeZone, today, time.hour * 60 + time.minute) <= now))) delta = 7;
    day = today + delta;
  } else {
    // A time alone: today, or tomorrow once today's has gone by.
    const t = time as { hour: number; minute: number };
    day = instantOfLocal(timeZone, today, t.hour * 60 + t.minute) > now ? today : today + 1;
  }

  const date = calendarOf(day);
  if (time === 'unsure') {
    // Read as the morning hour, shown so the person can confirm it or write the evening one.
    const hour = pieces.bareHour!;
    return { kind: 'ambiguous', reason: 'hour', at: instantOfLocal(timeZone, day, hour * 60), local: { ...date, hour, minute: 0 } };
  }
  if (time === 'none') return { kind: 'ambiguous', reason: 'no-time', local: date };
  const local: LocalDateTime = { ...date, hour: time.hour, minute: time.minute };
  const at = instantOfLocal(timeZone, day, time.hour * 60 + time.minute);
  if (mismatch) return { kind: 'ambiguous', reason: 'weekday', at, local };
  return { kind: at <= now ? 'past' : 'ok', at, local };
}

function ambiguousToday(today: number, pieces: Pieces): DateReading {
  return { kind: 'ambiguous', reason: 'hour', local: { ...calendarOf(today), hour: pieces.bareHour } };
}

/** The unambiguous way to write an instant in a zone: `2026-06-05 18:00`. */
export function canonicalWhen(at: number, timeZone: string): string {
  const wall = new Date(at + offsetAt(timeZone, at));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The same for a wall-clock reading (hour absent: 18:00 stands in, as an example of the form). */
export function canonicalLocal(local: Partial<LocalDateTime> & { year: number; month: number; day: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour ?? 18)}:${pad(local.minute ?? 0)}`;
}
