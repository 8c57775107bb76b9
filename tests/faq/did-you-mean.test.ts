// "Did you mean": when /faq is unsure it offers the closest topics as Telegram inline buttons (real grammY client
// against the Telegram stand-in), Discord buttons (real discord.js against the Discord stand-in), and `/faq <id>`
// commands (WhatsApp has no buttons; tried through the console adapter, which like WhatsApp shows text only).
// Attacks: a choice typed in another chat, a stale one, and a button pressed in another chat.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { scopeOf } from '../../src/features/faq/service.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const OTHER = { id: -100999888, type: 'supergroup' as const, title: 'Another group' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const DEFAULTS = { language: 'en', timezone: 'Europe/Paris' };
const ENTRIES = [
  { question: 'When are the bins collected?', answer: 'Bins go out on Tuesday evening.' },
  { question: 'How do I get a residents parking permit?', answer: 'Apply at the town hall with proof of address.' },
  { question: 'Where is the nearest pharmacy?', answer: 'Pharmacie du Marché, 3 place du Marché.' },
];
// Matches the parking permit entry somewhat, but is about something else: /faq must not answer, only offer.
const UNSURE = '/faq where can I park my boat?';

let tg: TelegramStandin | undefined;
let dc: DiscordStandIn | undefined;
let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await tg?.close();
  await dc?.stop();
  bot = tg = dc = undefined;
});

/** Adds the entries to a group's FAQ through the service (as /faq add does), returning their ids. */
async function seed(b: TestBot, groupId: string, platform: 'telegram' | 'discord' | 'whatsapp' | 'console', entries = ENTRIES): Promise<number[]> {
  const group = await b.app.services.groups.ensure(groupId, platform, 'group', DEFAULTS);
  const ids: number[] = [];
  for (const e of entries) {
    const home = await b.app.services.faq.repository.add(scopeOf(group), { lang: 'en', ...e, authorId: `${platform}:1` });
    await b.app.services.faq.changed(home);
    ids.push(home.id);
  }
  return ids;
}

