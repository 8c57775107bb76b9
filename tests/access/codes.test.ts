// Codes are secrets (issue 19, item 2). A code shown in a group could be used by any member in a group of their own,
// so `/bridge link`, `/community create` and `/community code` give it to the moderator or admin who asked, and only
// them: privately on Telegram and WhatsApp (on Telegram through a deep link and `/start` when the bot may not write
// first), ephemerally on Discord slash commands and by DM for `!` commands. Each test checks that no group-bound text
// ever carries the code. A used code is reported to the first group, which can undo it; wrong codes are limited.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn, type SlashOption } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const NORD = { id: -100400500, type: 'supergroup' as const, title: 'Quartier Nord' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const CAROL = { id: 44, is_bot: false, first_name: 'Carol' };
const DAVE = { id: 45, is_bot: false, first_name: 'Dave' };
const dm = (user: { id: number }) => ({ id: user.id, type: 'private' as const });
const BRIDGE_CODE = /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/;
const JOIN_CODE = /\/community join ([A-Z0-9]{4}-[A-Z0-9]{4})/;
/** A code in any of its typed forms (with or without the hyphen, any case). */
const carries = (text: string, code: string) => text.toUpperCase().replace(/-/g, '').includes(code.replace('-', ''));

let bot: TestBot | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  for (const close of closers.splice(0)) await close();
});

