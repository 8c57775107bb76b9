// The setup on the Telegram stand-in, through the whole bot: the bot added to a group (my_chat_member, and the
// new_chat_members message reporting the same arrival) introduces itself once, listing the rights Telegram says it
// lacks (getChatMember of the bot itself); /setup asks again after an admin grants them.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { ChatMember, Update } from 'grammy/types';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };

let standin: TelegramStandin | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

/** Alice adds the bot as a plain member: Telegram sends my_chat_member, then the new_chat_members service message. */
async function addBot(s: TelegramStandin): Promise<void> {
  s.setMember(LILAS.id, s.bot, 'member');
  const date = Math.floor(Date.now() / 1000);
  const chat = { id: LILAS.id, type: LILAS.type, title: LILAS.title };
  await s.pushUpdate({
    my_chat_member: { chat, from: ALICE, date, old_chat_member: { status: 'left', user: s.bot } as ChatMember, new_chat_member: s.memberStatus(LILAS.id, s.bot.id)! },
  });
  await s.pushUpdate({ message: { message_id: 900, from: ALICE, chat, date, new_chat_members: [s.bot] } } as unknown as Omit<Update, 'update_id'>);
}

const setups = (s: TelegramStandin) => s.sent.filter((m) => m.chatId === LILAS.id && m.text.includes('/setrules'));

describe('setup when added, on Telegram', { timeout: 90_000 }, () => {
  it('introduces itself once with the missing rights; /setup (creator) shows them gone once granted', async () => {
    const s = await TelegramStandin.start({});
    standin = s;
    s.addChat(LILAS);
    s.setMember(LILAS.id, ALICE, 'creator');
    const adapter = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));

    await addBot(s);
    await b.waitFor(() => setups(s).length === 1);
    await b.settle();
    expect(setups(s)).toHaveLength(1);
    const text = setups(s)[0]!.text;
    expect(text).toContain('Rue des Lilas');
    expect(text).toContain('Delete messages');
    expect(text).toContain('Restrict members');
    // No greeting for the bot itself.
    expect(s.sent.some((m) => /Welcome to/.test(m.text))).toBe(false);

    s.setMember(LILAS.id, s.bot, 'administrator', { can_delete_messages: true, can_restrict_members: true });
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/setup' });
    await b.waitFor(() => setups(s).length === 2);
    expect(setups(s)[1]!.text).toContain('every permission I need');
    expect(setups(s)[1]!.text).not.toContain('Delete messages');
  });
});
