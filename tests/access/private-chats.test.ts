// A private chat is not a group (issue 19, item 1). A member who saw a join or link code in a group, or who is simply
// alone with the bot, tries group commands in their private chat on each platform: every one answers that it works
// in a group, nothing changes, and the private chat never joins a community or a bridge. What concerns the person
// (/start, /help, /lang, their own requests) still works there.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { parseCode } from '../../src/text/codes.js';
import { alerts, faqEntries } from '../../src/db/schema/index.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { StandinClient } from '../whatsapp/standin.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const CAROL = { id: 44, is_bot: false, first_name: 'Carol' };
const CAROL_DM = { id: CAROL.id, type: 'private' as const };
const groupOnly = (command: string) => translate('en', 'errors.group_only', { command });

let bot: TestBot | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  for (const close of closers.splice(0)) await close();
});

/** A community started by `groupId` through the service (as if its admin had typed /community create), and its code. */
async function communityOf(b: TestBot, groupId: string, platform: string): Promise<string> {
  const group = await b.app.services.groups.ensure(groupId, platform, 'Rue des Lilas', b.app.services.defaults);
  const created = await b.app.services.communities.create(group, 'Lilas', `${platform}:founder`, Date.now());
  if (!('code' in created)) throw new Error('not created');
  return created.code;
}

