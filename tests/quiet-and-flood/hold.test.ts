// The Outbox's hold policy from a group's quiet hours, with a stand-in group lookup (no storage involved).
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/core/context.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { quietHoldPolicy } from '../../src/features/quiet-and-flood/hold.js';

const group = (settings: Record<string, unknown>): Group => ({
  id: 'telegram:-1',
  platform: 'telegram',
  title: null,
  language: 'en',
  timezone: 'Europe/Paris',
  rules: null,
  active: true,
  settings,
  communityId: null,
});
const quiet = { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } };
const policy = (settings: Record<string, unknown>) => quietHoldPolicy({ findRecent: async () => group(settings) });
const alert: OutboundMessage = { id: 'alert:1', target: 'telegram:-1', action: 'send', text: 'Lost cat' };
const at = (iso: string) => Date.parse(iso);

describe('quietHoldPolicy', () => {
  it('holds a non-urgent post until the end of the night, in the zone’s own offset', async () => {
    expect(await policy(quiet)(alert, at('2024-01-15T23:30:00+01:00'))).toBe(at('2024-01-16T07:00:00+01:00'));
    expect(await policy(quiet)(alert, at('2024-07-15T23:30:00+02:00'))).toBe(at('2024-07-16T07:00:00+02:00'));
  });

  it('across the autumn clock change, holds until 07:00 by the new offset (a 10-hour night)', async () => {
    expect(await policy(quiet)(alert, at('2024-10-27T01:30:00+02:00'))).toBe(at('2024-10-27T07:00:00+01:00'));
  });

  it('lets through urgent posts, edits, deletes and interaction answers, and anything outside quiet hours', async () => {
    const night = at('2024-01-15T23:30:00+01:00');
    expect(await policy(quiet)({ ...alert, urgent: true }, night)).toBeUndefined();
    expect(await policy(quiet)({ ...alert, action: 'edit', editOf: ['telegram:-1/5'] }, night)).toBeUndefined();
    expect(await policy(quiet)({ ...alert, action: 'delete', editOf: ['telegram:-1/5'] }, night)).toBeUndefined();
    expect(await policy(quiet)({ ...alert, interaction: { id: '1', token: 't' } }, night)).toBeUndefined();
    expect(await policy(quiet)(alert, at('2024-01-15T21:59:00+01:00'))).toBeUndefined();
    expect(await policy({})(alert, night)).toBeUndefined();
    expect(await quietHoldPolicy({ findRecent: async () => undefined })(alert, night)).toBeUndefined();
  });

  it('ignores a malformed stored value instead of failing every send', async () => {
    expect(await policy({ quietHours: { start: '25:00', end: '07:00', timeZone: 'Europe/Paris' } })(alert, at('2024-01-15T23:30:00+01:00'))).toBeUndefined();
  });
});
