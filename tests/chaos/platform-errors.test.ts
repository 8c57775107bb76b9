// A platform answering 500s and 429s for a while: the real Telegram adapter on the stand-in, whose fault switch makes
// one chat's sends fail with 500 and another's with 429 (retry after 1 s) for a few seconds, while a third chat is
// healthy. Once the faults stop, every message is delivered exactly once and in per-chat order; 429s move the job
// (not a failed attempt) and no job fails.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { qualify } from '../../src/core/envelope.js';
import { deliveries } from '../../src/db/schema/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const SERVER_ERRORS = { id: -100111, type: 'supergroup' as const, title: 'Answers 500' };
const RATE_LIMITED = { id: -100222, type: 'supergroup' as const, title: 'Answers 429' };
const HEALTHY = { id: -100333, type: 'supergroup' as const, title: 'Healthy' };
const CHATS = [SERVER_ERRORS, RATE_LIMITED, HEALTHY];
const PER_CHAT = 12;
const FAULT_MS = 4000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let standin: TelegramStandin | undefined;
let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

describe('platform answering 500s and 429s for a while', () => {
  it('delivers every message once, in per-chat order, with no job failed', async () => {
    standin = await TelegramStandin.start({ groupLimit: 100_000, globalLimit: 100_000 });
    for (const chat of CHATS) standin.addChat(chat);
    const adapter = createTelegramAdapter({
      token: standin.token,
      apiRoot: standin.apiRoot,
      logger: pino({ level: 'silent' }),
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    bot = await startTestApp({ adapters: [adapter], noConsole: true });
    const failed: string[] = [];
    bot.app.events.on('failed', (jobId, reason) => failed.push(`${jobId}: ${reason}`));

    const s = standin;
    const enqueue = async (i: number) => {
      for (const chat of CHATS) {
        await bot!.app.outbox.enqueue({
          id: `chaos-${chat.id}-${i}`,
          target: qualify('telegram', String(chat.id)),
          action: 'send',
          text: `message ${i}`,
          urgent: true,
        });
      }
    };

    // A few messages go through, then the faults start while messages keep coming.
    for (let i = 0; i < 3; i++) await enqueue(i);
    await bot.waitFor(() => s.sent.length >= 3 * CHATS.length, 30_000);
    const faultStarted = Date.now();
    // One switch at a time: first the 500 chat, then the 429 chat too (the switch holds one fault; alternate them).
    let i = 3;
    while (Date.now() - faultStarted < FAULT_MS) {
      const phase = Math.floor((Date.now() - faultStarted) / 250) % 2;
      s.fail(phase === 0 ? { status: 500, chatIds: [SERVER_ERRORS.id] } : { status: 429, retryAfter: 1, chatIds: [RATE_LIMITED.id] });
      if (i < PER_CHAT) await enqueue(i++);
      await sleep(100);
    }
    s.fail(undefined);
    while (i < PER_CHAT) await enqueue(i++);

    await bot.waitFor(() => s.sent.length >= PER_CHAT * CHATS.length, 90_000);
    await bot.settle(2000, 60_000);
    await sleep(1000); // late duplicates would land now

    const serverErrors = s.requests.filter((r) => r.status === 500).length;
    const rateLimited = s.rateLimited.length;
    const texts = (chatId: number) => s.sent.filter((m) => m.chatId === chatId).map((m) => m.text);
    const duplicates = s.sent.length - new Set(s.sent.map((m) => `${m.chatId} ${m.text}`)).size;
    console.info(
      `platform-errors: ${serverErrors} answers 500, ${rateLimited} answers 429, ${s.sent.length} sends for ` +
        `${PER_CHAT * CHATS.length} messages, ${duplicates} duplicate(s), ${failed.length} failed job(s)`,
    );
    expect(serverErrors).toBeGreaterThan(0);
    expect(rateLimited).toBeGreaterThan(0);
    const expected = Array.from({ length: PER_CHAT }, (_, n) => `message ${n}`);
    for (const chat of CHATS) expect(texts(chat.id)).toEqual(expected); // each once, in order
    expect(failed).toEqual([]);

    const rows = await bot.db.db.select().from(deliveries);
    const chaosRows = rows.filter((r) => r.outboundId.startsWith('chaos-'));
    expect(chaosRows).toHaveLength(PER_CHAT * CHATS.length);
    expect(chaosRows.every((r) => r.status === 'delivered')).toBe(true);
    // A 429 moves the job to the time Telegram named without spending an attempt; a 500 spends one.
    const attempts = (chatId: number) => chaosRows.filter((r) => r.target === qualify('telegram', String(chatId))).map((r) => r.attempts);
    expect(attempts(RATE_LIMITED.id).every((n) => n === 1)).toBe(true);
    expect(Math.max(...attempts(SERVER_ERRORS.id))).toBeGreaterThan(1);
  });
});
