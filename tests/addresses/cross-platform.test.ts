// Addresses across the Telegram, Discord and WhatsApp stand-ins with the real adapters, pipeline, Outbox and delivery:
// a recommendation made on WhatsApp is found from Discord with a Spanish word, vouched for from Telegram (button and
// command, once per person), removed by its author, erased by /forgetme; a solved help request offers the address.
// And the attacks: a forged button, a group of another community, a private chat.
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
const DEFAULTS = { language: 'en', timezone: 'Europe/Paris' };
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const GARE = { id: -100600700, type: 'supergroup' as const, title: 'Quartier Gare' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const WA_BOT = '33600000001@c.us';
const WA_GROUP = '120363041234567890@g.us';
const WA_ADMIN = '33612345678@c.us';
const WA_NADIA = '33698765432@c.us';
const CONTACT = '06 12 34 56 78';

let bot: TestBot | undefined;
let telegram: TelegramStandin | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  await discord?.stop();
  bot = telegram = discord = undefined;
});

/** One community of the Telegram group Lilas, Discord's #general and a WhatsApp group; Gare is in no community. */
async function start() {
  const tg = (telegram = await TelegramStandin.start());
  for (const chat of [LILAS, GARE]) tg.addChat(chat);
  tg.addChat({ id: ALICE.id, type: 'private', title: 'Alice' });
  const dc = (discord = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start());
  const wa = new StandinClient(WA_BOT);
  wa.addGroup(WA_GROUP, 'Immeuble 12', [{ id: WA_ADMIN, isAdmin: true }, { id: WA_NADIA }]);
  const b = (bot = await startTestApp({
    noConsole: true,
    help: { sweepIntervalMs: 0 },
    adapters: [
      createTelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 }),
      createDiscordAdapter({ token: dc.token, apiUrl: dc.apiUrl, logger, pacing: { perChatIntervalMs: 10, globalIntervalMs: 1 } }),
      createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: wa, terminal: null, pacing: { perChatIntervalMs: 20, globalIntervalMs: 5, jitterMs: 5 } }),
    ],
  }));
  await b.waitFor(() => wa.qrCount === 1);
  wa.scanQr();
  const { groups, communities } = b.app.services;
  const lilas = await groups.ensure(`telegram:${LILAS.id}`, 'telegram', LILAS.title, DEFAULTS);
  await groups.ensure(`discord:${dc.world.general}`, 'discord', 'general', DEFAULTS);
  await groups.ensure(`whatsapp:${WA_GROUP}`, 'whatsapp', 'Immeuble 12', DEFAULTS);
  const created = await communities.create(lilas, 'Quartier', 'telegram:1', Date.now());
  if (!('code' in created)) throw new Error('community not created');
  for (const id of [`discord:${dc.world.general}`, `whatsapp:${WA_GROUP}`]) {
    expect(await communities.join(id, created.code, 'telegram:1', Date.now())).toMatchObject({ ok: true });
  }
  return { tg, dc, wa, b };
}

