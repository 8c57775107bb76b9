// Help requests across platforms: one community of a Telegram group and a Discord channel, the real adapters against
// their stand-ins, the whole bot in between (real Redis, PGlite, pipeline, Outbox, quiet-hours hold, delivery).
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const TG = `telegram:${LILAS.id}`;
const DEFAULTS = { language: 'en', timezone: 'Europe/Paris' };

let tg: TelegramStandin | undefined;
let dc: DiscordStandIn | undefined;
let bot: TestBot | undefined;
let now = 0;

afterEach(async () => {
  await bot?.stop();
  await tg?.close();
  await dc?.stop();
  bot = tg = dc = undefined;
});

/** Both stand-ins, the bot on both, and one community holding the Telegram group and Discord's #general. */
async function start(at: number) {
  now = at;
  tg = await TelegramStandin.start();
  tg.addChat(LILAS);
  dc = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
  const telegram = createTelegramAdapter({
    token: tg.token,
    apiRoot: tg.apiRoot,
    logger,
    pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
    pollTimeoutSeconds: 1,
    pollRetryMs: 50,
  });
  const discord = createDiscordAdapter({ token: dc.token, apiUrl: dc.apiUrl, logger, pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 } });
  bot = await startTestApp({ adapters: [telegram, discord], noConsole: true, clock: { now: () => now }, help: { sweepIntervalMs: 0 } });
  const DC = `discord:${dc.world.general}`;
  const { groups, communities } = bot.app.services;
  const lilas = await groups.ensure(TG, 'telegram', LILAS.title, DEFAULTS);
  await groups.ensure(DC, 'discord', 'general', DEFAULTS);
  const created = await communities.create(lilas, 'Quartier des Lilas', 'telegram:1', now);
  if (!('code' in created)) throw new Error('community not created');
  expect(await communities.join(DC, created.code, 'discord:1', now)).toMatchObject({ ok: true });
  return { tg, dc, bot, DC };
}

const tgCopies = (s: TelegramStandin, pattern: RegExp, chatId = LILAS.id) => s.sent.filter((m) => m.chatId === chatId && pattern.test(m.text));
const dcMessages = (s: DiscordStandIn, pattern: RegExp) => s.botMessages().filter((m) => !m.deleted && pattern.test(m.content));
const customIdOf = (message: Record<string, unknown>) =>
  (message.components as { components: { custom_id: string }[] }[])[0]!.components[0]!.custom_id;

