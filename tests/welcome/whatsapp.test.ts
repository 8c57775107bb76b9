// Verification on WhatsApp, through the whole bot, on both drivers' stand-ins: WhatsApp cannot mute one member, so a
// newcomer's messages are deleted until they answer with the greeting's word; a silent one is removed (the bot is a
// group admin).
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS, type Driver } from '../whatsapp/drivers.js';

const NEWCOMER = '33655555555@c.us';
const SILENT = '33666666666@c.us';
const BURST_MS = 2_000;
const WINDOW_MS = 5 * 60_000;

let bot: TestBot | undefined;
let now = Date.now();
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(driver: Driver) {
  now = Date.now();
  const { world: s, client } = driver.create(BOT);
  s.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
  s.setAdmin(GROUP, BOT, true);
  const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }), client, terminal: null, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 } });
  const b = await startTestApp({ adapters: [adapter], noConsole: true, clock: { now: () => now }, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS, verifyWindowMs: WINDOW_MS } });
  bot = b;
  await b.waitFor(() => s.qrCount === 1);
  s.scanQr();
  // Baileys' socket opens after the scan: messages before that reach nobody, as on WhatsApp.
  await b.waitFor(() => adapter.health?.().ok === true);
  return { s, b };
}

async function later(b: TestBot, ms: number): Promise<void> {
  now += ms;
  await b.app.services.welcome.sweep();
  await b.settle();
}

describe.each(DRIVERS)('verification on WhatsApp ($name)', { timeout: 90_000 }, (driver) => {
  it('deletes a newcomer’s messages until they answer the word, and removes the one who stays silent', async () => {
    const { s, b } = await start(driver);
    s.receiveGroupMessage(GROUP, ADMIN, '/verify on');
    await b.waitFor(() => s.sent.length === 1);

    s.groupEvent(GROUP, 'invite', NEWCOMER, [NEWCOMER]);
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`whatsapp:${GROUP}`)).length === 1);
    await later(b, BURST_MS);
    await b.waitFor(() => s.sent.length === 2);
    const greeting = s.sent[1]!.body;
    const word = /“([^”]+)”/.exec(greeting)?.[1];
    expect(word).toBeDefined();

    const spam = s.receiveGroupMessage(GROUP, NEWCOMER, 'cheap watches at spam.example');
    await b.waitFor(async () => (await s.messageState(spam.id._serialized))?.type === 'revoked');
    // Someone else typing the word verifies nobody (and is not deleted: they are not waiting).
    s.receiveGroupMessage(GROUP, MEMBER, word!);
    s.receiveGroupMessage(GROUP, NEWCOMER, ` ${word!.toUpperCase()}! `);
    await b.waitFor(() => s.sent.some((m) => /you can post now/.test(m.body)));
    const hello = s.receiveGroupMessage(GROUP, NEWCOMER, 'Hello neighbours');
    await b.settle();
    expect((await s.messageState(hello.id._serialized))?.type).toBe('chat');

    s.groupEvent(GROUP, 'invite', SILENT, [SILENT]);
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`whatsapp:${GROUP}`)).length === 1);
    await later(b, BURST_MS);
    await later(b, WINDOW_MS);
    await b.waitFor(() => s.removals.length === 1);
    expect(s.removals).toEqual([{ groupId: GROUP, userId: SILENT }]);
    expect(s.isParticipant(GROUP, NEWCOMER)).toBe(true);
  });
});
