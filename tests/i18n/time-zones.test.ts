import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidTimeZone } from '../../src/i18n/time-zones.js';

describe('time zones', () => {
  it.each(['Europe/Paris', 'Pacific/Auckland', 'Asia/Kathmandu', 'America/St_Johns', 'UTC', 'europe/paris', 'Etc/GMT-5'])(
    '%s is valid',
    (zone) => expect(isValidTimeZone(zone)).toBe(true),
  );
  it.each(['', 'Paris', 'Europe/Pariss', 'Mars/Olympus', ' Europe/Paris', '+05:30', '-03:00', '+0530', '\u221205:00'])('%j is not', (zone) =>
    expect(isValidTimeZone(zone)).toBe(false),
  );
  it('restores the usual spelling of a zone typed in any case', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('AMERICA/ST_JOHNS')).toBe('America/St_Johns');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Nowhere/Land')).toBeNull();
  });
});
