// Dates and times in the reader's language and the group's time zone. A reminder "at 18:00" means 18:00 where the
// group lives, whatever zone the server runs in.
import type { Formatters } from 'intl-messageformat';

// Building an Intl formatter is costly; a message is formatted many times, so each one is built once.
const formatterCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(kind: string, locales: unknown, options: unknown, build: () => T): T {
  const key = JSON.stringify([kind, locales, options]);
  let format = formatterCache.get(key) as T | undefined;
  if (!format) {
    format = build();
    formatterCache.set(key, format);
  }
  return format;
}

const formattersByZone = new Map<string, Formatters>();

/**
 * intl-messageformat formatters that show every date and time argument in `timeZone`. Passing formats with a zone
 * would cover only the named styles (`short`, `long`...); the formatter covers skeletons (`::hhmm`) too.
 */
export function formattersIn(timeZone: string): Formatters {
  let formatters = formattersByZone.get(timeZone);
  if (!formatters) {
    formatters = {
      getNumberFormat: (locales, options) =>
        memo('number', locales, options, () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)),
      getDateTimeFormat: (locales, options) =>
        memo('date', [locales, timeZone], options, () => new Intl.DateTimeFormat(locales, { ...options, timeZone })),
      getPluralRules: (locales, options) => memo('plural', locales, options, () => new Intl.PluralRules(locales, options)),
    };
    formattersByZone.set(timeZone, formatters);
  }
  return formatters;
}

export interface DateTimeStyle {
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

/**
 * A date and/or time for `language` in `timeZone`, for text built outside a message (a list of upcoming events).
 * Inside a message prefer an ICU argument: `{at, time, short}` with a Date, which translate() shows in the group's zone.
 */
export function formatDateTime(
  at: Date | number,
  language: string,
  timeZone: string,
  style: DateTimeStyle = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return memo('date', [language, timeZone], style, () => new Intl.DateTimeFormat(language, { ...style, timeZone })).format(at);
}
