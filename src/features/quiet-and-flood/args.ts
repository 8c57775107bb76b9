// Forgiving argument parsers shared by chat commands. Each returns null (never throws) when it cannot make sense of
// its input, so the command can answer with its usage line. Matching ignores case and accents ("Désactiver",
// "SÍ", "Mié" all work).

import { fold as foldText } from '../../text/fold.js';

/** Lower case, accents removed, outer spaces trimmed. */
function fold(text: string): string {
  return foldText(text).trim();
}

const ON_WORDS = new Set([
  'on', 'yes', 'y', 'true', '1', 'enable', 'enabled', 'activate', 'start', 'ok',
  'oui', 'o', 'activer', 'active', 'actif', 'marche', // fr
  'si', 'activar', 'activado', 'encendido', // es
  'ja', 'an', 'ein', // de
  'sim', // pt
]);
const OFF_WORDS = new Set([
  'off', 'no', 'n', 'false', '0', 'disable', 'disabled', 'deactivate', 'stop',
  'non', 'desactiver', 'desactive', 'inactif', 'arret', // fr
  'desactivar', 'desactivado', 'apagado', // es ("no" is shared with en)
  'nein', 'aus', // de
  'nao', // pt
]);

/** on/off, yes/no, true/false, 1/0, enable/disable, oui/non, sí/no, ja/nein… → true/false, or null. */
export function parseOnOff(text: string): boolean | null {
  const word = fold(text).replace(/[.!]+$/, '');
  if (ON_WORDS.has(word)) return true;
  if (OFF_WORDS.has(word)) return false;
  return null;
}

const UNIT_MS: Record<string, number> = {};
function units(ms: number, ...names: string[]): void {
  for (const name of names) UNIT_MS[name] = ms;
}
units(1000, 's', 'sec', 'secs', 'second', 'seconds', 'seconde', 'secondes', 'segundo', 'segundos');
units(60_000, 'm', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos', 'mn');
units(3_600_000, 'h', 'hr', 'hrs', 'hour', 'hours', 'heure', 'heures', 'hora', 'horas');
units(86_400_000, 'd', 'day', 'days', 'j', 'jour', 'jours', 'dia', 'dias');
units(604_800_000, 'w', 'week', 'weeks', 'sem', 'semaine', 'semaines', 'semana', 'semanas');

/** Durations longer than this are refused: nothing in Quartier waits a year, and it keeps numbers sane. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/**
 * '10m', '2h', '1h30m', '1h 30m', '1h30' (French style: minutes after hours), '90s', '1d', '1.5h', '2 hours'
 * → milliseconds (a whole number ≥ 0), or null. A bare number has no unit and is refused: "10" could mean anything.
 */
export function parseDuration(text: string): number | null {
  const folded = fold(text).replace(/,/g, '.');
  if (folded === '') return null;
  const pattern = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*/y;
  let total = 0;
  let lastUnit = '';
  let position = 0;
  while (position < folded.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(folded);
    if (!match) return null;
    const amount = Number(match[1]);
    let unit = match[2] ?? '';
    // "1h30": a trailing bare number after hours counts as minutes.
    if (unit === '' && UNIT_MS[lastUnit] === 3_600_000 && pattern.lastIndex === folded.length) unit = 'm';
    const ms = UNIT_MS[unit];
    if (ms === undefined) return null;
    total += amount * ms;
    lastUnit = unit;
    position = pattern.lastIndex;
  }
  total = Math.round(total);
  return Number.isFinite(total) && total <= MAX_DURATION_MS ? total : null;
}

/** A duration as COMMANDS.md forgives it: `10m`, `2h`, `1d`, or a bare number of minutes (`90`). Null otherwise. */
export function parseDurationOrMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed) * 60_000;
  return parseDuration(trimmed);
}

