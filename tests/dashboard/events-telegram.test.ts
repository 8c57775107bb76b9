// An event changed from the dashboard reaches its copy on another platform: a community of a console group and a
// Telegram group (the real adapter, the stand-in), an event posted from the console group, edited then cancelled on
// that group's events page; the Telegram copy is edited in place each time, as /event edit and /event cancel do.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { Client, dashboardLink, groupPage, startDashboardBot, type DashboardBot } from './helpers.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ADA = { id: 42, is_bot: false, first_name: 'Ada' };

let standin: TelegramStandin | undefined;
let running: DashboardBot | undefined;
afterEach(async () => {
  await running?.stop();
  await standin?.close();
  running = undefined;
  standin = undefined;
});

describe('the events page with a Telegram group in the community', { timeout: 90_000 }, () => {
  it('edits and cancels the Telegram copy too', async () => {
    const s = (standin = await TelegramStandin.start());
    s.addChat(LILAS);
    s.setMember(LILAS.id, ADA, 'creator');
    const adapter = createTelegramAdapter({
      token: s.token,
      apiRoot: s.apiRoot,
      logger: pino({ level: 'silent' }),
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    running = await startDashboardBot({ adapters: [adapter], events: { editIntervalMs: 100 } });
    const { bot, base } = running;
    const tgTo = (chatId: number) => s.sent.filter((m) => m.chatId === chatId);
    await s.userMessage({ chat: { id: ADA.id, type: 'private' }, from: ADA, text: '/start' });
    await bot.waitFor(() => tgTo(ADA.id).length === 1);
    await s.userMessage({ chat: LILAS, from: ADA, text: '/community create Quartier' });
    await bot.waitFor(() => tgTo(ADA.id).length === 2);
    const code = /\/community join (\S+)/.exec(tgTo(ADA.id)[1]!.text)![1]!;
    const [joined] = await bot.chat('nord', 'ada', 'ada').as('admin').send(`/community join ${code}`);
    expect(joined!.text).toMatch(/joined/);

    await bot.chat('nord', 'mo', 'mo').as('moderator').send('/event Street party | 2030-06-06 18:00 | Rue des Lilas');
    const tgCopy = () => tgTo(LILAS.id).find((m) => m.text.startsWith('📅 Event #1'));
    await bot.waitFor(() => tgCopy() !== undefined);
    const tgNow = () => s.messageText(LILAS.id, tgCopy()!.messageId) ?? '';

    const client = new Client(base);
    await client.login(await dashboardLink(bot, 'nord', 'mo', 'moderator'));
    await client.get(groupPage('nord', 'events'));
    const edited = await client.post(groupPage('nord', 'events') + '/edit', { id: '1', title: 'Street party and music', when: '2030-06-07 19:00', place: 'Place du marché' });
    expect(edited.status).toBe(200);
    await bot.waitFor(() => tgNow().includes('Street party and music') && tgNow().includes('📍 Place du marché'), 30_000);
    expect(tgNow()).toContain('June 7, 2030');

    expect((await client.post(groupPage('nord', 'events') + '/cancel', { id: '1' })).status).toBe(200);
    await bot.waitFor(() => !tgNow().includes('✅'), 30_000);
    // The cancelled copy keeps no answer buttons.
    expect((s.message(LILAS.id, tgCopy()!.messageId)!.reply_markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard?.flat() ?? []).toEqual([]);
    expect(s.rateLimited).toEqual([]);
  });
});
