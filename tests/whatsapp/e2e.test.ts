// The whole bot (real Redis, PGlite, the lead's pipeline and delivery layer) with the WhatsApp adapter on the
// stand-in client: what a WhatsApp group actually sees.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import type { PacingPolicy } from '../../src/core/adapter.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DRIVERS, type Driver } from './drivers.js';
import { ADMIN, BOT, GROUP, MEMBER } from './setup.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function startOn(driver: Driver, pacing: Partial<PacingPolicy> = { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 }) {
  const { world: standin, client } = driver.create(BOT);
  standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
  const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }), client, terminal: null, pacing });
  bot = await startTestApp({ adapters: [adapter], noConsole: true });
  const b = bot;
  await b.waitFor(() => standin.qrCount === 1);
  standin.scanQr();
  await b.waitFor(() => adapter.health?.().ok === true);
  return { standin, bot: b };
}

/**
 * The send time each delivery claim books, with its chat: the delivery layer keeps the chat's and the platform's
 * spacing between these (the claim checks them in Redis), and a send may not leave before its own.
 */
function recordBookings(b: TestBot): { chatId: string; at: number }[] {
  const booked: { chatId: string; at: number }[] = [];
  const lanes = b.app.queueOutbox.lanes;
  const claim = lanes.claim.bind(lanes);
  lanes.claim = async (input) => {
    const turn = await claim(input);
    if (turn.kind === 'go') booked.push({ chatId: input.chatId, at: turn.at });
    return turn;
  };
  return booked;
}

describe.each(DRIVERS)('WhatsApp end to end ($name)', (driver) => {
  const start = (pacing?: Partial<PacingPolicy>) => startOn(driver, pacing);

  it('answers a group !command with a quoted reply, and ignores its own message', async () => {
    const { standin: s, bot: b } = await start();
    const incoming = s.receiveGroupMessage(GROUP, MEMBER, '!rules');
    await b.waitFor(() => s.sent.length === 1);
    await b.settle();
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]).toMatchObject({ chatId: GROUP, quotedMessageId: incoming.id._serialized });
    expect(s.sent[0]!.body).toMatch(/rules/i);
  });

  it('refuses an admin command to a member and accepts it from a group admin', async () => {
    const { standin: s, bot: b } = await start();
    s.receiveGroupMessage(GROUP, MEMBER, '/setrules No ads');
    await b.waitFor(() => s.sent.length === 1);
    s.receiveGroupMessage(GROUP, ADMIN, '/setrules No ads');
    await b.waitFor(() => s.sent.length === 2);
    s.receiveGroupMessage(GROUP, MEMBER, '/rules');
    await b.waitFor(() => s.sent.length === 3);
    await b.settle();
    const [refusal, accepted, rules] = s.sent.map((m) => m.body);
    expect(refusal).not.toMatch(/No ads/);
    expect(accepted).not.toBe(refusal);
    expect(rules).toMatch(/No ads/);
  });

  it('spreads a burst of 30 replies to 30 groups by the global spacing (pacing scaled 1/30)', async () => {
    const pacing = { perChatIntervalMs: 133, globalIntervalMs: 50, jitterMs: 33 };
    const { standin: s, bot: b } = await start(pacing);
    const booked = recordBookings(b);
    const groups = Array.from({ length: 30 }, (_, i) => `1203630400000000${String(i).padStart(2, '0')}@g.us`);
    for (const id of groups) s.addGroup(id, `Group ${id}`, [{ id: MEMBER }]);
    for (const id of groups) s.receiveGroupMessage(id, MEMBER, '/rules');
    await b.waitFor(() => s.sent.length === 30, 30_000);
    await b.settle();
    expect(new Set(s.sent.map((m) => m.chatId))).toEqual(new Set(groups));
    // Lower bounds only (spacing is the point, speed is not), on what the delivery layer keeps: the stand-in stamps
    // arrival, which a busy machine delays by a varying amount (a CI run stretched one pair's arrival by 40 ms), so the
    // gaps between arrivals are not checked. The claims book the sends one interval apart, and each arrives at or
    // after its booked time.
    const bookedIn = new Map(booked.map((x) => [x.chatId, x.at]));
    const at = groups.map((id) => bookedIn.get(`whatsapp:${id}`)!).sort((x, y) => x - y);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `booking ${i}`).toBeGreaterThanOrEqual(pacing.globalIntervalMs);
    for (const m of s.sent) expect(m.at, m.chatId).toBeGreaterThanOrEqual(bookedIn.get(`whatsapp:${m.chatId}`)!);
    // Right before it leaves, each send also takes its place on the platform's grid of actual sends, one interval after
    // the previous one, and leaves at most the catch-up (WhatsApp's: 10 ms) before it; the first place is no earlier
    // than the first booking. So the k-th arrival is no earlier than k intervals, less the catch-up, after that.
    const times = s.sent.map((m) => m.at).sort((x, y) => x - y);
    times.forEach((t, k) => expect(t - at[0]!, `send ${k}`).toBeGreaterThanOrEqual(k * pacing.globalIntervalMs - 10));
  });

  it('spaces replies to one group by the per-chat interval', async () => {
    const pacing = { perChatIntervalMs: 133, globalIntervalMs: 0, jitterMs: 0 };
    const { standin: s, bot: b } = await start(pacing);
    const booked = recordBookings(b);
    for (let i = 0; i < 5; i++) s.receiveGroupMessage(GROUP, MEMBER, '/rules');
    await b.waitFor(() => s.sent.length === 5, 30_000);
    // The chat's spacing is kept between the booked times (a reply that arrives late shortens the gap of arrivals
    // after it, which is why those are not checked), and a chat's sends go one after the other, each arriving at or
    // after its booked time.
    const at = booked.filter((x) => x.chatId === `whatsapp:${GROUP}`).map((x) => x.at);
    expect(at).toHaveLength(5);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `booking ${i}`).toBeGreaterThanOrEqual(pacing.perChatIntervalMs);
    s.sent.forEach((m, i) => expect(m.at, `send ${i}`).toBeGreaterThanOrEqual(at[i]!));
  });
});