const DAY_NAMES: Record<string, number> = {};
function day(index: number, ...names: string[]): void {
  for (const name of names) DAY_NAMES[name] = index;
}
// English, French and Spanish, full and abbreviated (accents are folded away before lookup).
day(0, 'sun', 'sunday', 'dim', 'dimanche', 'dom', 'domingo');
day(1, 'mon', 'monday', 'lun', 'lundi', 'lunes');
day(2, 'tue', 'tues', 'tuesday', 'mar', 'mardi', 'martes');
day(3, 'wed', 'weds', 'wednesday', 'mer', 'mercredi', 'mie', 'miercoles');
day(4, 'thu', 'thur', 'thurs', 'thursday', 'jeu', 'jeudi', 'jue', 'jueves');
day(5, 'fri', 'friday', 'ven', 'vendredi', 'vie', 'viernes');
day(6, 'sat', 'saturday', 'sam', 'samedi', 'sab', 'sabado');

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const DAY_GROUPS: Record<string, number[]> = {
  weekdays: WEEKDAYS, weekday: WEEKDAYS, workdays: WEEKDAYS, semaine: WEEKDAYS, laborables: WEEKDAYS,
  weekend: WEEKEND, weekends: WEEKEND, fds: WEEKEND, finde: WEEKEND,
  daily: EVERY_DAY, everyday: EVERY_DAY, all: EVERY_DAY, tous: EVERY_DAY, tlj: EVERY_DAY, todos: EVERY_DAY,
};

function dayIndex(word: string): number | undefined {
  const bare = word.replace(/\.$/, '');
  const own = (key: string) => (Object.hasOwn(DAY_NAMES, key) ? DAY_NAMES[key] : undefined); // not Object.prototype's
  return own(bare) ?? (bare.endsWith('s') ? own(bare.slice(0, -1)) : undefined); // "mondays", "lundis"
}

/**
 * 'mon-fri', 'fri-mon' (wraps), 'sat,sun', 'sat sun', 'weekends', 'weekdays', 'lun-ven', 'lun au ven', 'sábado'
 * → sorted day numbers (0 = Sunday … 6 = Saturday), or null when any part is not a day.
 */
export function parseWeekdays(text: string): number[] | null {
  const normalised = fold(text)
    .replace(/\bweek-ends?\b/g, 'weekend')
    .replace(/\bfin de semana\b/g, 'weekend')
    .replace(/\ben semaine\b/g, 'semaine')
    .replace(/\bentre semana\b/g, 'weekdays')
    .replace(/\s*(?:-|\u2013|\u2014|\.\.)\s*/g, '-')
    .replace(/\s+(?:to|through|thru|a|au|al)\s+/g, '-');
  const parts = normalised.split(/[\s,;/+&]+/).filter((part) => part !== '' && !['and', 'et', 'y'].includes(part));
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    // Own keys only: `constructor` or `__proto__` typed as a day must not find Object.prototype's members.
    const group = Object.hasOwn(DAY_GROUPS, part) ? DAY_GROUPS[part] : undefined;
    if (group) {
      for (const d of group) days.add(d);
      continue;
    }
    const ends = part.split('-');
    if (ends.length === 1) {
      const only = dayIndex(part);
      if (only === undefined) return null;
      days.add(only);
    } else if (ends.length === 2) {
      const first = dayIndex(ends[0] ?? '');
      const last = dayIndex(ends[1] ?? '');
      if (first === undefined || last === undefined) return null;
      for (let d = first; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === last) break;
      }
    } else {
      return null;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * One time of day: '22:00', '7:05', '22h', '22h30', '22.30', '2200', '7', '10pm', '10:30 pm', '12am' (midnight),
 * '24:00' (midnight) → 'HH:MM', or null.
 */
export function parseTimeOfDay(text: string): string | null {
  const match = TIME_OF_DAY.exec(fold(text));
  return match ? timeFromMatch(match.slice(1)) : null;
}

/** Shared with the range parser in quiet-hours.ts: hours, minutes (two forms) and an optional suffix. */
export const TIME_OF_DAY_SOURCE = '(?:(\\d{2})(\\d{2})|(\\d{1,2})(?:[:h.](\\d{2}))?)\\s*(am|pm|a\\.m\\.|p\\.m\\.|h)?';
const TIME_OF_DAY = new RegExp(`^${TIME_OF_DAY_SOURCE}$`);

/** Turns the five capture groups of TIME_OF_DAY_SOURCE into 'HH:MM', or null when out of range. */
export function timeFromMatch(groups: (string | undefined)[]): string | null {
  const [compactHour, compactMinute, hourText, minuteText, suffix] = groups;
  let hour = Number(compactHour ?? hourText);
  const minute = Number(compactMinute ?? minuteText ?? '0');
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute > 59) return null;
  if (suffix === 'am' || suffix === 'a.m.' || suffix === 'pm' || suffix === 'p.m.') {
    if (hour < 1 || hour > 12) return null;
    const pm = suffix.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour === 24 && minute === 0) {
    hour = 0;
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