describe('did you mean on Telegram', () => {
  it('offers inline buttons; pressing one answers; a button pressed in another chat shows nothing of this one', async () => {
    tg = await TelegramStandin.start();
    tg.addChat(LILAS);
    tg.addChat(OTHER);
    const telegram = createTelegramAdapter({
      token: tg.token,
      apiRoot: tg.apiRoot,
      logger,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    bot = await startTestApp({ adapters: [telegram], noConsole: true });
    const [, permit] = await seed(bot, `telegram:${LILAS.id}`, 'telegram');
    await seed(bot, `telegram:${OTHER.id}`, 'telegram', [{ question: 'Where is the bakery?', answer: 'Rue Haute.' }]);
    const t = tg;
    const sentIn = (chatId: number, pattern: RegExp) => t.sent.filter((m) => m.chatId === chatId && pattern.test(m.text));

    await t.userMessage({ chat: LILAS, from: ALICE, text: UNSURE });
    await bot.waitFor(() => sentIn(LILAS.id, /Did you mean/).length === 1);
    const [offer] = sentIn(LILAS.id, /Did you mean/);
    expect(offer!.text).toContain(`/faq ${permit} · How do I get a residents parking permit?`);
    expect(offer!.text).not.toContain('Apply at the town hall');
    const keyboard = (offer!.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    // The button names the entry and the offer (a token kept server-side, for learning from the asker's pick).
    const permitButton = keyboard.flat().find((k) => k.callback_data.startsWith(`faq:show:${permit}:`));
    expect(permitButton).toEqual({ text: 'How do I get a residents parking permit?', callback_data: expect.stringMatching(new RegExp(`^faq:show:${permit}:[A-Za-z0-9_-]{8}$`)) });

    // Bob, not the asker, presses it: anyone in the group may read the group's FAQ.
    await t.pressButton({ chatId: LILAS.id, from: BOB, messageId: offer!.messageId, data: permitButton!.callback_data });
    await bot.waitFor(() => sentIn(LILAS.id, /Apply at the town hall/).length === 1);

    // The same data pressed under a message in another group: that group's FAQ has no such entry.
    await t.userMessage({ chat: OTHER, from: BOB, text: '/faq where can I buy a cake' });
    await bot.waitFor(() => sentIn(OTHER.id, /no answer/).length === 1);
    const [there] = sentIn(OTHER.id, /no answer/);
    await t.pressButton({ chatId: OTHER.id, from: BOB, messageId: there!.messageId, data: `faq:show:${permit}` });
    await bot.waitFor(() => sentIn(OTHER.id, /not in this group's FAQ/).length === 1);
    await bot.settle();
    expect(t.sent.filter((m) => /Apply at the town hall/.test(m.text))).toHaveLength(1);
  }, 60_000);
});

describe('did you mean on Discord', () => {
  it('offers buttons; pressing one answers in the channel', async () => {
    dc = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
    const discord = createDiscordAdapter({ token: dc.token, apiUrl: dc.apiUrl, logger, pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 } });
    bot = await startTestApp({ adapters: [discord], noConsole: true });
    const d = dc;
    const [, permit] = await seed(bot, `discord:${d.world.general}`, 'discord');
    const messages = (pattern: RegExp) => d.botMessages().filter((m) => !m.deleted && pattern.test(m.content));

    d.userMessage(d.world.general, d.world.users.member, `!${UNSURE.slice(1)}`);
    await bot.waitFor(() => messages(/Did you mean/).length === 1);
    const [offer] = messages(/Did you mean/);
    const ids = (offer!.components as { components: { custom_id: string; label: string }[] }[]).flatMap((row) => row.components);
    const permitButton = ids.find((b) => b.custom_id.startsWith(`faq:show:${permit}:`));
    expect(permitButton).toEqual(expect.objectContaining({ custom_id: expect.stringMatching(new RegExp(`^faq:show:${permit}:[A-Za-z0-9_-]{8}$`)), label: 'How do I get a residents parking permit?' }));

    d.pressButton(offer!.id, d.world.users.admin, permitButton!.custom_id);
    await bot.waitFor(() => messages(/Apply at the town hall/).length === 1);
    // A forged button naming no entry of this channel's FAQ only says so.
    d.pressButton(offer!.id, d.world.users.admin, 'faq:show:999999');
    await bot.waitFor(() => messages(/not in this group's FAQ/).length === 1);
    expect(messages(/Apply at the town hall/)).toHaveLength(1);
  }, 60_000);
});

describe('did you mean as commands (WhatsApp and the console show text only)', () => {
  it('answers /faq <number> with that entry; in another chat, or once removed, a number says plainly it is not here', async () => {
    bot = await startTestApp();
    const [, permit] = await seed(bot, 'console:g1', 'console');
    await seed(bot, 'console:g2', 'console', [{ question: 'Where is the bakery?', answer: 'Rue Haute.' }]);
    const alice = bot.chat('g1', 'alice');
    const [offer] = (await alice.send(UNSURE)).map((r) => r.text);
    expect(offer).toMatch(new RegExp(`^Did you mean.*\\n/faq ${permit} · How do I get a residents parking permit\\?`, 's'));

    // Bob types the choice Alice was offered: the same entry, nobody's private context.
    expect((await bot.chat('g1', 'bob').send(`/faq ${permit}`)).map((r) => r.text)).toEqual([
      'How do I get a residents parking permit?\nApply at the town hall with proof of address.',
    ]);
    // The same number in another group is not that group's entry.
    expect((await bot.chat('g2', 'bob').send(`/faq ${permit}`)).map((r) => r.text)).toEqual([
      `There is no FAQ entry #${permit} here. Type /faq to see the topics.`,
    ]);
    // Stale: the entry is removed after the choice was offered.
    await bot.chat('g1', 'mo').as('moderator').send(`/faq remove ${permit}`);
    expect((await alice.send(`/faq ${permit}`)).map((r) => r.text)).toEqual([
      `There is no FAQ entry #${permit} here. Type /faq to see the topics.`,
    ]);
  });
});

describe.each(DRIVERS)('did you mean on WhatsApp ($name)', (driver) => {
  it('lists the choices as /faq <id> commands; a member types one and gets the answer; another group does not', async () => {
    const { world: standin, client } = driver.create(BOT);
    const SECOND = '120363049999999999@g.us';
    standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    standin.addGroup(SECOND, 'Another group', [{ id: MEMBER }]);
    const adapter = createWhatsAppAdapter({
      dataDir: '/nonexistent',
      logger,
      client,
      terminal: null,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 },
    });
    bot = await startTestApp({ adapters: [adapter], noConsole: true });
    const b = bot;
    await b.waitFor(() => standin.qrCount === 1);
    standin.scanQr();
    await b.waitFor(() => adapter.health?.().ok === true);
    const [, permit] = await seed(b, `whatsapp:${GROUP}`, 'whatsapp');
    const bodies = (chatId: string) => standin.sent.filter((m) => m.chatId === chatId).map((m) => m.body);

    standin.receiveGroupMessage(GROUP, ADMIN, UNSURE);
    await b.waitFor(() => bodies(GROUP).length === 1);
    expect(bodies(GROUP)[0]).toContain(`/faq ${permit} · How do I get a residents parking permit?`);

    // Another member types the choice.
    standin.receiveGroupMessage(GROUP, MEMBER, `/faq ${permit}`);
    await b.waitFor(() => bodies(GROUP).length === 2);
    expect(bodies(GROUP)[1]).toContain('Apply at the town hall with proof of address.');

    // The same command in a group whose FAQ has no such entry.
    standin.receiveGroupMessage(SECOND, MEMBER, `/faq ${permit}`);
    await b.waitFor(() => bodies(SECOND).length === 1);
    expect(bodies(SECOND)[0]).toContain(`There is no FAQ entry #${permit} here.`);
    expect(bodies(SECOND)[0]).not.toContain('town hall');
  }, 60_000);
});
