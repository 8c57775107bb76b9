// The same /quiet on each platform, through the real adapters and their stand-ins: an admin sets quiet hours with
// the platform's own command form, and a member's message at night is handled as the mode says.
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { P } from '../discord/standin/state.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';
import { TestClock, warmDatabase } from './support.js';

const logger = pino({ level: 'silent' });
const NOON = '2024-01-15T12:00:00+01:00';
const NIGHT = '2024-01-15T23:30:00+01:00';
let bot: TestBot | undefined;
const closers: (() => Promise<void>)[] = [];

// Migrating this worker's database takes long on a busy machine: do it once, outside any test's time limit.
beforeAll(warmDatabase, 180_000);

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  for (const close of closers.splice(0)) await close();
});

describe('/quiet on every platform', { timeout: 90_000 }, () => {
  it('Telegram: an admin sets quiet hours and delete mode; a member’s message at night is deleted', async () => {
    const s = await TelegramStandin.start({});
    closers.push(() => s.close());
    const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
    const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
    const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
    s.addChat(LILAS);
    s.setMember(LILAS.id, ALICE, 'member');
    s.setMember(LILAS.id, BOB, 'administrator', { can_change_info: true, can_delete_messages: true });
    const clock = TestClock.at(NOON);
    const adapter = createTelegramAdapter({
      token: s.token,
      apiRoot: s.apiRoot,
      logger,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    bot = await startTestApp({ adapters: [adapter], noConsole: true, clock });
    await s.userMessage({ chat: LILAS, from: BOB, text: '/quiet 22:00-07:00 Europe/Paris' });
    await bot.waitFor(() => s.sent.length === 1);
    expect(s.sent[0]!.text).toContain('Quiet hours: 22:00–07:00 (Europe/Paris)');
    await s.userMessage({ chat: LILAS, from: BOB, text: '/quiet mode delete' });
    await bot.waitFor(() => s.sent.length === 2);
    clock.set(NIGHT);
    const { message } = await s.userMessage({ chat: LILAS, from: ALICE, text: 'anyone up?' });
    await bot.waitFor(() => s.deletions.length === 1);
    expect(s.deletions[0]).toEqual({ chatId: LILAS.id, messageId: message.message_id });
    await s.userMessage({ chat: LILAS, from: BOB, text: 'admins are exempt' });
    await bot.settle();
    expect(s.deletions).toHaveLength(1);
  });

  it('Discord: without Manage Messages it reminds and tells the admins; once granted, it deletes', async () => {
    const standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
    closers.push(() => standIn.stop());
    const clock = TestClock.at(NOON);
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 } });
    bot = await startTestApp({ adapters: [adapter], noConsole: true, clock });
    const { world } = standIn;
    const botTexts = () => standIn.botMessages().filter((m) => !m.deleted && m.content).map((m) => m.content);
    standIn.userMessage(world.general, world.users.admin, '!quiet 22:00-07:00');
    await bot.waitFor(() => botTexts().some((t) => t.includes('Quiet hours: 22:00–07:00')));
    standIn.userMessage(world.general, world.users.admin, '!quiet mode delete');
    await bot.waitFor(() => botTexts().some((t) => t.includes('will be deleted')));

    clock.set(NIGHT);
    const first = standIn.userMessage(world.general, world.users.member, 'psst');
    await bot.waitFor(() => botTexts().some((t) => /^max, it's quiet hours/i.test(t)));
    await bot.waitFor(() => botTexts().some((t) => t.startsWith("Admins: I can't delete")));
    expect(world.messages.get(first.id)!.deleted).toBe(false);

    // The admins give the bot the right and choose delete again.
    const botRole = world.guild.roles.find((r) => r.id === world.roles.bot)!;
    botRole.permissions = String(BigInt(botRole.permissions) | P.MANAGE_MESSAGES);
    standIn.userMessage(world.general, world.users.admin, '!quiet mode delete');
    await bot.waitFor(() => botTexts().filter((t) => t.includes('will be deleted')).length === 2);
    const second = standIn.userMessage(world.general, world.users.member, 'psst again');
    await bot.waitFor(() => world.messages.get(second.id)!.deleted);
    await bot.settle();
    expect(botTexts().filter((t) => t.startsWith("Admins: I can't delete"))).toHaveLength(1);
  });

  it.each(DRIVERS)('WhatsApp on $name: a group admin sets quiet hours with !quiet; a member gets one reminder at night', async (driver) => {
    const { world: standin, client } = driver.create(BOT);
    standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    const clock = TestClock.at(NOON);
    const adapter = createWhatsAppAdapter({
      dataDir: '/nonexistent',
      logger,
      client,
      terminal: null,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 },
    });
    bot = await startTestApp({ adapters: [adapter], noConsole: true, clock });
    const b = bot;
    await b.waitFor(() => standin.qrCount === 1);
    standin.scanQr();
    await b.waitFor(() => adapter.health?.().ok === true);
    standin.receiveGroupMessage(GROUP, ADMIN, '!quiet 22:00-07:00');
    await b.waitFor(() => standin.sent.some((m) => m.body.includes('22:00–07:00')));
    clock.set(NIGHT);
    standin.receiveGroupMessage(GROUP, MEMBER, 'hello?');
    standin.receiveGroupMessage(GROUP, MEMBER, 'hello??');
    standin.receiveGroupMessage(GROUP, ADMIN, 'admin at night');
    await b.waitFor(() => standin.sent.some((m) => /quiet hours here until 07:00/.test(m.body)));
    await b.settle();
    expect(standin.sent.filter((m) => /quiet hours here until 07:00/.test(m.body))).toHaveLength(1);
  });
});
