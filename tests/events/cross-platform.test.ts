// An event in a community of a Telegram group, a Discord channel and a WhatsApp group, with the real adapters
// (scaled-down pacing) and their stand-ins: posted from Telegram, answered by button on Telegram and Discord and by
// command on WhatsApp; every copy on every platform ends with the same counts, and no platform answered 429.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { StandinClient } from '../whatsapp/standin.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ADA = { id: 42, is_bot: false, first_name: 'Ada' };
const MO = { id: 43, is_bot: false, first_name: 'Mo' };
const BEA = { id: 44, is_bot: false, first_name: 'Bea' };
const WA_BOT = '33600000001@c.us';
const WA_GROUP = '120363041234567890@g.us';
const WA_ADMIN = '33612345678@c.us';
const WA_NEIGHBOUR = '33698765432@c.us';

let bot: TestBot | undefined;
let telegram: TelegramStandin | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  await discord?.stop();
  bot = telegram = discord = undefined;
});

describe('an event across Telegram, Discord and WhatsApp', () => {
  it('is answered by button and by command from each platform, and every copy shows the same counts', { timeout: 150_000 }, async () => {
    const tg = (telegram = await TelegramStandin.start());
    tg.addChat(LILAS);
    tg.setMember(LILAS.id, ADA, 'creator');
    tg.setMember(LILAS.id, MO, 'administrator', { can_change_info: false });
    const dc = (discord = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start());
    const wa = new StandinClient(WA_BOT);
    wa.addGroup(WA_GROUP, 'Immeuble 12', [{ id: WA_ADMIN, isAdmin: true }, { id: WA_NEIGHBOUR, isAdmin: false }]);
    const b = (bot = await startTestApp({
      noConsole: true,
      events: { editIntervalMs: 300 },
      adapters: [
        createTelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, logger, pacing: { perChatIntervalMs: 31, globalIntervalMs: 1 }, pollTimeoutSeconds: 1, pollRetryMs: 50 }),
        createDiscordAdapter({ token: dc.token, apiUrl: dc.apiUrl, logger, pacing: { perChatIntervalMs: 10, globalIntervalMs: 1 } }),
        createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: wa, terminal: null, pacing: { perChatIntervalMs: 40, globalIntervalMs: 15, jitterMs: 10 } }),
      ],
    }));
    await b.waitFor(() => wa.qrCount === 1);
    wa.scanQr();

    const tgTo = (chatId: number) => tg.sent.filter((m) => m.chatId === chatId);
    await tg.userMessage({ chat: { id: ADA.id, type: 'private' }, from: ADA, text: '/start' });
    await b.waitFor(() => tgTo(ADA.id).length === 1);
    await tg.userMessage({ chat: LILAS, from: ADA, text: '/community create Quartier' });
    await b.waitFor(() => tgTo(ADA.id).length === 2);
    const code = /\/community join (\S+)/.exec(tgTo(ADA.id)[1]!.text)![1]!;
    dc.userMessage(dc.world.general, dc.world.users.admin, `!community join ${code}`);
    wa.receiveGroupMessage(WA_GROUP, WA_ADMIN, `/community join ${code}`);
    await b.waitFor(() => dc.botPosts(dc.world.general).length === 1 && wa.sent.length === 1);

    await tg.userMessage({ chat: LILAS, from: MO, text: '/event Street party | samedi 18h | Rue des Lilas' });
    const tgCopy = () => tgTo(LILAS.id).find((m) => m.text.startsWith('📅 Event #1'));
    const dcCopy = () => dc.botPosts(dc.world.general).find((p) => p.content?.startsWith('📅 Event #1'));
    const waCopy = () => wa.sent.find((m) => m.body.startsWith('📅 Event #1'));
    await b.waitFor(() => tgCopy() !== undefined && dcCopy() !== undefined && waCopy() !== undefined);
    const keyboard = tg.message(LILAS.id, tgCopy()!.messageId)!.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    expect(keyboard.inline_keyboard.flat().map((k) => k.callback_data)).toEqual(['ev:1:y', 'ev:1:m', 'ev:1:n']);

    await tg.pressButton({ chatId: LILAS.id, from: BEA, messageId: tgCopy()!.messageId, data: 'ev:1:y' });
    dc.pressButton(dcCopy()!.id, dc.world.users.member, 'ev:1:y');
    wa.receiveGroupMessage(WA_GROUP, WA_NEIGHBOUR, '/rsvp 1 maybe');
    await tg.userMessage({ chat: LILAS, from: ADA, text: '/rsvp 1 no' });

    const counts = '✅ 2 going · 🤔 1 maybe · 🚫 1 can’t';
    const tgNow = () => tg.messageText(LILAS.id, tgCopy()!.messageId) ?? '';
    const dcNow = () => dcCopy()?.content ?? '';
    const waNow = () => waCopy()!.edits.at(-1) ?? waCopy()!.body;
    await b.waitFor(() => [tgNow(), dcNow(), waNow()].every((text) => text.includes(counts)), 30_000);
    for (const text of [tgNow(), dcNow(), waNow()]) expect(text).toMatch(/Going: (Bea, \S+|\S+, Bea)/);
    // The edited Telegram copy keeps its buttons.
    expect((tg.message(LILAS.id, tgCopy()!.messageId)!.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard.flat()).toHaveLength(3);

    // A Discord moderator's slash command: the copy there is a channel message that later answers edit.
    dc.slashCommand(dc.world.general, dc.world.users.moderator, 'event', [{ name: 'event', type: 3, value: 'Picnic | dimanche 12h' }]);
    const dcPicnic = () => dc.botPosts(dc.world.general).find((p) => p.content?.startsWith('📅 Event #2'));
    await b.waitFor(() => dcPicnic() !== undefined && tgTo(LILAS.id).some((m) => m.text.startsWith('📅 Event #2')) && wa.sent.some((m) => m.body.startsWith('📅 Event #2')));
    dc.pressButton(dcPicnic()!.id, dc.world.users.member, 'ev:2:y');
    await b.waitFor(() => (dcPicnic()?.content ?? '').includes('✅ 1 going'), 30_000);
    expect(tg.rateLimited).toEqual([]);
    expect(dc.rateLimited).toEqual({ user: 0, global: 0 });
  });
});
