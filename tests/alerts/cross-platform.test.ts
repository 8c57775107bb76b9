// A community spanning the Telegram, Discord and WhatsApp stand-ins, with the real adapters (scaled-down pacing), the
// real pipeline, Outbox and delivery workers: an alert typed in a Telegram group appears in the Discord channel and
// the WhatsApp group, once, not back in the source; a kicked Telegram group is recorded as failed while the others
// succeed; /alert status reports it.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { DRIVERS, type Driver } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const GARE = { id: -100600700, type: 'supergroup' as const, title: 'Quartier Gare' };
const ADA = { id: 42, is_bot: false, first_name: 'Ada' };
const MO = { id: 43, is_bot: false, first_name: 'Mo' };
const WA_BOT = '33600000001@c.us';
const WA_GROUP = '120363041234567890@g.us';
const WA_ADMIN = '33612345678@c.us';

let bot: TestBot | undefined;
let telegram: TelegramStandin | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  await discord?.stop();
  bot = telegram = discord = undefined;
});

async function start(driver: Driver) {
  const tg = (telegram = await TelegramStandin.start());
  for (const chat of [LILAS, GARE]) {
    tg.addChat(chat);
    tg.setMember(chat.id, ADA, 'creator');
  }
  tg.setMember(LILAS.id, MO, 'administrator', { can_change_info: false });
  const dc = (discord = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start());
  const { world: wa, client } = driver.create(WA_BOT);
  wa.addGroup(WA_GROUP, 'Immeuble 12', [{ id: WA_ADMIN, isAdmin: true }]);

  const b = (bot = await startTestApp({
    noConsole: true,
    adapters: [
      createTelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, logger, pacing: { perChatIntervalMs: 31, globalIntervalMs: 1 }, pollTimeoutSeconds: 1, pollRetryMs: 50 }),
      createDiscordAdapter({ token: dc.token, apiUrl: dc.apiUrl, logger, pacing: { perChatIntervalMs: 10, globalIntervalMs: 1 } }),
      createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client, terminal: null, pacing: { perChatIntervalMs: 40, globalIntervalMs: 15, jitterMs: 10 } }),
    ],
  }));
  await b.waitFor(() => wa.qrCount === 1);
  wa.scanQr();
  await b.waitFor(async () => (await b.app.health()).checks.whatsapp?.ok === true);
  return { tg, dc, wa, b };
}

describe.each(DRIVERS)('a community across Telegram, Discord and WhatsApp on $name', (driver) => {
  it('fans a Telegram moderator’s alert out to Discord and WhatsApp once, records the kicked group as failed', { timeout: 150_000 }, async () => {
    const { tg, dc, wa, b } = await start(driver);
    const tgTo = (chatId: number) => tg.sent.filter((m) => m.chatId === chatId).map((m) => m.text);

    // Ada has started the bot, so the join code comes to her private chat (it is never posted in a group).
    await tg.userMessage({ chat: { id: ADA.id, type: 'private' }, from: ADA, text: '/start' });
    await b.waitFor(() => tgTo(ADA.id).length === 1);
    await tg.userMessage({ chat: LILAS, from: ADA, text: '/community create Quartier' });
    await b.waitFor(() => tgTo(ADA.id).length === 2);
    const code = /\/community join (\S+)/.exec(tgTo(ADA.id)[1]!)![1]!;

    await tg.userMessage({ chat: GARE, from: ADA, text: `/community join ${code}` });
    dc.userMessage(dc.world.general, dc.world.users.admin, `!community join ${code}`);
    wa.receiveGroupMessage(WA_GROUP, WA_ADMIN, `/community join ${code}`);
    const discordTexts = () => dc.botMessages().filter((m) => !m.deleted && m.content).map((m) => m.content as string);
    await b.waitFor(() => tgTo(GARE.id).length === 1 && discordTexts().length === 1 && wa.sent.length === 1);
    expect([tgTo(GARE.id)[0], discordTexts()[0], wa.sent[0]!.body].every((t) => /joined “Quartier”/.test(t!))).toBe(true);
    // Lilas, which started the community, heard of each join.
    await b.waitFor(() => tgTo(LILAS.id).filter((t) => /joined “Quartier”;/.test(t)).length === 3);
    const base = tgTo(LILAS.id).length;

    // The Gare group removes the bot: its delivery fails for good, the others go through.
    tg.kickBot(GARE.id);
    await tg.userMessage({ chat: LILAS, from: MO, text: '/alert Power cut on rue des Lilas, 14:00-16:00' });
    await b.waitFor(async () => (await b.app.services.deliveries.byOutbound(['alert:1'])).length === 3);
    await b.settle();

    const header = '📢 Alert from Rue des Lilas (Telegram):\nPower cut on rue des Lilas, 14:00-16:00';
    expect(discordTexts().filter((t) => t.includes('Power cut'))).toEqual([header]);
    expect(wa.sent.filter((m) => m.body.includes('Power cut')).map((m) => m.body)).toEqual([header]);
    expect(tgTo(LILAS.id).filter((t) => t.includes('Power cut'))).toEqual([]);
    expect(tgTo(LILAS.id)[base]).toMatch(/Alert #1 sent to 3 groups/);

    const rows = await b.app.services.deliveries.byOutbound(['alert:1']);
    const byTarget = Object.fromEntries(rows.map((r) => [r.target, r]));
    expect(byTarget[`telegram:${GARE.id}`]).toMatchObject({ status: 'failed', error: expect.stringMatching(/kicked|forbidden/i) });
    expect(byTarget[`discord:${dc.world.general}`]).toMatchObject({ status: 'delivered', messageIds: [expect.stringMatching(/^discord:/)] });
    expect(byTarget[`whatsapp:${WA_GROUP}`]).toMatchObject({ status: 'delivered', messageIds: [expect.stringMatching(/^whatsapp:/)] });
    // The kicked group is marked inactive, so the next alert does not try it again.
    expect((await b.app.services.groups.find(`telegram:${GARE.id}`))!.active).toBe(false);

    await tg.userMessage({ chat: LILAS, from: ADA, text: '/alert status 1' });
    await b.waitFor(() => tgTo(LILAS.id).length === base + 3);
    expect(tgTo(LILAS.id)[base + 1]).toBe('Alert #1, 3 groups: 2 delivered, 0 held for quiet hours, 0 on the way, 1 failed.');
    expect(tgTo(LILAS.id)[base + 2]).toBe('Not delivered to: Quartier Gare.');
    expect(tg.rateLimited).toEqual([]);
    expect(dc.rateLimited).toEqual({ user: 0, global: 0 });
  });
});
