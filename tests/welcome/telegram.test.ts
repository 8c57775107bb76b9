// Welcome and verification on the Telegram stand-in, through the whole bot: a join is greeted once in the newcomer's
// language; with /verify on the newcomer is restricted (restrictChatMember) until they press the button, and a
// silent one is banned and unbanned (removed, free to come back) when the window ends.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { VERIFY_BUTTON } from '../../src/features/welcome/service.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { PostRefused, TelegramStandin } from '../telegram/standin/server.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const NADIA = { id: 44, is_bot: false, first_name: 'Nadia', language_code: 'uk' };
const OMAR = { id: 45, is_bot: false, first_name: 'Omar', language_code: 'en' };
const SPAMBOT = { id: 46, is_bot: true, first_name: 'Deals', username: 'deals_bot' };
const BURST_MS = 2_000;
const WINDOW_MS = 5 * 60_000;

let standin: TelegramStandin | undefined;
let bot: TestBot | undefined;
// The app's clock runs with real time (the delivery layer spaces sends by it) and jumps ahead when a test says so.
let offset = 0;
afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

async function start(
  botRights: Record<string, boolean> = { can_restrict_members: true, can_delete_messages: true },
  pacing = { perChatIntervalMs: 0, globalIntervalMs: 0 },
  limits: Parameters<typeof TelegramStandin.start>[0] = {},
) {
  offset = 0;
  const s = await TelegramStandin.start(limits);
  standin = s;
  s.addChat(LILAS);
  s.setMember(LILAS.id, s.bot, 'administrator', botRights);
  s.setMember(LILAS.id, ALICE, 'creator');
  s.setMember(LILAS.id, BOB, 'member');
  const adapter = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger: pino({ level: 'silent' }), pacing, pollTimeoutSeconds: 1, pollRetryMs: 50 });
  const b = await startTestApp({ adapters: [adapter], noConsole: true, clock: { now: () => Date.now() + offset }, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS, verifyWindowMs: WINDOW_MS } });
  bot = b;
  return { s, b };
}

async function later(b: TestBot, ms: number): Promise<void> {
  offset += ms;
  await b.app.services.welcome.sweep();
  await b.settle();
}

const greetings = (s: TelegramStandin) => s.sent.filter((m) => /Before you can post|Щоб писати|Welcome to|Ласкаво просимо/.test(m.text));

describe('welcome on Telegram', { timeout: 90_000 }, () => {
  it('verifies a newcomer who presses the button and removes a silent one; nobody else can press for them', async () => {
    const { s, b } = await start();
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/verify on' });
    await b.waitFor(() => s.sent.length === 1);

    await s.userJoins({ chat: LILAS, users: [NADIA, SPAMBOT] });
    await b.waitFor(() => s.memberStatus(LILAS.id, NADIA.id)?.status === 'restricted');
    await later(b, BURST_MS);
    await b.waitFor(() => greetings(s).length === 1);
    const greeting = greetings(s)[0]!;
    expect(greeting.text).toMatch(/^Ласкаво просимо до Rue des Lilas, Nadia!/);
    expect(greeting.text).not.toContain('Deals');
    expect(greeting.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Я сусід, а не робот', callback_data: VERIFY_BUTTON }]] });
    // The bot that joined with her is neither greeted nor restricted.
    expect(s.memberStatus(LILAS.id, SPAMBOT.id)?.status).toBe('member');
    await expect(s.userMessage({ chat: LILAS, from: NADIA, text: 'cheap watches' })).rejects.toBeInstanceOf(PostRefused);

    const sentBefore = s.sent.length;
    await s.pressButton({ chatId: LILAS.id, from: BOB, messageId: greeting.messageId, data: VERIFY_BUTTON });
    await b.waitFor(() => s.sent.length === sentBefore + 1);
    expect(s.memberStatus(LILAS.id, NADIA.id)?.status).toBe('restricted');

    await s.pressButton({ chatId: LILAS.id, from: NADIA, messageId: greeting.messageId, data: VERIFY_BUTTON });
    await b.waitFor(() => s.memberStatus(LILAS.id, NADIA.id)?.status === 'member');
    await s.userMessage({ chat: LILAS, from: NADIA, text: 'Привіт, сусіди!' });

    await s.userJoins({ chat: LILAS, users: [OMAR] });
    await b.waitFor(() => s.memberStatus(LILAS.id, OMAR.id)?.status === 'restricted');
    await later(b, BURST_MS);
    await later(b, WINDOW_MS);
    await b.waitFor(() => s.memberActions.length === 2);
    expect(s.memberActions.map((a) => [a.method, a.userId])).toEqual([['banChatMember', OMAR.id], ['unbanChatMember', OMAR.id]]);
    expect(s.memberStatus(LILAS.id, OMAR.id)?.status).toBe('left');
    expect(s.memberStatus(LILAS.id, NADIA.id)?.status).toBe('member');
    expect(s.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('without the right to restrict, tells the admins once what it needs and deletes the newcomer’s messages', async () => {
    const { s, b } = await start({ can_delete_messages: true });
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/verify on' });
    await b.waitFor(() => s.sent.length === 1);
    await s.userJoins({ chat: LILAS, users: [NADIA] });
    await b.waitFor(() => s.sent.some((m) => /ban users/.test(m.text)));
    const { message } = await s.userMessage({ chat: LILAS, from: NADIA, text: 'cheap watches' });
    await b.waitFor(() => s.deletions.some((d) => d.messageId === message.message_id));
    expect(s.sent.filter((m) => /ban users/.test(m.text))).toHaveLength(1);
  });

  it('greets 50 people joining together with one message, restricts them all, within Telegram’s limits (scaled 1/10)', async () => {
    const { s, b } = await start(undefined, { perChatIntervalMs: 310, globalIntervalMs: 4 }, { groupLimit: 20, groupWindowMs: 6_000, globalLimit: 30, globalWindowMs: 100 });
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/verify on' });
    await b.waitFor(() => s.sent.length === 1);
    const people = Array.from({ length: 50 }, (_, i) => ({ id: 1000 + i, is_bot: false, first_name: `P${i}` }));
    for (let i = 0; i < 50; i += 5) await s.userJoins({ chat: LILAS, users: people.slice(i, i + 5) });
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`telegram:${LILAS.id}`)).length === 50);
    await later(b, BURST_MS);
    await b.waitFor(() => greetings(s).length === 1);
    await later(b, BURST_MS);
    expect(greetings(s)).toHaveLength(1);
    expect(greetings(s)[0]!.text).toContain('30 other people');
    await b.waitFor(() => people.every((p) => s.memberStatus(LILAS.id, p.id)?.status === 'restricted'));
    expect(s.rateLimited).toEqual([]);
    expect(s.requests.filter((r) => r.status >= 400)).toEqual([]);
  });
});
