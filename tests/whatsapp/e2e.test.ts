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
    const groups = Array.from({ length: 30 }, (_, i) => `1203630400000000${String(i).padStart(2, '0')}@g.us`);
    for (const id of groups) s.addGroup(id, `Group ${id}`, [{ id: MEMBER }]);
    for (const id of groups) s.receiveGroupMessage(id, MEMBER, '/rules');
    await b.waitFor(() => s.sent.length === 30, 30_000);
    await b.settle();
    expect(new Set(s.sent.map((m) => m.chatId))).toEqual(new Set(groups));
    const times = s.sent.map((m) => m.at).sort((x, y) => x - y);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Lower bounds only (spacing is the point, speed is not). The delivery layer spaces the moments sends start; the
    // stand-in stamps arrival, later by a varying amount on a busy machine (a CI run stretched one pair's arrival by
    // 40 ms), hence bounds on the typical gap and on the whole span.
    const sortedGaps = [...gaps].sort((x, y) => x - y);
    expect(sortedGaps[Math.floor(sortedGaps.length / 2)]!).toBeGreaterThanOrEqual(pacing.globalIntervalMs - 10);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(29 * (pacing.globalIntervalMs - 10));
  });

  it('spaces replies to one group by the per-chat interval', async () => {
    const pacing = { perChatIntervalMs: 133, globalIntervalMs: 0, jitterMs: 0 };
    const { standin: s, bot: b } = await start(pacing);
    for (let i = 0; i < 5; i++) s.receiveGroupMessage(GROUP, MEMBER, '/rules');
    await b.waitFor(() => s.sent.length === 5, 30_000);
    const times = s.sent.map((m) => m.at);
    // Each job waits for its reserved slot; one that runs late shortens the gap after it without moving the later
    // slots, so the reliable lower bound is on the whole span.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4 * pacing.perChatIntervalMs - 10);
  });
});
