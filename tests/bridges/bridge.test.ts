// Bridges end to end: WhatsApp ↔ Discord ↔ Telegram through the real adapters and their stand-ins, real Redis and
// PGlite, the whole pipeline and delivery layer.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, GROUP, LILAS, MEMBER, World } from './world.js';
import { DRIVERS } from '../whatsapp/drivers.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const waChat = `whatsapp:${GROUP}`;

describe.each(DRIVERS)('linking with codes (WhatsApp on $name)', (driver) => {
  it('refuses a member, an expired code and a reused code; links with a fresh one; /bridge shows the links', async () => {
    const w = (world = await World.create({}, {}, driver));
    const { discord } = w;
    const code = await w.codeFromWhatsApp();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // A member of the Discord channel may not use it.
    discord.userMessage(w.general, discord.world.users.member, `!bridge ${code}`);
    await w.bot.waitFor(() => w.discordCopies().some((m) => /moderators/.test(m.content)));
    expect(await w.bot.app.services.bridge.repo.bridgeOf(waChat)).toBeUndefined();

    // A code made eleven minutes ago has expired. (Made through the service with the clock set back, not through
    // the chat: the outbox paces by the same clock, and moving it would shift reserved slots.)
    w.clock.offset = -11 * 60_000;
    const { code: old } = await w.bot.app.services.bridge.createCode(waChat, `whatsapp:${ADMIN}`);
    w.clock.offset = 0;
    discord.userMessage(w.general, discord.world.users.moderator, `!bridge ${old}`);
    await w.bot.waitFor(() => w.discordCopies().some((m) => /expired/.test(m.content)));

    // A fresh code links; the same code a second time (from Telegram) is refused.
    const fresh = await w.codeFromWhatsApp();
    discord.userMessage(w.general, discord.world.users.moderator, `!bridge ${fresh.toLowerCase()}`);
    await w.bot.waitFor(() => w.discordCopies().some((m) => /Linked with/.test(m.content)));
    await w.bot.waitFor(() => w.wa.sent.some((s) => /is now bridged with this group/.test(s.body)));
    await w.telegram.userMessage({ chat: LILAS, from: ALICE, text: `/bridge ${fresh}` });
    await w.bot.waitFor(() => w.telegramCopies().some((m) => /already used/.test(m.text)));
    expect(await w.bot.app.services.bridge.repo.partnersOf(waChat)).toEqual([`discord:${w.general}`]);
    // The link is audited as a settings change.
    const audit = await w.bot.app.services.audit.latest(`discord:${w.general}`);
    expect(audit.some((a) => a.action === 'bridge link')).toBe(true);

    // A third chat joins the same bridge with another code.
    const third = await w.codeFromWhatsApp();
    await w.telegram.userMessage({ chat: LILAS, from: ALICE, text: `/bridge ${third}` });
    await w.bot.waitFor(() => w.telegramCopies().some((m) => /between 3 chats/.test(m.text)));

    await w.telegram.userMessage({ chat: LILAS, from: BOB, text: '/bridge' });
    await w.bot.waitFor(() => w.telegramCopies().some((m) => /bridged with:/.test(m.text)));
    const status = w.telegramCopies().find((m) => /bridged with:/.test(m.text))!.text;
    expect(status).toContain('(whatsapp)');
    expect(status).toContain('(discord)');
  }, 60_000);
});

