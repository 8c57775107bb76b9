// Dates and times in the reader's language and the group's zone, whatever zone the server runs in.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formattersIn } from '../../src/i18n/dates.js';

// 29 March 2026, 16:30 UTC: the day Paris moves to summer time (UTC+2 from 01:00 UTC).
const at = new Date(Date.UTC(2026, 2, 29, 16, 30));

function format(message: string, language: string, timeZone: string): string {
  return String(new IntlMessageFormat(message, language, undefined, { formatters: formattersIn(timeZone) }).format({ at }));
}

describe('dates and times', () => {
  it('shows ICU time arguments in the group’s zone, summer time included', () => {
    expect(format('{at, time, short}', 'fr', 'Europe/Paris')).toBe('18:30');
    expect(format('{at, time, short}', 'fr', 'America/Montreal')).toBe('12:30');
    expect(format('{at, time, short}', 'uk', 'Europe/Kyiv')).toBe('19:30');
  });

  it('applies the zone to skeletons and named date styles alike', () => {
    expect(format('{at, time, ::HHmm}', 'es', 'Asia/Tokyo')).toBe('01:30');
    expect(format('{at, date, long}', 'es', 'Asia/Tokyo')).toBe('30 de marzo de 2026');
    expect(format('{at, date, long}', 'es', 'America/Los_Angeles')).toBe('29 de marzo de 2026');
  });

  it('formats for each language', () => {
    expect(formatDateTime(at, 'en', 'Europe/Paris', { dateStyle: 'long', timeStyle: 'short' })).toBe('March 29, 2026 at 6:30 PM');
    expect(formatDateTime(at, 'fr', 'Europe/Paris', { dateStyle: 'long', timeStyle: 'short' })).toBe('29 mars 2026 à 18:30');
    expect(formatDateTime(at, 'uk', 'Europe/Kyiv', { dateStyle: 'long' })).toBe('29 березня 2026 р.');
    expect(formatDateTime(at, 'ar', 'Africa/Cairo', { timeStyle: 'short' })).toMatch(/^(6|٦):(30|٣٠)\s?م$/);
  });
});