describe('codes are secrets', { timeout: 120_000 }, () => {
  it('Telegram: the code goes to the moderator privately; the first group hears who used it and unlinks it with /bridge off <#>', async () => {
    const s = await TelegramStandin.start();
    closers.push(() => s.close());
    s.addChat(LILAS);
    s.addChat(NORD);
    s.setMember(LILAS.id, ALICE, 'creator');
    s.setMember(LILAS.id, CAROL, 'member');
    s.setMember(NORD.id, BOB, 'creator');
    const adapter = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));

    // Alice has started the bot: her private chat exists.
    await s.userMessage({ chat: dm(ALICE), from: ALICE, text: '/start' });
    await b.waitFor(() => s.sent.some((m) => m.chatId === ALICE.id));
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/bridge link' });
    await b.waitFor(() => s.sent.some((m) => m.chatId === ALICE.id && BRIDGE_CODE.test(m.text)));
    const code = BRIDGE_CODE.exec(s.sent.find((m) => m.chatId === ALICE.id && BRIDGE_CODE.test(m.text))!.text)![1]!;
    await b.waitFor(() => s.sent.some((m) => m.chatId === LILAS.id));
    expect(s.sent.find((m) => m.chatId === LILAS.id)!.text).toBe(translate('en', 'codes.sent_privately', { name: 'Alice' }));

    // Bob, admin of a group of his own, has the code (Alice gave it to him, or it leaked): his group is linked, and
    // Lilas is told which chat it is, who used the code, and how to undo it.
    await s.userMessage({ chat: NORD, from: BOB, text: `/bridge ${code}` });
    await b.waitFor(() => s.sent.some((m) => m.chatId === LILAS.id && /Quartier Nord \(telegram\) is now bridged/.test(m.text)));
    const notice = s.sent.find((m) => m.chatId === LILAS.id && /is now bridged/.test(m.text))!.text;
    expect(notice).toContain('Bob used the code');
    expect(notice).toContain('/bridge off 1');

    // A member may not unlink; Alice (a moderator) does, and Nord hears it.
    await s.userMessage({ chat: LILAS, from: CAROL, text: '/bridge off 1' });
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/bridge off 1' });
    await b.waitFor(() => s.sent.some((m) => m.chatId === NORD.id && /removed this group from the bridge/.test(m.text)));
    expect(await b.app.services.bridge.repo.partnersOf(`telegram:${LILAS.id}`)).toEqual([]);
    expect(await b.app.services.bridge.repo.bridgeOf(`telegram:${NORD.id}`)).toBeUndefined();
    expect(s.sent.some((m) => m.chatId === LILAS.id && m.text === translate('en', 'bridge.off_one', { chat: 'Quartier Nord' }))).toBe(true);

    await b.settle();
    // The code never appeared in a group.
    const groupTexts = s.sent.filter((m) => m.chatId < 0).map((m) => m.text);
    expect(groupTexts.length).toBeGreaterThan(3);
    expect(groupTexts.filter((t) => carries(t, code))).toEqual([]);
  });

  it('Telegram: an admin who never started the bot gets a deep-link button; /start gives the code once, to them only, after asking Telegram their role again', async () => {
    const s = await TelegramStandin.start();
    closers.push(() => s.close());
    s.addChat(LILAS);
    s.setMember(LILAS.id, DAVE, 'administrator', { can_change_info: true });
    s.setMember(LILAS.id, CAROL, 'member');
    const adapter = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));

    const markup = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as { inline_keyboard: { url?: string }[][] } | undefined;
    const button = () => markup(s.sent.filter((m) => m.chatId === LILAS.id && m.params.reply_markup).at(-1)?.params.reply_markup)?.inline_keyboard[0]?.[0]?.url;
    await s.userMessage({ chat: LILAS, from: DAVE, text: '/community create Lilas' });
    await b.waitFor(() => button() !== undefined);
    // Telegram refused the private message (Dave never started the bot): the group got the button instead.
    expect(s.requests.some((r) => r.method === 'sendMessage' && r.params.chat_id === DAVE.id && r.status === 403)).toBe(true);
    const url = button()!;
    expect(url).toMatch(/^https:\/\/t\.me\/QuartierBot\?start=[A-Za-z0-9_-]{22}$/);
    const token = url.split('start=')[1]!;
    expect(s.sent.find((m) => m.params.reply_markup)!.text).toBe(translate('en', 'codes.open_private'));

    // Carol (a member) follows the same link: it is not hers.
    await s.userMessage({ chat: dm(CAROL), from: CAROL, text: `/start ${token}` });
    await b.waitFor(() => s.sent.some((m) => m.chatId === CAROL.id));
    expect(s.sent.find((m) => m.chatId === CAROL.id)!.text).toBe(translate('en', 'start.link_not_yours'));

    // Dave presses Start: the code, privately.
    await s.userMessage({ chat: dm(DAVE), from: DAVE, text: `/start ${token}` });
    await b.waitFor(() => s.sent.some((m) => m.chatId === DAVE.id));
    const code = JOIN_CODE.exec(s.sent.find((m) => m.chatId === DAVE.id)!.text)![1]!;
    // Once only.
    await s.userMessage({ chat: dm(DAVE), from: DAVE, text: `/start ${token}` });
    await b.waitFor(() => s.sent.filter((m) => m.chatId === DAVE.id).length === 2);
    expect(s.sent.filter((m) => m.chatId === DAVE.id)[1]!.text).toBe(translate('en', 'start.link_unknown'));

    // A fresh code, asked now that Dave's private chat is open, comes straight to it. Then Dave loses his admin
    // rights: the grant behind that code cannot be followed any more (his role is asked of Telegram, not of the cache).
    const tokens: string[] = [];
    b.app.events.on('enqueued', (message) => {
      const token = /^codes:([A-Za-z0-9_-]{22}):dm$/.exec(message.id)?.[1];
      if (token) tokens.push(token);
    });
    await s.userMessage({ chat: LILAS, from: DAVE, text: '/community code' });
    await b.waitFor(() => s.sent.filter((m) => m.chatId === DAVE.id).length === 3);
    const fresh = JOIN_CODE.exec(s.sent.filter((m) => m.chatId === DAVE.id)[2]!.text)![1]!;
    expect(tokens).toHaveLength(1);
    s.setMember(LILAS.id, DAVE, 'member');
    await s.userMessage({ chat: dm(DAVE), from: DAVE, text: `/start ${tokens[0]}` });
    await b.waitFor(() => s.sent.filter((m) => m.chatId === DAVE.id).length === 4);
    expect(s.sent.filter((m) => m.chatId === DAVE.id)[3]!.text).toBe(translate('en', 'start.role_lost', { command: '/community code' }));

    await b.settle();
    const groupTexts = s.sent.filter((m) => m.chatId < 0).map((m) => m.text);
    for (const secret of [code, fresh]) expect(groupTexts.filter((t) => carries(t, secret))).toEqual([]);
  });

  it('Discord: a slash command answers with the code ephemerally, a ! command by DM, and closed DMs point to the slash command', async () => {
    const standIn = await new DiscordStandIn().start();
    closers.push(() => standIn.stop());
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    const { moderator, admin } = standIn.world.users;
    const general = standIn.world.general;
    const registered = standIn.world.commands as unknown as { name: string; options?: { name: string; options?: { name: string }[] }[] }[];
    const sub = (command: string, name: string, value?: string): SlashOption[] => {
      const option = registered.find((c) => c.name === command)!.options!.find((o) => o.name === name)!;
      return [{ name, type: 1, options: value === undefined ? [] : [{ name: option.options![0]!.name, type: 3, value }] } as unknown as SlashOption];
    };

    standIn.slashCommand(general, moderator, 'bridge', sub('bridge', 'link'));
    await b.waitFor(() => standIn.messagesIn(general).some((m) => m.ephemeral && BRIDGE_CODE.test(m.content)));
    const slashCode = BRIDGE_CODE.exec(standIn.messagesIn(general).find((m) => m.ephemeral && BRIDGE_CODE.test(m.content))!.content)![1]!;

    standIn.userMessage(general, moderator, '!bridge link');
    await b.waitFor(() => standIn.dmsTo(moderator.id).some((m) => BRIDGE_CODE.test(m.content)));
    const dmCode = BRIDGE_CODE.exec(standIn.dmsTo(moderator.id).find((m) => BRIDGE_CODE.test(m.content))!.content)![1]!;
    await b.waitFor(() => standIn.messagesIn(general).some((m) => !m.ephemeral && /private message/.test(m.content)));

    standIn.slashCommand(general, admin, 'community', sub('community', 'create', 'Jardins'));
    await b.waitFor(() => standIn.messagesIn(general).some((m) => m.ephemeral && JOIN_CODE.test(m.content)));
    const joinCode = JOIN_CODE.exec(standIn.messagesIn(general).find((m) => m.ephemeral && JOIN_CODE.test(m.content))!.content)![1]!;

    standIn.closeDms(admin.id);
    standIn.userMessage(general, admin, '!community code');
    await b.waitFor(() => standIn.messagesIn(general).some((m) => m.content === translate('en', 'codes.private_failed_discord', { command: '/community code' })));

    await b.settle();
    const visible = standIn.messagesIn(general).filter((m) => !m.ephemeral).map((m) => m.content);
    for (const code of [slashCode, dmCode, joinCode]) expect(visible.filter((t) => carries(t, code))).toEqual([]);
  });

  it.each(DRIVERS)('WhatsApp on $name: the join code goes to the admin privately; the first group hears who joined and removes it with /community remove <#>', async (driver) => {
    const GROUP2 = '120363049999999999@g.us';
    const { world: s, client } = driver.create(BOT);
    s.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    s.addGroup(GROUP2, 'Chez Max', [{ id: MEMBER, isAdmin: true }]);
    s.addContact(ADMIN);
    const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client, terminal: null, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await b.waitFor(() => s.qrCount === 1);
    s.scanQr();
    await b.waitFor(async () => (await b.app.health()).checks.whatsapp?.ok === true);

    s.receiveGroupMessage(GROUP, ADMIN, '/community create Lilas');
    await b.waitFor(() => s.sent.some((m) => m.chatId === ADMIN && JOIN_CODE.test(m.body)));
    const code = JOIN_CODE.exec(s.sent.find((m) => m.chatId === ADMIN && JOIN_CODE.test(m.body))!.body)![1]!;

    s.receiveGroupMessage(GROUP2, MEMBER, `!community join ${code}`);
    await b.waitFor(() => s.sent.some((m) => m.chatId === GROUP && /\(WhatsApp\) joined “Lilas”/.test(m.body)));
    const notice = s.sent.find((m) => m.chatId === GROUP && /joined “Lilas”/.test(m.body))!.body;
    expect(notice).toContain('/community remove 2');
    expect(notice).toContain(GROUP2.split('@')[0]!.slice(0, 6));

    // The joined group's admin cannot remove groups: only admins of the group that started the community.
    s.receiveGroupMessage(GROUP2, MEMBER, '/community remove 1');
    await b.waitFor(() => s.sent.some((m) => m.chatId === GROUP2 && m.body === translate('en', 'community.remove_not_creator', { name: 'Lilas' })));
    // A member of the first group cannot either.
    s.receiveGroupMessage(GROUP, MEMBER, '/community remove 2');
    await b.waitFor(() => s.sent.some((m) => m.chatId === GROUP && /only the group's admins/.test(m.body)));
    expect(await b.app.services.communities.communityOf(`whatsapp:${GROUP2}`)).toBeDefined();

    s.receiveGroupMessage(GROUP, ADMIN, '/community remove 2');
    await b.waitFor(() => s.sent.some((m) => m.chatId === GROUP2 && /removed this group from it/.test(m.body)));
    expect(await b.app.services.communities.communityOf(`whatsapp:${GROUP2}`)).toBeUndefined();
    const audit = await b.app.services.audit.latest(`whatsapp:${GROUP2}`);
    expect(audit[0]).toMatchObject({ action: 'community.remove', actorId: `whatsapp:${ADMIN}` });

    // Without a private chat to reach (the admin is not a contact of the bot's account), the group is told to ask again.
    s.receiveGroupMessage(GROUP2, MEMBER, '/community create Max');
    await b.waitFor(() => s.sent.some((m) => m.chatId === GROUP2 && m.body === translate('en', 'codes.private_failed', { command: '/community code' })));

    await b.settle();
    const groupTexts = s.sent.filter((m) => m.chatId.endsWith('@g.us')).map((m) => m.body);
    expect(groupTexts.filter((t) => carries(t, code))).toEqual([]);
  });

  it('limits wrong codes to 5 per chat and per person in 10 minutes, then refuses politely even a right one', async () => {
    const b = (bot = await startTestApp());
    const lilas = b.chat('lilas', 'ada').as('admin');
    await lilas.send('/community create Lilas');
    const code = await b.privateMatch('ada', JOIN_CODE);
    const nord = b.chat('nord', 'bea').as('admin');
    for (let i = 0; i < 5; i++) {
      const [reply] = await nord.send(`/community join ZZZZ-ZZZ${i + 2}`);
      expect(reply!.text).toMatch(/don't know this code/);
    }
    const [refused] = await nord.send(`/community join ${code}`);
    expect(refused!.text).toBe(translate('en', 'codes.too_many'));
    expect(await b.app.services.communities.communityOf('console:nord')).toBeUndefined();
    // Per person: Bea is refused in another group too; per chat: Cyd, another admin of Nord, is refused there.
    const [elsewhere] = await b.chat('gare', 'bea').as('admin').send(`/community join ${code}`);
    expect(elsewhere!.text).toBe(translate('en', 'codes.too_many'));
    const [sameChat] = await b.chat('nord', 'cyd').as('admin').send(`/bridge ZZZZ-ZZZZ`);
    expect(sameChat!.text).toBe(translate('en', 'codes.too_many'));
    // Someone else in another chat is not affected.
    const [joined] = await b.chat('gare', 'cyd').as('admin').send(`/community join ${code}`);
    expect(joined!.text).toMatch(/joined/);
    // The group that started the community is told, and the console group never saw the code.
    await b.waitFor(() => b.chat('lilas').delivered.some((d) => /gare \(console\) joined “Lilas”; Alex used the join code.*\/community remove 2/.test(d.text)));
    const groupTexts = b.console.delivered.filter((d) => !d.group.startsWith('@')).map((d) => d.message.text);
    expect(groupTexts.filter((t) => carries(t, code))).toEqual([]);
  });
});