describe.each(DRIVERS)('relaying (WhatsApp on $name)', (driver) => {
  it('relays text with the sender’s name (webhook identity on Discord, bold prefix on Telegram), neutralises @everyone, ignores its own echo', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const waBefore = w.wa.sent.length;
    const discordBefore = w.discordCopies().length;
    const telegramBefore = w.telegramCopies().length;

    w.wa.receiveGroupMessage(GROUP, MEMBER, '@everyone the *water* is cut at 3pm', { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discordCopies().length === discordBefore + 1 && w.telegramCopies().length === telegramBefore + 1);
    await w.bot.settle();

    const onDiscord = w.discordCopies().at(-1)!;
    expect(onDiscord.webhook_id).toBeDefined();
    expect((onDiscord.author as { username: string }).username).toBe('Maya');
    expect(onDiscord.content).toContain('\uFF20everyone');
    expect(onDiscord.content).toContain('**water**');
    expect(w.discord.pings).toEqual([]);

    const onTelegram = w.telegramCopies().at(-1)!;
    expect(onTelegram.text).toBe('Maya: \uFF20everyone the water is cut at 3pm');
    const entities = onTelegram.params.entities as { type: string; offset: number; length: number }[];
    expect(entities).toEqual(expect.arrayContaining([{ type: 'bold', offset: 0, length: 5 }, { type: 'bold', offset: 20, length: 5 }]));

    // Our own posts come back to us on every platform (message_create, webhook echoes): nothing is relayed twice.
    expect(w.wa.sent.length).toBe(waBefore);
    expect(w.discordCopies().length).toBe(discordBefore + 1);
    expect(w.telegramCopies().length).toBe(telegramBefore + 1);

    // Discord → WhatsApp: markdown becomes WhatsApp markup; commands are not relayed.
    w.discord.userMessage(w.general, w.discord.world.users.member, 'see **you** there');
    await w.bot.waitFor(() => w.wa.sent.length === waBefore + 1);
    expect(w.wa.sent.at(-1)!.body).toContain('*you*');
    expect(w.wa.sent.at(-1)!.body).toMatch(/^\*Max\*: see/);
    w.discord.userMessage(w.general, w.discord.world.users.member, '!rules');
    await w.bot.waitFor(() => w.discordCopies().some((m) => /rules/i.test(m.content) && !m.webhook_id));
    await w.bot.settle();
    expect(w.wa.sent.some((s) => s.body.includes('rules'))).toBe(false);
  }, 60_000);

  it('maps reply chains both ways, also after a restart', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const original = w.wa.receiveGroupMessage(GROUP, MEMBER, 'Anyone has a ladder?', { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discordCopies().some((m) => m.content.includes('ladder')) && w.telegramCopies().some((m) => m.text.includes('ladder')));
    await w.bot.settle();
    const discordCopy = w.discordCopies().find((m) => m.content.includes('ladder'))!;
    const telegramCopy = w.telegramCopies().find((m) => m.text.includes('ladder'))!;

    // Restart: the map lives in the database, so nothing is forgotten.
    const db = w.db;
    await w.stopBot();
    await w.start({ db });

    // Discord → WhatsApp and Telegram: replies to the right copies.
    w.discord.userMessage(w.general, w.discord.world.users.member, 'I do', {
      type: 19,
      message_reference: { message_id: discordCopy.id, channel_id: w.general },
      referenced_message: discordCopy,
    });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.body.includes('I do')) && w.telegramCopies().some((m) => m.text.includes('I do')));
    expect(w.wa.sent.find((s) => s.body.includes('I do'))!.quotedMessageId).toBe(original.id._serialized);
    const tgReply = w.telegramCopies().find((m) => m.text.includes('I do'))!;
    expect(tgReply.params.reply_parameters).toMatchObject({ message_id: telegramCopy.messageId });

    // WhatsApp → Discord: a reply to the bot's copy of the Discord message becomes a native reply to the original.
    await w.bot.settle();
    const discordOriginal = w.discord.messagesIn(w.general).find((m) => m.content === 'I do')!;
    const waCopy = w.wa.sent.find((s) => s.body.includes('I do'))!;
    w.wa.receiveGroupMessage(GROUP, ADMIN, 'great, thanks', {
      notifyName: 'Ada',
      replyTo: waCopy.id,
    });
    await w.bot.waitFor(() => w.discordCopies().some((m) => m.content.includes('great, thanks')));
    const discordReply = w.discordCopies().find((m) => m.content.includes('great, thanks'))!;
    expect(discordReply.message_reference).toMatchObject({ message_id: discordOriginal.id });
    expect(discordReply.content).toMatch(/^\*\*Ada:\*\* great, thanks/);
    expect(w.discord.pings).toEqual([]);
  }, 90_000);

  it('applies an edit and a delete to every copy', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const original = w.wa.receiveGroupMessage(GROUP, MEMBER, 'Meeting at 6', { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discordCopies().some((m) => m.content.includes('Meeting')) && w.telegramCopies().some((m) => m.text.includes('Meeting')));
    const discordCopy = w.discordCopies().find((m) => m.content.includes('Meeting'))!;
    const telegramCopy = w.telegramCopies().find((m) => m.text.includes('Meeting'))!;

    w.wa.editIncoming(original.id._serialized, 'Meeting at 7');
    await w.bot.waitFor(() => w.discord.world.messages.get(discordCopy.id)!.message.content.includes('7') && w.telegram.messageText(LILAS.id, telegramCopy.messageId) === 'Maya: Meeting at 7');

    w.wa.revokeIncoming(original.id._serialized);
    await w.bot.waitFor(() => w.discord.world.messages.get(discordCopy.id)!.deleted && w.telegram.messageText(LILAS.id, telegramCopy.messageId) === undefined);
    await w.bot.settle();
    // Exactly one copy was ever posted per chat: edits changed it in place.
    expect(w.discordCopies().filter((m) => m.content.includes('Meeting'))).toHaveLength(0);
    expect(w.telegramCopies().filter((m) => m.text.includes('Meeting'))).toHaveLength(1);
  }, 60_000);

  it('splits a 5,000-character message and maps a reply to any of its parts', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    const long = Array.from({ length: 500 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 5000);
    const original = w.wa.receiveGroupMessage(GROUP, MEMBER, long, { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discordCopies().filter((m) => m.content.includes('word')).length >= 3 && w.telegramCopies().filter((m) => m.text.includes('word')).length >= 2);
    await w.bot.settle();
    const parts = w.discordCopies().filter((m) => m.content.includes('word'));
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.content).join(' ').replace(/\s+/g, ' ')).toContain('word0499');
    const map = await w.bot.app.services.bridge.repo.copiesIn(`whatsapp:${original.id._serialized}`, `discord:${w.general}`);
    expect(map.map((c) => c.part)).toEqual([0, 1, 2]);

    // A reply to the last Discord part reaches WhatsApp as a reply to the original, Telegram to its last part.
    const last = parts.at(-1)!;
    w.discord.userMessage(w.general, w.discord.world.users.member, 'tl;dr?', {
      type: 19,
      message_reference: { message_id: last.id, channel_id: w.general },
      referenced_message: last,
    });
    await w.bot.waitFor(() => w.wa.sent.some((s) => s.body.includes('tl;dr')) && w.telegramCopies().some((m) => m.text.includes('tl;dr')));
    expect(w.wa.sent.find((s) => s.body.includes('tl;dr'))!.quotedMessageId).toBe(original.id._serialized);
    const tgParts = w.telegramCopies().filter((m) => m.text.includes('word'));
    expect(w.telegramCopies().find((m) => m.text.includes('tl;dr'))!.params.reply_parameters).toMatchObject({ message_id: tgParts.at(-1)!.messageId });
  }, 60_000);

  it('keeps relays while Discord is down, tells the source once, then delivers every message in order, none twice', async () => {
    const w = (world = await World.create({ bridge: { noticeAfterFailures: 2 } }, {}, driver));
    await w.linkAll();
    // Discord answers 500 to every REST call for a while.
    const rest = w.discord.rest as unknown as { handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void> };
    const handle = rest.handle.bind(rest);
    let down = true;
    rest.handle = async (req, res) => {
      if (!down) return handle(req, res);
      req.resume();
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'stand-in outage', code: 0 }));
    };
    const before = w.discordCopies().length;
    const waBefore = w.wa.sent.length;
    for (let i = 1; i <= 6; i++) w.wa.receiveGroupMessage(GROUP, MEMBER, `news ${i}`, { notifyName: 'Maya' });
    // Telegram is not held up by Discord's outage.
    await w.bot.waitFor(() => w.telegramCopies().filter((m) => /news \d/.test(m.text)).length === 6);
    // The WhatsApp group is told once that Discord is not getting its messages.
    await w.bot.waitFor(() => w.wa.sent.some((s) => /not getting through/.test(s.body)), 30_000);
    const links = await w.bot.app.services.bridge.linksOf(waChat);
    const discordLink = links.find((l) => l.chatId === `discord:${w.general}`)!;
    expect(discordLink.queued).toBe(6);
    expect(discordLink.lastError).toMatch(/500|outage/i);
    expect(w.discordCopies().length).toBe(before);

    down = false;
    await w.bot.waitFor(() => w.discordCopies().filter((m) => /news \d/.test(m.content)).length === 6, 60_000);
    await w.bot.settle(2000, 30_000);
    const relayed = w.discordCopies().filter((m) => /news \d/.test(m.content)).map((m) => m.content);
    expect(relayed).toEqual(['news 1', 'news 2', 'news 3', 'news 4', 'news 5', 'news 6']);
    expect(w.wa.sent.slice(waBefore).filter((s) => /not getting through/.test(s.body))).toHaveLength(1);
    const after = (await w.bot.app.services.bridge.linksOf(waChat)).find((l) => l.chatId === `discord:${w.general}`)!;
    expect(after).toMatchObject({ queued: 0, failures: 0 });
    expect(after.lastRelayedAt).toBeDefined();
  }, 120_000);
});

