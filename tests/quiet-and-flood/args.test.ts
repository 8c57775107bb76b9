import { describe, expect, it } from 'vitest';
import {
  MAX_DURATION_MS,
  parseDuration,
  parseOnOff,
  parseTimeOfDay,
  parseWeekdays,
} from '../../src/features/quiet-and-flood/args.js';

describe('parseOnOff', () => {
  it.each(['on', 'ON', 'yes', 'Y', 'true', '1', 'enable', 'oui', 'Oui!', 'sí', 'SI', 'si', 'ja', 'activer', ' on '])(
    '%s → true',
    (word) => expect(parseOnOff(word)).toBe(true),
  );
  it.each(['off', 'Off', 'no', 'n', 'false', '0', 'disable', 'non', 'NON.', 'désactiver', 'nein', 'aus'])(
    '%s → false',
    (word) => expect(parseOnOff(word)).toBe(false),
  );
  it.each(['', 'maybe', 'onn', '2', 'yes please'])('%j → null', (word) => expect(parseOnOff(word)).toBeNull());
});

describe('parseDuration', () => {
  it.each([
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1h30', 5_400_000],
    ['90s', 90_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1.5h', 5_400_000],
    ['1,5h', 5_400_000],
    ['2 hours', 7_200_000],
    ['10 min', 600_000],
    ['3 jours', 259_200_000],
    ['2H', 7_200_000],
    ['0m', 0],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '10', 'abc', '10x', '-5m', 'm', '1h30m20', '1e5m', '400d', 'h10'])('%j → null', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );

  it('refuses anything longer than the maximum', () => {
    expect(parseDuration('366d')).toBe(MAX_DURATION_MS);
    expect(parseDuration('366d1s')).toBeNull();
  });
});

describe('parseWeekdays', () => {
  it.each([
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['mon - fri', [1, 2, 3, 4, 5]],
    ['mon to fri', [1, 2, 3, 4, 5]],
    ['fri-mon', [0, 1, 5, 6]],
    ['sat,sun', [0, 6]],
    ['sat, sun', [0, 6]],
    ['sat sun', [0, 6]],
    ['sat and sun', [0, 6]],
    ['weekends', [0, 6]],
    ['weekend', [0, 6]],
    ['week-end', [0, 6]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['lun-ven', [1, 2, 3, 4, 5]],
    ['lun au ven', [1, 2, 3, 4, 5]],
    ['samedi,dimanche', [0, 6]],
    ['sam et dim', [0, 6]],
    ['lunes a viernes', [1, 2, 3, 4, 5]],
    ['sáb,dom', [0, 6]],
    ['miércoles', [3]],
    ['Mondays', [1]],
    ['thurs', [4]],
    ['fri', [5]],
    ['daily', [0, 1, 2, 3, 4, 5, 6]],
    ['sat,', [6]],
    ['weekend,mon', [0, 1, 6]],
    ['wed-wed', [3]],
  ])('%s → %j', (text, days) => expect(parseWeekdays(text)).toEqual(days));

  it.each(['', ',', 'mon-fry', 'someday', 'mon-tue-wed', 'Europe/Paris', '1-5', '-'])('%j → null', (text) =>
    expect(parseWeekdays(text)).toBeNull(),
  );
});

describe('parseTimeOfDay', () => {
  it.each([
    ['22:00', '22:00'],
    ['7:05', '07:05'],
    ['22h', '22:00'],
    ['22h30', '22:30'],
    ['22.30', '22:30'],
    ['2200', '22:00'],
    ['7', '07:00'],
    ['10pm', '22:00'],
    ['10:30 PM', '22:30'],
    ['7am', '07:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['24:00', '00:00'],
    ['0:00', '00:00'],
  ])('%s → %s', (text, time) => expect(parseTimeOfDay(text)).toBe(time));
  it.each(['', '25:00', '24:30', '7:60', '13pm', '0am', '7:5', 'noon', '22:00:00', '123'])('%j → null', (text) =>
    expect(parseTimeOfDay(text)).toBeNull(),
  );
});
