// Quiet hours and flood limits as a sentence for /quiet and /flood: weekday names come from Intl in the group's
// language, every other word from the locale files.
import type { Context } from '../../core/context.js';
import type { QuietHours } from './quiet-hours.js';

/** 'lun., mar., mer.' in the group's language; 2024-01-07 was a Sunday (day 0). */
export function weekdayNames(language: string, days: number[]): string {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return days.map((day) => format.format(Date.UTC(2024, 0, 7 + day))).join(', ');
}

export function describeQuietHours(ctx: Context, hours: QuietHours): string {
  const days = hours.days ? weekdayNames(ctx.language, hours.days) : ctx.t('quiet.every_day');
  return ctx.t('quiet.hours', { start: hours.start, end: hours.end, zone: hours.timeZone, days });
}