describe.each(DRIVERS)('quiet hours (WhatsApp on $name)', (driver) => {
  it('holds relays to a quiet chat for its morning digest, sends them on elsewhere, and does not count them as queued', async () => {
    const w = (world = await World.create({}, {}, driver));
    await w.linkAll();
    // Quiet hours on the Telegram group from an hour ago to two hours from now (UTC), so "now" is inside them.
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const now = Date.now();
    const owner = { id: 44, is_bot: false, first_name: 'Odile' };
    w.telegram.setMember(LILAS.id, owner, 'creator');
    await w.telegram.userMessage({ chat: LILAS, from: owner, text: `/quiet ${hhmm(now - 3600_000)}-${hhmm(now + 7200_000)} UTC` });
    await w.bot.waitFor(() => w.telegramCopies().some((m) => /^Saved\. Quiet hours/.test(m.text)));
    await w.bot.settle();
    const telegramBefore = w.telegramCopies().length;

    w.wa.receiveGroupMessage(GROUP, MEMBER, 'Lost cat near the bakery', { notifyName: 'Maya' });
    await w.bot.waitFor(() => w.discordCopies().some((m) => m.content.includes('Lost cat')));
    const target = `telegram:${LILAS.id}`;
    await w.bot.waitFor(async () => (await w.bot.app.services.rules.held.count(target)) === 1);
    await w.bot.settle();
    expect(w.telegramCopies().length).toBe(telegramBefore);
    const link = (await w.bot.app.services.bridge.linksOf(waChat)).find((l) => l.chatId === target)!;
    expect(link.queued).toBe(0);

    // The morning job: the digest names the author, as the copy would have.
    const { redis, prefix, rules } = w.bot.app.services;
    const keys = await redis.keys(`${prefix}:quiet:held:${target}:*`);
    expect(keys).toHaveLength(1);
    const until = Number(keys[0]!.split(':').at(-1));
    await rules.held.deliver({ target, until }, w.bot.app.outbox);
    await w.bot.waitFor(() => w.telegramCopies().some((m) => m.text.includes('Maya: Lost cat near the bakery')), 30_000);
    expect(await rules.held.count(target)).toBe(0);
  }, 60_000);
});
