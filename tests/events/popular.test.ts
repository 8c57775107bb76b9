// The bench, scaled down ten times in time: 500 answers by button within a (scaled) minute to an event shown
// in 20 Telegram groups, against the stand-in's real limits scaled the same way (20 messages per group per 6 s, 30 per
// 100 ms overall) and the adapter's pacing scaled the same way. No 429, and every copy shows the final counts soon
// after the last answer; no copy is edited more often than once per (scaled) edit interval.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const logger = pino({ level: 'silent' });
const SCALE = 10;
const GROUPS = 20;
const ANSWERS = 500;
const EDIT_INTERVAL_MS = 6_000 / SCALE;
const MO = { id: 43, is_bot: false, first_name: 'Mo' };
const chatOf = (i: number) => ({ id: -100900000 - i, type: 'supergroup' as const, title: `Rue ${i}` });

let bot: TestBot | undefined;
let telegram: TelegramStandin | undefined;
afterEach(async () => {
  await bot?.stop();
  await telegram?.close();
  bot = telegram = undefined;
});

describe('a popular event', () => {
  it(`${ANSWERS} answers in ${GROUPS} groups: no 429, the final counts on every copy`, { timeout: 240_000 }, async () => {
    const tg = (telegram = await TelegramStandin.start({ groupLimit: 20, groupWindowMs: 60_000 / SCALE, globalLimit: 30, globalWindowMs: 1_000 / SCALE }));
    const chats = Array.from({ length: GROUPS }, (_, i) => chatOf(i));
    for (const chat of chats) {
      tg.addChat(chat);
      tg.setMember(chat.id, MO, 'creator');
    }
    const b = (bot = await startTestApp({
      noConsole: true,
      events: { editIntervalMs: EDIT_INTERVAL_MS },
      adapters: [createTelegramAdapter({ token: tg.token, apiRoot: tg.apiRoot, logger, pacing: { perChatIntervalMs: 3_100 / SCALE, globalIntervalMs: Math.ceil(35 / SCALE) }, pollTimeoutSeconds: 1, pollRetryMs: 50 })],
    }));
    // The community, made through its own API (joining by command is tested elsewhere).
    const { groups, communities, defaults } = b.app.services;
    const first = await groups.ensure(`telegram:${chats[0]!.id}`, 'telegram', chats[0]!.title, defaults);
    const created = await communities.create(first, 'Quartier', 'telegram:43', Date.now());
    if (!('code' in created)) throw new Error('not created');
    for (const chat of chats.slice(1)) {
      await groups.ensure(`telegram:${chat.id}`, 'telegram', chat.title, defaults);
      await communities.join(`telegram:${chat.id}`, created.code, 'telegram:43', Date.now());
    }
    groups.forgetCached(first.id);

    await tg.userMessage({ chat: chats[0]!, from: MO, text: '/event Concert on the square | samedi 20h' });
    await b.waitFor(async () => (await b.app.services.events.events.copies(1)).length === GROUPS, 60_000);
    const copies = new Map((await b.app.services.events.events.copies(1)).map((c) => [c.target, c]));
    const messageIdIn = (chat: { id: number }) => Number(/(\d+)$/.exec(copies.get(`telegram:${chat.id}`)!.messageIds[0]!)![1]);

    const started = Date.now();
    for (let i = 0; i < ANSWERS; i++) {
      const chat = chats[i % GROUPS]!;
      const from = { id: 10_000 + i, is_bot: false, first_name: `P${i}` };
      await tg.pressButton({ chatId: chat.id, from, messageId: messageIdIn(chat), data: i % 5 === 0 ? 'ev:1:m' : 'ev:1:y' });
    }
    const answered = await (async () => {
      await b.waitFor(async () => (await b.app.services.events.events.attendance(1)).yes === 400, 120_000);
      return Date.now();
    })();
    const final = '✅ 400 going · 🤔 100 maybe · 🚫 0 can’t';
    await b.waitFor(() => chats.every((chat) => (tg.messageText(chat.id, messageIdIn(chat)) ?? '').includes(final)), 120_000);
    const shown = Date.now();
    await b.settle();

    const editsPerCopy = chats.map((chat) => tg.edits.filter((e) => e.chatId === chat.id).length);
    const elapsed = shown - started;
    // Figures for the report: answers taken in, last answer to final counts everywhere, edits per copy.
    console.log(JSON.stringify({ answersMs: answered - started, finalShownAfterLastAnswerMs: shown - answered, maxEditsPerCopy: Math.max(...editsPerCopy), rateLimited: tg.rateLimited.length }));
    expect(tg.rateLimited).toEqual([]);
    // Within a (scaled) minute of the last answer.
    expect(shown - answered).toBeLessThan(60_000 / SCALE);
    for (const edits of editsPerCopy) expect(edits).toBeLessThanOrEqual(Math.ceil(elapsed / EDIT_INTERVAL_MS) + 2);
  });
});
