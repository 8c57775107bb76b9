// The /event date parser: accuracy per language on the tuning set, on the held-out set (both 100% at the time of
// writing; both written by the same hand as the parser, the held-out one before it) and on an external set in another
// project's phrasing (measured: en 67%, fr 93%, es 79%, uk 80%, ar 75%), floors slightly under the measured figures;
// daylight-saving changes in Paris and New York; what is refused or questioned.
import { describe, expect, it } from 'vitest';
import { canonicalWhen, parseWhen } from '../../src/features/events/dates.js';
import { outcomeOf, score, wallToInstant } from './date-accuracy.js';

const FLOORS: Record<string, Record<string, number>> = {
  tuning: { en: 0.97, fr: 0.97, es: 0.97, ar: 0.97, uk: 0.97 },
  heldout: { en: 0.95, fr: 0.95, es: 0.95, ar: 0.95, uk: 0.95 },
  external: { en: 0.6, fr: 0.9, es: 0.75, ar: 0.7, uk: 0.75 },
  // Written blind by someone who never saw the parser, measured once: en 0.909, fr 0.882, es 0.848, ar 0.909,
  // uk 0.853. Three of its misses were wrong readings and were fixed (a past weekday read as the next one, "in N
  // hours" read as a clock time, an impossible day beside a month read as today); since then the set is seen: en
  // 0.939, fr 0.941, es 0.909, ar 0.939, uk 0.882.
  'heldout-2': { en: 0.92, fr: 0.92, es: 0.89, ar: 0.92, uk: 0.86 },
};

describe('accuracy per language', () => {
  for (const [set, floors] of Object.entries(FLOORS)) {
    it(`${set} set: at least the floor in each language`, () => {
      const result = score(new URL(`../fixtures/events/dates-${set}.json`, import.meta.url).pathname);
      expect(Object.keys(result).sort()).toEqual(['ar', 'en', 'es', 'fr', 'uk']);
      for (const [language, { accuracy, misses }] of Object.entries(result)) {
        expect(accuracy, `${language}: ${misses.join('; ')}`).toBeGreaterThanOrEqual(floors[language]!);
      }
    });
  }
});

describe('readings that must not land on another day', () => {
  const now = wallToInstant('2026-03-25T10:00', 'Europe/Paris');
  it('reads "in N hours" from now, not as a clock time', () => {
    expect(outcomeOf('dans 3 heures', 'Europe/Paris', now)).toBe('2026-03-25T13:00');
    expect(outcomeOf('in 2 hours', 'Europe/Paris', now)).toBe('2026-03-25T12:00');
    expect(outcomeOf('en 2 horas', 'Europe/Paris', now)).toBe('2026-03-25T12:00');
  });
  it('reads a weekday called last as gone by', () => {
    expect(outcomeOf('lundi dernier 19h', 'Europe/Paris', now)).toBe('past');
    expect(outcomeOf('el viernes pasado 20:00', 'Europe/Paris', now)).toBe('past');
    expect(outcomeOf('минулої суботи о 15:00', 'Europe/Paris', now)).toBe('past');
    expect(outcomeOf('saturday 15:00', 'Europe/Paris', now)).toBe('2026-03-28T15:00');
  });
  it('refuses a day beside a month that cannot be one', () => {
    expect(outcomeOf('32 de mayo 18h', 'Europe/Paris', now)).toBe('invalid');
    expect(outcomeOf('31 de mayo 18h', 'Europe/Paris', now)).toBe('2026-05-31T18:00');
  });
});

describe('daylight-saving changes', () => {
  it('Paris: an event on the Sunday the clocks go back is at its local time (UTC+1 after, UTC+2 before)', () => {
    const now = wallToInstant('2026-10-23T09:00', 'Europe/Paris');
    const sunday = parseWhen('sunday 10:00', 'Europe/Paris', now);
    expect(sunday).toMatchObject({ kind: 'ok', at: Date.parse('2026-10-25T09:00:00Z') });
    const saturday = parseWhen('samedi 10h', 'Europe/Paris', now);
    expect(saturday).toMatchObject({ kind: 'ok', at: Date.parse('2026-10-24T08:00:00Z') });
  });

  it('Paris: spring forward, a time in the gap moves to the first instant after it', () => {
    const now = wallToInstant('2026-03-25T12:00', 'Europe/Paris');
    expect(parseWhen('dimanche 11h', 'Europe/Paris', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-03-29T09:00:00Z') });
    expect(parseWhen('2026-03-29 02:30', 'Europe/Paris', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-03-29T01:00:00Z') });
  });

  it('New York: month first, and the November change', () => {
    const now = wallToInstant('2026-10-28T09:00', 'America/New_York');
    // 11/1 is November 1st in New York, the day clocks go back (EST, UTC-5).
    expect(parseWhen('11/1 6pm', 'America/New_York', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-11-01T23:00:00Z') });
    expect(parseWhen('saturday 6pm', 'America/New_York', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-10-31T22:00:00Z') });
    expect(canonicalWhen(Date.parse('2026-11-01T23:00:00Z'), 'America/New_York')).toBe('2026-11-01 18:00');
  });

  it('New York: March, the clocks go forward', () => {
    const now = wallToInstant('2026-03-05T09:00', 'America/New_York');
    expect(parseWhen('sunday 9am', 'America/New_York', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-03-08T13:00:00Z') });
    expect(parseWhen('3/7 9am', 'America/New_York', now)).toMatchObject({ kind: 'ok', at: Date.parse('2026-03-07T14:00:00Z') });
  });
});

describe('what is not guessed', () => {
  const now = wallToInstant('2026-06-03T10:00', 'Europe/Paris');
  it('a weekday that does not match the date is questioned with how it was read', () => {
    expect(parseWhen('lundi 5 juin 18h', 'Europe/Paris', now)).toMatchObject({ kind: 'ambiguous', reason: 'weekday', local: { month: 6, day: 5, hour: 18 } });
  });
  it('an impossible date or time is not a date', () => {
    expect(outcomeOf('31/2 18h', 'Europe/Paris', now)).toBe('invalid');
    expect(outcomeOf('sat 25:00', 'Europe/Paris', now)).toBe('ambiguous');
    expect(outcomeOf('', 'Europe/Paris', now)).toBe('invalid');
  });
  it('a past time is past, with the instant it was read as', () => {
    expect(parseWhen('2026-06-02 18:00', 'Europe/Paris', now)).toMatchObject({ kind: 'past', at: Date.parse('2026-06-02T16:00:00Z') });
  });
});