describe('help requests across Telegram and Discord', () => {
  it('posts once to each group; offers by button and command reach the author privately; /done closes every copy', async () => {
    const { tg: t, dc: d, bot: b, DC } = await start(Date.UTC(2026, 2, 10, 11, 0));
    t.addChat({ id: ALICE.id, type: 'private', title: 'Alice' }); // Alice has started the bot
    const { message: asked } = await t.userMessage({ chat: LILAS, from: ALICE, text: '/need a plumber, the kitchen tap leaks #plumber' });

    await b.waitFor(() => tgCopies(t, /Help wanted #1/).length === 1 && dcMessages(d, /Help wanted #1/).length === 1);
    await b.settle();
    const [tgCopy] = tgCopies(t, /Help wanted #1/);
    const [dcCopy] = dcMessages(d, /Help wanted #1/);
    // Once in each group: the origin's copy answers the command; the other is a plain post in #general.
    expect(tgCopies(t, /Help wanted/)).toHaveLength(1);
    expect(dcMessages(d, /Help wanted/)).toHaveLength(1);
    expect(tgCopy!.params.reply_parameters).toMatchObject({ message_id: asked.message_id });
    expect(tgCopy!.text).toContain('from Alice (Rue des Lilas):\na plumber, the kitchen tap leaks #plumber');
    expect(dcCopy!.channel_id).toBe(d.world.general);
    const data = customIdOf(dcCopy!);
    expect(data).toMatch(/^help:offer:\d+$/);
    expect(tgCopy!.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'I can help', callback_data: data }]] });

    // A Discord member presses "I can help": thanked in #general, Alice told in her private chat with the bot.
    d.pressButton(dcCopy!.id, d.world.users.member, data);
    await b.waitFor(() => dcMessages(d, /Thank you/).length === 1 && tgCopies(t, /can help with your request #1/, ALICE.id).length === 1);
    const [dm] = tgCopies(t, /can help/, ALICE.id);
    expect(dm!.text).toMatch(/^Max \(in general\) can help with your request #1: “a plumber/);

    // Bob offers by command on Telegram: a second private notice.
    await t.userMessage({ chat: LILAS, from: BOB, text: '/offer #1' });
    await b.waitFor(() => tgCopies(t, /can help with your request #1/, ALICE.id).length === 2);
    expect(tgCopies(t, /Thank you, Bob!/)).toHaveLength(1);
    // Offering twice is answered, and Alice is not told again.
    await t.userMessage({ chat: LILAS, from: BOB, text: '/offer 1' });
    await b.waitFor(() => tgCopies(t, /already offered/).length === 1);
    // Nothing was broadcast beyond the thank-you notes: no group saw who Alice is in private.
    expect(tgCopies(t, /can help with your request/)).toHaveLength(0);

    // A stranger on Discord cannot close it.
    d.userMessage(DC.replace('discord:', ''), d.world.users.member, '!done 1');
    await b.waitFor(() => dcMessages(d, /Only the person who asked/).length === 1);

    // Alice closes it: both copies are edited in place, and the Telegram button is gone.
    await t.userMessage({ chat: LILAS, from: ALICE, text: '/done 1' });
    await b.waitFor(() => t.edits.length === 1 && /#1 is solved/.test(d.world.messages.get(dcCopy!.id)!.message.content));
    expect(t.edits[0]).toMatchObject({ chatId: LILAS.id, messageId: tgCopy!.messageId, text: expect.stringMatching(/#1 is solved/) });
    expect(t.messageText(LILAS.id, tgCopy!.messageId)).toMatch(/^✅ Request #1 is solved/);
    expect(t.edits[0]!.params.reply_markup).toBeUndefined();
    // The Discord copy loses its "I can help" button too.
    expect(d.world.messages.get(dcCopy!.id)!.message.components).toEqual([]);
    await b.settle();

    const help = b.app.services.help;
    const request = (await help.requests.byNumber(help.scopeOf((await b.app.services.groups.find(TG))!), 1))!;
    expect(request.status).toBe('done');
    expect((await help.requests.history(request.id)).map((e) => e.action)).toEqual(['posted', 'offered', 'offered', 'done']);
    // A button pressed on a stale view of a closed request only says so.
    d.pressButton(dcCopy!.id, d.world.users.admin, data);
    await b.waitFor(() => dcMessages(d, /already closed/).length === 1);
  }, 60_000);

  it('falls back to a mention in the origin group when the author cannot be reached privately', async () => {
    const { tg: t, dc: d, bot: b } = await start(Date.UTC(2026, 2, 10, 11, 0));
    // Bob never started the bot: Telegram refuses the private message, so the group gets a real mention.
    await t.userMessage({ chat: LILAS, from: BOB, text: '/need jump leads #car' });
    await b.waitFor(() => dcMessages(d, /Help wanted #1/).length === 1);
    d.userMessage(d.world.general, d.world.users.moderator, '!offer 1');
    await b.waitFor(() => tgCopies(t, /^Bob, Mona \(in general\) can help with your request #1/).length === 1);
    const [mention] = tgCopies(t, /^Bob, Mona/);
    expect(mention!.params.entities).toEqual([{ type: 'text_mention', offset: 0, length: 3, user: expect.objectContaining({ id: BOB.id }) }]);
    expect(t.requests.some((r) => r.method === 'sendMessage' && r.params.chat_id === BOB.id && r.status === 403)).toBe(true);

    // A Discord author is told in a DM (the bot opens the DM channel); nothing is posted in #general about it.
    d.userMessage(d.world.general, d.world.users.member, '!need a cat sitter this weekend #cats');
    await b.waitFor(() => tgCopies(t, /Help wanted #2/).length === 1);
    await t.userMessage({ chat: LILAS, from: ALICE, text: '/offer 2' });
    await b.waitFor(() => d.dmsTo(d.world.users.member.id).length === 1);
    const [privately] = d.dmsTo(d.world.users.member.id);
    expect(privately!.content).toMatch(/^Alice \(in Rue des Lilas\) can help with your request #2/);
    await b.settle();
    expect(dcMessages(d, /can help with your request #2/).filter((m) => m.channel_id === d.world.general)).toHaveLength(0);

    // A Discord author whose DMs are closed is mentioned in their channel instead.
    d.closeDms(d.world.users.moderator.id);
    d.userMessage(d.world.general, d.world.users.moderator, '!need a ladder for Sunday #tools');
    await b.waitFor(() => tgCopies(t, /Help wanted #3/).length === 1);
    await t.userMessage({ chat: LILAS, from: ALICE, text: '/offer 3' });
    await b.waitFor(() => dcMessages(d, /, Alice \(in Rue des Lilas\) can help with your request #3/).length === 1);
    const [discordMention] = dcMessages(d, /, Alice \(in Rue/);
    expect(discordMention!.channel_id).toBe(d.world.general);
    expect(discordMention!.content).toMatch(new RegExp(`^<@${d.world.users.moderator.id}>, Alice`));
    expect(d.pings).toContainEqual({ messageId: discordMention!.id, channelId: d.world.general, kind: 'user', id: d.world.users.moderator.id });
    expect(d.requests.some((r) => r.method === 'POST' && r.status === 403 && (r.response as { code: number }).code === 50007)).toBe(true);
    expect(d.dmsTo(d.world.users.moderator.id)).toEqual([]);
  }, 60_000);

  it('holds the copy for a group in its quiet hours unless the request is urgent', async () => {
    // 23:30 in Paris; #general is quiet from 22:00 to 07:00, the Telegram group is not.
    const { tg: t, dc: d, bot: b, DC } = await start(Date.UTC(2026, 2, 10, 22, 30));
    await b.app.services.groups.change(DC, 'discord:1', 'quiet', {
      settings: { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } },
    });
    await t.userMessage({ chat: LILAS, from: ALICE, text: '/need someone to water my plants next week #plants' });
    await t.userMessage({ chat: LILAS, from: BOB, text: '/need urgent water coming through my ceiling, who has a key to 3B?' });
    await b.waitFor(() => tgCopies(t, /Help wanted #1/).length === 1 && tgCopies(t, /URGENT help wanted #2/).length === 1);
    await b.waitFor(() => dcMessages(d, /URGENT help wanted #2/).length === 1);
    await b.settle();
    // The non-urgent request waits for the morning; the urgent one went straight through. Each copy exactly once.
    expect(dcMessages(d, /Help wanted #1/)).toHaveLength(0);
    expect(await b.app.services.rules.held.count(DC)).toBe(1);
    expect(dcMessages(d, /help wanted/i)).toHaveLength(1);
    expect(tgCopies(t, /help wanted/i)).toHaveLength(2);

    // Closed while its Discord copy still waits: the Telegram copy is edited; Discord gets a follow-up behind the copy.
    await t.userMessage({ chat: LILAS, from: ALICE, text: '/done 1' });
    await b.waitFor(() => t.edits.length === 1);
    await b.waitFor(async () => (await b.app.services.rules.held.count(DC)) === 2);

    // When the quiet stretch ends (released here rather than waited for), both arrive, once, the copy first.
    await b.app.services.rules.held.release(DC);
    await b.waitFor(() => dcMessages(d, /Help wanted #1/).length === 1 && dcMessages(d, /#1 is solved/).length === 1);
    await b.settle();
    expect(dcMessages(d, /Help wanted #1/)).toHaveLength(1);
    const order = d.botMessages().map((m) => m.content);
    expect(order.findIndex((c) => /Help wanted #1/.test(c))).toBeLessThan(order.findIndex((c) => /#1 is solved/.test(c)));
  }, 60_000);
});