describe('addresses across WhatsApp, Discord and Telegram', () => {
  it('a WhatsApp recommendation is found from Discord in Spanish, vouched for from Telegram, removed by its author, erased by /forgetme', { timeout: 120_000 }, async () => {
    const { tg, dc, wa, b } = await start();
    const tgTo = (chatId: number) => tg.sent.filter((m) => m.chatId === chatId);
    const dcTexts = () => dc.botMessages().filter((m) => !m.deleted && m.content);
    const waTexts = () => wa.sent.map((m) => m.body);

    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, `/recommend plumber | Jean Dupont | ${CONTACT} | came within the hour`, { notifyName: 'Nadia' });
    await b.waitFor(() => waTexts().some((t) => /^Thank you! Added as #1 /.test(t)));

    dc.userMessage(dc.world.general, dc.world.users.member, '!find fontanero');
    await b.waitFor(() => dcTexts().some((m) => m.content.startsWith('1 address for “fontanero”')));
    const result = dcTexts().find((m) => m.content.startsWith('1 address'))!;
    expect(result.content).toContain(`#1 plumber — Jean Dupont\n   📞 ${CONTACT}\n   “came within the hour”\n   👍 1 neighbour · Immeuble 12`);
    const customId = (result.components as { components: { custom_id: string }[] }[])[0]!.components[0]!.custom_id;
    expect(customId).toBe('addr:vouch:1');

    // From Telegram: Alice searches in French and Bob presses "I recommend them too" under her result; twice counts once.
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/find plombier' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text.startsWith('1 address for “plombier”')));
    const tgResult = tgTo(LILAS.id).find((m) => m.text.startsWith('1 address'))!;
    expect(tgResult.params.reply_markup).toEqual({ inline_keyboard: [[{ text: '👍 I recommend #1 too', callback_data: 'addr:vouch:1' }]] });
    await tg.pressButton({ chatId: LILAS.id, from: BOB, messageId: tgResult.messageId, data: 'addr:vouch:1' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text === 'Thank you, Bob! #1 is now recommended by 2 neighbours.'));
    await tg.pressButton({ chatId: LILAS.id, from: BOB, messageId: tgResult.messageId, data: 'addr:vouch:1' });
    await tg.userMessage({ chat: LILAS, from: BOB, text: '/vouch 1' });
    await b.waitFor(() => tgTo(LILAS.id).filter((m) => m.text === 'You already recommend #1.').length === 2);
    // And a Discord member by the button under the Discord result.
    dc.pressButton(result.id, dc.world.users.member, customId);
    await b.waitFor(() => dcTexts().some((m) => m.content === 'Thank you, Max! #1 is now recommended by 3 neighbours.'));
    expect((await b.app.services.addresses.repository.byId(1))!.vouches).toBe(2);

    // A group of no community: its own addresses only. A forged button there (data naming #1) is refused.
    await tg.userMessage({ chat: GARE, from: BOB, text: '/recommend bakery | Chez Paul' });
    await b.waitFor(() => tgTo(GARE.id).some((m) => /^Thank you! Added as #2: bakery/.test(m.text)));
    const gareReply = tgTo(GARE.id).find((m) => m.text.includes('Added as #2'))!;
    await tg.pressButton({ chatId: GARE.id, from: BOB, messageId: gareReply.messageId, data: 'addr:vouch:1' });
    await tg.pressButton({ chatId: GARE.id, from: BOB, messageId: gareReply.messageId, data: 'addr:add:1' });
    await tg.userMessage({ chat: GARE, from: BOB, text: '/find plumber' });
    await b.waitFor(() => tgTo(GARE.id).some((m) => m.text.startsWith('No address matches “plumber”')));
    await b.waitFor(() => tgTo(GARE.id).some((m) => m.text === 'There is no address #1 here. Search with /find <words>.'));
    await b.waitFor(() => tgTo(GARE.id).some((m) => m.text === 'This offer is no longer available.'));
    expect((await b.app.services.addresses.repository.byId(1))!.vouches).toBe(2);

    // A private chat is not a group: no recommending, searching or vouching there.
    await tg.userMessage({ chat: { id: ALICE.id, type: 'private' }, from: ALICE, text: '/recommend plumber | Mario | 01 02 03 04 05' });
    await tg.userMessage({ chat: { id: ALICE.id, type: 'private' }, from: ALICE, text: '/find plumber' });
    await b.waitFor(() => tgTo(ALICE.id).length === 2);
    expect(tgTo(ALICE.id).every((m) => /works in a group/i.test(m.text))).toBe(true);
    await b.settle();
    // The contact was never shown outside the community's groups.
    expect([...tgTo(GARE.id), ...tgTo(ALICE.id)].some((m) => m.text.includes(CONTACT))).toBe(false);

    // Removed by its author on WhatsApp; Discord no longer finds it.
    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, '/recommend remove 1', { notifyName: 'Nadia' });
    await b.waitFor(() => waTexts().includes('Address #1 is removed.'));
    dc.userMessage(dc.world.general, dc.world.users.member, '!find fontanero');
    await b.waitFor(() => dcTexts().some((m) => m.content.startsWith('No address matches “fontanero”')));

    // Another of hers, vouched for by Bob; /forgetme by Bob takes his vouch, by Nadia her address.
    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, '/recommend electricista | Marc | 06 98 76 54 32', { notifyName: 'Nadia' });
    await b.waitFor(() => waTexts().some((t) => /^Thank you! Added as #3 /.test(t)));
    await tg.userMessage({ chat: LILAS, from: BOB, text: '/vouch 3' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text === 'Thank you, Bob! #3 is now recommended by 2 neighbours.'));
    await tg.userMessage({ chat: LILAS, from: BOB, text: '/forgetme' });
    await b.waitFor(async () => (await b.app.services.addresses.repository.byId(3))?.vouches === 0);
    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, '/forgetme', { notifyName: 'Nadia' });
    await b.waitFor(async () => (await b.app.services.addresses.repository.byId(3)) === undefined);
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/find electrician' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text.startsWith('No address matches “electrician”')));
  });

  it('a solved help request offers to add whoever helped: a button on Telegram (for its author only), a line on WhatsApp', { timeout: 120_000 }, async () => {
    const { tg, dc, wa, b } = await start();
    const tgTo = (chatId: number) => tg.sent.filter((m) => m.chatId === chatId);
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/need a plumber, the kitchen tap leaks #plumber' });
    await b.waitFor(() => dc.botMessages().some((m) => /Help wanted #1/.test(m.content)));
    dc.userMessage(dc.world.general, dc.world.users.member, '!offer 1');
    await b.waitFor(() => tgTo(ALICE.id).some((m) => /can help with your request #1/.test(m.text)));
    await tg.userMessage({ chat: LILAS, from: ALICE, text: '/done 1' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text.startsWith('Max helped with request #1.')));
    const offer = tgTo(LILAS.id).find((m) => m.text.startsWith('Max helped'))!;
    const data = (offer.params.reply_markup as { inline_keyboard: { callback_data: string; text: string }[][] }).inline_keyboard[0]![0]!;
    expect(data.text).toBe('Add Max as plumber');

    // Bob did not close the request: his press is refused. Alice's adds Max, found from Discord.
    await tg.pressButton({ chatId: LILAS.id, from: BOB, messageId: offer.messageId, data: data.callback_data });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => m.text === 'Only the person who closed the request can add this address.'));
    await tg.pressButton({ chatId: LILAS.id, from: ALICE, messageId: offer.messageId, data: data.callback_data });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => /^Thank you! Added as #\d+ for every group of the community: plumber — Max\./.test(m.text)));
    await tg.pressButton({ chatId: LILAS.id, from: ALICE, messageId: offer.messageId, data: data.callback_data });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => /^Already added as #\d+\.$/.test(m.text)));
    dc.userMessage(dc.world.general, dc.world.users.admin, '!find fontanero');
    // (Discord shows a line that starts with # as a heading unless escaped: the adapter escapes it.)
    await b.waitFor(() => dc.botMessages().some((m) => /^1 address for “fontanero”:\n\n\\?#\d+ plumber — Max/.test(m.content)));

    // On WhatsApp there are no buttons: the line to type instead.
    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, '/need someone to walk my dog on Tuesday #dogwalker', { notifyName: 'Nadia' });
    await b.waitFor(() => tgTo(LILAS.id).some((m) => /Help wanted #2/.test(m.text)));
    await tg.userMessage({ chat: LILAS, from: BOB, text: '/offer 2' });
    await b.waitFor(() => wa.sent.some((m) => /Bob \(in Rue des Lilas\) can help/.test(m.body)));
    wa.receiveGroupMessage(WA_GROUP, WA_NADIA, '/done 2', { notifyName: 'Nadia' });
    await b.waitFor(() =>
      wa.sent.some((m) => m.body === 'Bob helped with request #2. To add them to the neighbourhood addresses, type: /recommend dogwalker | Bob | <how to reach them>'),
    );
  });

  it('works as Discord slash commands: /recommend, /find in Spanish, /vouch', { timeout: 120_000 }, async () => {
    const { dc, b } = await start();
    const texts = () => dc.botMessages().filter((m) => !m.deleted && m.content).map((m) => m.content);
    dc.slashCommand(dc.world.general, dc.world.users.member, 'recommend', [
      { name: 'address', type: 1, options: [{ name: 'address', type: 3, value: 'vet | Clinique Lapa | 044 123 45 67 | open on Sundays' }] },
    ]);
    await b.waitFor(() => texts().some((t) => /^Thank you! Added as #1 for every group of the community: vet — Clinique Lapa\./.test(t)));
    dc.slashCommand(dc.world.general, dc.world.users.moderator, 'find', [{ name: 'find_words', type: 3, value: 'veterinario' }]);
    await b.waitFor(() => texts().some((t) => t.startsWith('1 address for “veterinario”') && t.includes('044 123 45 67')));
    dc.slashCommand(dc.world.general, dc.world.users.moderator, 'vouch', [{ name: 'address_id', type: 3, value: '#1' }]);
    await b.waitFor(() => texts().includes('Thank you, Mona! #1 is now recommended by 2 neighbours.'));
  });
});
