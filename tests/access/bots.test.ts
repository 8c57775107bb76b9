// Bots are not members (issue 19, item 5): a relay bot posting `!setrules` with its own administrator rights, or a
// webhook posting a command, is ignored on each platform where bots exist (WhatsApp has none). The adapters say who
// is a bot (Telegram `from.is_bot`, Discord `author.bot` and webhook posts); the command stage ignores them.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { normalize } from '../../adapters/discord/normalize.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const logger = pino({ level: 'silent' });
const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const RELAY = { id: 990, is_bot: true, first_name: 'RelayBot', username: 'relay_bot' };
const CAROL = { id: 44, is_bot: false, first_name: 'Carol' };

let bot: TestBot | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  for (const close of closers.splice(0)) await close();
});

describe('bots are not members', { timeout: 90_000 }, () => {
  it('Telegram: an administrator bot’s /setrules is ignored', async () => {
    const s = await TelegramStandin.start();
    closers.push(() => s.close());
    s.addChat(LILAS);
    s.setMember(LILAS.id, RELAY, 'administrator', { can_change_info: true });
    s.setMember(LILAS.id, CAROL, 'member');
    const adapter = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await s.userMessage({ chat: LILAS, from: RELAY, text: '/setrules Pay 100 € to the account below' });
    await s.userMessage({ chat: LILAS, from: RELAY, text: '/nosuchcommand@QuartierBot' });
    await s.userMessage({ chat: LILAS, from: CAROL, text: '/rules' });
    await b.waitFor(() => s.sent.length >= 1);
    await b.settle();
    // Only Carol's /rules was answered, and the rules were not set.
    expect(s.sent.map((m) => m.text)).toEqual([expect.stringMatching(/no rules yet/)]);
    expect((await b.app.services.groups.find(`telegram:${LILAS.id}`))!.rules).toBeNull();
  });

  it('Discord: a bot account with admin rights and a webhook post are both ignored', async () => {
    const standIn = await new DiscordStandIn().start();
    closers.push(() => standIn.stop());
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    const { general, users } = standIn.world;
    // The admin's account is a bot here (a relay bot someone gave the Admins role).
    standIn.userMessage(general, { ...users.admin, bot: true }, '!setrules Pay 100 € to the account below');
    // Another integration posts through a webhook of its own, with a person's name.
    standIn.userMessage(general, { id: '424242424242424242', username: 'Adam', discriminator: '0000', avatar: null } as typeof users.admin, '!setrules Spam', { webhook_id: '424242424242424242' });
    standIn.userMessage(general, users.member, '!rules');
    const texts = () => standIn.botMessages().filter((m) => m.content).map((m) => m.content);
    await b.waitFor(() => texts().length >= 1);
    await b.settle();
    expect(texts()).toEqual([expect.stringMatching(/no rules yet/)]);
    expect((await b.app.services.groups.find(`discord:${general}`))!.rules).toBeNull();
  });

  it('Discord: the normaliser marks webhook posts as bots even when the author object says nothing', () => {
    const envelope = normalize(
      {
        t: 'MESSAGE_CREATE',
        d: {
          id: '1200000000000000001',
          channel_id: '1100000000000000001',
          guild_id: '1000000000000000001',
          author: { id: '424242424242424242', username: 'Adam' },
          webhook_id: '424242424242424242',
          content: '!setrules Spam',
          timestamp: '2025-06-01T10:00:00.000Z',
          edited_timestamp: null,
          type: 0,
        },
      } as never,
      { botUserId: '1', applicationId: '2' },
    );
    expect(envelope?.sender.isBot).toBe(true);
  });
});