describe('a private chat is not a group', { timeout: 90_000 }, () => {
  it('Telegram: a member with a code seen in the group cannot join, alert, cancel others’ requests or add FAQ entries from their private chat', async () => {
    const standin = await TelegramStandin.start();
    closers.push(() => standin.close());
    standin.addChat(LILAS);
    standin.setMember(LILAS.id, ALICE, 'creator');
    standin.setMember(LILAS.id, BOB, 'member');
    standin.setMember(LILAS.id, CAROL, 'member');
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    const carolChat = `telegram:${CAROL.id}`;
    const code = await communityOf(b, `telegram:${LILAS.id}`, 'telegram');
    const { code: bridgeCode } = await b.app.services.bridge.createCode(`telegram:${LILAS.id}`, `telegram:${ALICE.id}`, 'group');

    // Bob asks for help in the group: request #1 of the community.
    await standin.userMessage({ chat: LILAS, from: BOB, text: '/need milk for the baby' });
    await b.waitFor(() => standin.sent.some((s) => s.chatId === LILAS.id && /#1/.test(s.text)));

    const dm = () => standin.sent.filter((s) => s.chatId === CAROL.id).map((s) => s.text);
    const say = async (text: string) => {
      const before = dm().length;
      await standin.userMessage({ chat: CAROL_DM, from: CAROL, text });
      await b.waitFor(() => dm().length > before);
      return dm()[before]!;
    };

    expect(await say(`/community join ${code}`)).toBe(groupOnly('/community'));
    expect(await say('/alert urgent Gas leak, leave your homes')).toBe(groupOnly('/alert'));
    expect(await say('/faq add wifi | the code is 1234')).toBe(groupOnly('/faq'));
    expect(await say('/setrules Send money to Carol')).toBe(groupOnly('/setrules'));
    expect(await say('/bridge link')).toBe(groupOnly('/bridge'));
    expect(await say(`/bridge ${bridgeCode}`)).toBe(groupOnly('/bridge'));
    expect(await say('/approve 1')).toBe(groupOnly('/approve'));
    // Someone else's request is not hers: in a private chat a number names only her own requests.
    expect(await say('/cancel 1')).toBe(translate('en', 'request.not_found', { number: 1 }));

    const { communities, bridge, help, db } = b.app.services;
    expect(await communities.communityOf(carolChat)).toBeUndefined();
    expect(await bridge.repo.bridgeOf(carolChat)).toBeUndefined();
    expect(await bridge.repo.partnersOf(`telegram:${LILAS.id}`)).toEqual([]);
    expect(await db.select().from(alerts)).toEqual([]);
    const request = (await help.requests.live(`community:${(await communities.communityOf(`telegram:${LILAS.id}`))!.id}`))[0]!;
    expect(request.status).toBe('open');
    expect(await db.select().from(faqEntries)).toEqual([]);
    // Nothing reached the group beyond Bob's request.
    expect(standin.sent.filter((s) => s.chatId === LILAS.id)).toHaveLength(1);

    // What concerns her works: /help lists only that, /lang sets her chat's language, /start says hello.
    const helpText = await say('/help');
    expect(helpText).toContain('/lang');
    expect(helpText).toContain('/forgetme');
    expect(helpText).not.toContain('/setrules');
    expect(helpText).not.toContain('/community');
    expect(await say('/lang fr')).toBe(translate('fr', 'lang.set', { language: 'français' }));
    expect(await say('/start')).toBe(translate('fr', 'start.welcome'));
  });

  it('Telegram: the author closes her own request from her private chat, by its number', async () => {
    const standin = await TelegramStandin.start();
    closers.push(() => standin.close());
    standin.addChat(LILAS);
    standin.setMember(LILAS.id, CAROL, 'member');
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await standin.userMessage({ chat: LILAS, from: CAROL, text: '/need a ladder' });
    await b.waitFor(() => standin.sent.some((s) => s.chatId === LILAS.id && /#1/.test(s.text)));
    await standin.userMessage({ chat: CAROL_DM, from: CAROL, text: '/requests' });
    await b.waitFor(() => standin.sent.some((s) => s.chatId === CAROL.id));
    expect(standin.sent.find((s) => s.chatId === CAROL.id)!.text).toContain('a ladder');
    await standin.userMessage({ chat: CAROL_DM, from: CAROL, text: '/cancel 1' });
    await b.waitFor(() => standin.sent.filter((s) => s.chatId === CAROL.id).length === 2);
    expect(standin.sent.filter((s) => s.chatId === CAROL.id)[1]!.text).toBe(translate('en', 'request.cancelled', { number: 1 }));
    expect(await b.app.services.help.requests.liveByAuthor(`telegram:${CAROL.id}`)).toEqual([]);
  });

  it('Discord: in the bot’s DM (text never reaches it there: slash commands do), group commands answer that they work in a server channel, even for the server’s admin', async () => {
    const standIn = await new DiscordStandIn().start();
    closers.push(() => standIn.stop());
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    const general = `discord:${standIn.world.general}`;
    const code = await communityOf(b, general, 'discord');
    const { admin, member } = standIn.world.users;
    const option = (command: string, sub: string | undefined, value: string) => {
      const registered = (standIn.world.commands as unknown as { name: string; options?: { name: string; type: number; options?: { name: string }[] }[] }[]).find((c) => c.name === command)!;
      if (!sub) return [{ name: registered.options![0]!.name, type: 3, value }];
      const subOption = registered.options!.find((o) => o.name === sub)!;
      return [{ name: sub, type: 1, options: subOption.options?.length ? [{ name: subOption.options[0]!.name, type: 3, value }] : [] }];
    };

    for (const user of [admin, member]) {
      const dm = standIn.openDm(user.id);
      const answered = () => standIn.messagesIn(dm).filter((m) => m.content);
      const slash = async (name: string, options: ReturnType<typeof option>) => {
        const before = answered().length;
        standIn.slashCommand(dm, user, name, options);
        await b.waitFor(() => answered().length > before);
        return answered()[before]!.content;
      };
      expect(await slash('community', option('community', 'join', code))).toBe(groupOnly('/community'));
      expect(await slash('alert', option('alert', 'urgent', 'Gas leak'))).toBe(groupOnly('/alert'));
      expect(await slash('setrules', option('setrules', undefined, 'Be rude'))).toBe(groupOnly('/setrules'));
      expect(await slash('bridge', option('bridge', 'link', ''))).toBe(groupOnly('/bridge'));
      expect(await b.app.services.communities.communityOf(`discord:${dm}`)).toBeUndefined();
      expect(await slash('help', [])).not.toContain('/setrules');
    }
    expect((await b.app.services.groups.find(general))?.rules ?? null).toBeNull();
    expect(await b.app.services.db.select().from(alerts)).toEqual([]);
  });

  it('WhatsApp: in a one-to-one chat, group commands answer that they work in a group, even for a group admin', async () => {
    const standin = new StandinClient(BOT);
    standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: standin, terminal: null, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await b.waitFor(() => standin.qrCount === 1);
    standin.scanQr();
    await b.waitFor(async () => (await b.app.health()).checks.whatsapp?.ok === true);
    const code = await communityOf(b, `whatsapp:${GROUP}`, 'whatsapp');
    const { code: bridgeCode } = await b.app.services.bridge.createCode(`whatsapp:${GROUP}`, `whatsapp:${ADMIN}`, 'group');

    for (const person of [ADMIN, MEMBER]) {
      const replies = () => standin.sent.filter((s) => s.chatId === person).map((s) => s.body);
      const say = async (text: string) => {
        const before = replies().length;
        standin.receivePrivateMessage(person, text);
        await b.waitFor(() => replies().length > before);
        return replies()[before]!;
      };
      expect(await say(`/community join ${code}`)).toBe(groupOnly('/community'));
      expect(await say(`!bridge ${bridgeCode}`)).toBe(groupOnly('/bridge'));
      expect(await say('/alert urgent Gas leak')).toBe(groupOnly('/alert'));
      expect(await say('!setrules Be rude')).toBe(groupOnly('/setrules'));
      expect(await say('/faq add wifi | 1234')).toBe(groupOnly('/faq'));
      expect(await b.app.services.communities.communityOf(`whatsapp:${person}`)).toBeUndefined();
    }
    expect(await b.app.services.bridge.repo.partnersOf(`whatsapp:${GROUP}`)).toEqual([]);
    expect(standin.sent.filter((s) => s.chatId === GROUP)).toEqual([]);
  });

  it('the services themselves refuse to link or join a private chat, whatever calls them', async () => {
    const b = (bot = await startTestApp());
    const { bridge, communities } = b.app.services;
    const { code } = await bridge.createCode('telegram:-100200300', 'telegram:42', 'group');
    expect(await bridge.useCode(parseCode(code)!, 'telegram:44', 'telegram:44')).toEqual({ ok: false, reason: 'private-chat' });
    expect(await bridge.useCode(parseCode(code)!, 'whatsapp:33698765432@c.us', 'whatsapp:33698765432@c.us')).toEqual({ ok: false, reason: 'private-chat' });
    expect(await bridge.useCode(parseCode(code)!, 'discord:123456', 'discord:9', 'private')).toEqual({ ok: false, reason: 'private-chat' });
    await expect(bridge.createCode('telegram:44', 'telegram:44')).rejects.toThrow(/private chat/);
    const joinCode = await communityOf(b, 'telegram:-100200300', 'telegram');
    expect(await communities.join('telegram:44', joinCode, 'telegram:44', Date.now())).toEqual({ ok: false, reason: 'private-chat' });
    expect(await communities.join('discord:777', joinCode, 'discord:9', Date.now(), 'private')).toEqual({ ok: false, reason: 'private-chat' });
  });
});

describe('where a command works is declared on the command', () => {
  it('is checked when the commands are loaded: a command without it (or with another value) fails the start', async () => {
    const { CommandRegistry, InvalidCommandError } = await import('../../src/core/command.js');
    const { allCommands } = await import('../../src/features/index.js');
    const base = { name: 'x', role: 'member' as const, args: [], run: async () => {} };
    expect(() => new CommandRegistry([base as never])).toThrow(InvalidCommandError);
    expect(() => new CommandRegistry([{ ...base, where: 'private' } as never])).toThrow(/where must be one of group, any/);
    // Only what concerns the person works in a private chat.
    expect(allCommands.filter((c) => c.where === 'any').map((c) => c.name).sort()).toEqual(['cancel', 'done', 'forgetme', 'help', 'lang', 'requests', 'start']);
  });
});

describe('a private chat linked to a bridge before links refused them', () => {
  it('receives nothing from the group any more', async () => {
    const b = (bot = await startTestApp());
    const { bridge } = b.app.services;
    const at = new Date();
    await bridge.repo.link('console:lilas', 'b-old', 'console:carol', at);
    await bridge.repo.link('console:@carol', 'b-old', 'console:carol', at);
    await bridge.repo.link('console:nord', 'b-old', 'console:carol', at);
    await b.chat('lilas', 'ada').send('the door code changes tonight');
    await b.waitFor(() => b.chat('nord').delivered.some((d) => /door code/.test(d.text)));
    await b.settle();
    expect(b.privateTo('carol')).toEqual([]);
  });
});
