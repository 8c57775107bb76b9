// Every part of a long message is paced: a /rules reply split in several parts goes one part per turn of its chat, on
// every platform, through the real adapters and their stand-ins, with the platforms' per-chat limits scaled down
// (Telegram and Discord stand-ins refuse a send over the limit with 429; WhatsApp has no documented limit, so the
// spacing between the parts is read from what the stand-in recorded). Goal: no 429 at all.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { qualify, type QualifiedId } from '../../src/core/envelope.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
// Scaled limits: two sends per chat per 500 ms; the adapters pace one send per chat every 300 ms.
const WINDOW_MS = 500;
const PACING = { perChatIntervalMs: 300, globalIntervalMs: 0, jitterMs: 0 };
// Long enough for three Telegram parts (4,096 each) and five Discord parts (2,000 each).
const RULES = Array.from({ length: 1100 }, (_, i) => `rule${String(i).padStart(4, '0')}`).join(' ');
const LAST = 'rule1099';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// WhatsApp takes 65,536 characters a message: three parts need more.
const LONG_RULES = Array.from({ length: 14_000 }, (_, i) => `rule${String(i).padStart(5, '0')}`).join(' ');
const LONG_LAST = 'rule13999';

async function setRules(bot: TestBot, chatId: QualifiedId, platform: string, rules = RULES): Promise<void> {
  await bot.app.services.groups.ensure(chatId, platform, 'Lilas', bot.app.services.defaults);
  await bot.app.services.groups.change(chatId, qualify(platform as 'telegram', 'setup'), 'rules', { rules });
}

/** 429s the delivery layer met, the platform's own or the client library's (discord.js refuses before sending). */
async function rateLimited(bot: TestBot): Promise<number> {
  const metric = await bot.app.metrics.rateLimited.get();
  return metric.values.reduce((sum, v) => sum + v.value, 0);
}

const normalized = (texts: string[]) => texts.join(' ').replace(/[\s*_\\]+/g, ' ').trim();

describe('a long /rules reply, split in parts, paced part by part', () => {
  it('Telegram: three parts, no 429', async () => {
    const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Lilas' };
    const standin = await TelegramStandin.start({ groupLimit: 2, groupWindowMs: WINDOW_MS });
    cleanups.push(() => standin.close());
    standin.addChat(LILAS);
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger, pacing: PACING, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const bot = await startTestApp({ adapters: [adapter], noConsole: true });
    cleanups.push(() => bot.stop());
    await setRules(bot, qualify('telegram', String(LILAS.id)), 'telegram');
    await standin.userMessage({ chat: LILAS, from: { id: 43, is_bot: false, first_name: 'Bob' }, text: '/rules' });
    await bot.waitFor(() => normalized(standin.sent.map((m) => m.text)).includes(LAST), 30_000);
    await bot.settle();
    console.info(`long-parts telegram: ${standin.sent.length} parts, ${standin.rateLimited.length} × 429 (${await rateLimited(bot)} met)`);
    expect(await rateLimited(bot)).toBe(0);
    expect(standin.sent.length).toBeGreaterThanOrEqual(3);
    expect(standin.rateLimited).toEqual([]);
    expect(new Set(standin.sent.map((m) => m.text)).size).toBe(standin.sent.length);
  }, 60_000);

  it('Discord: five parts, no 429', async () => {
    const standin = await new DiscordStandIn({ perChannel: { limit: 2, windowMs: WINDOW_MS } }).start();
    cleanups.push(() => standin.stop());
    const adapter = createDiscordAdapter({ token: standin.token, apiUrl: standin.apiUrl, cdnUrl: standin.cdnUrl, logger, pacing: PACING });
    const bot = await startTestApp({ adapters: [adapter], noConsole: true });
    cleanups.push(() => bot.stop());
    const channel = standin.world.general;
    await bot.waitFor(async () => (await bot.app.health()).checks.discord?.ok === true);
    await setRules(bot, qualify('discord', channel), 'discord');
    standin.userMessage(channel, standin.world.users.member, '!rules');
    const posts = () => standin.botMessages().filter((m) => m.channel_id === channel).map((m) => m.content);
    await bot.waitFor(() => normalized(posts()).includes(LAST), 30_000);
    await bot.settle();
    console.info(`long-parts discord: ${posts().length} parts, ${standin.rateLimited.user + standin.rateLimited.global} × 429 (${await rateLimited(bot)} met)`);
    expect(await rateLimited(bot)).toBe(0);
    expect(posts().length).toBeGreaterThanOrEqual(5);
    expect(standin.rateLimited).toEqual({ user: 0, global: 0 });
  }, 60_000);

  it.each(DRIVERS)('WhatsApp on $name: each part waits for the chat’s next turn', async (driver) => {
    const { world: wa, client } = driver.create(BOT);
    wa.addGroup(GROUP, 'Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client, terminal: null, pacing: { ...PACING, globalIntervalMs: 0 } });
    const bot = await startTestApp({ adapters: [adapter], noConsole: true });
    cleanups.push(() => bot.stop());
    await bot.waitFor(() => wa.qrCount > 0);
    wa.scanQr();
    await bot.waitFor(async () => (await bot.app.health()).checks.whatsapp?.ok === true);
    await setRules(bot, qualify('whatsapp', GROUP), 'whatsapp', LONG_RULES);
    wa.receiveGroupMessage(GROUP, MEMBER, '/rules');
    await bot.waitFor(() => normalized(wa.sent.map((s) => s.body)).includes(LONG_LAST), 30_000);
    const times = wa.sent.map((s) => s.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    console.info(`long-parts whatsapp: ${times.length} parts, smallest gap ${Math.min(...gaps)} ms (pacing ${PACING.perChatIntervalMs} ms)`);
    expect(times.length).toBeGreaterThanOrEqual(3);
    // A lower bound only: a busy machine makes gaps longer, never shorter.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(PACING.perChatIntervalMs - 5);
  }, 60_000);
});
