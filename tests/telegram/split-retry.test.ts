// A long reply split into several messages, whose third part is rate limited: the retry must post only what is
// missing. The whole delivery layer (real Redis, BullMQ, Outbox) with the Telegram adapter on the stand-in.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from './standin/server.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const logger = pino({ level: 'silent' });

let standin: TelegramStandin | undefined;
let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

describe('split Telegram messages and retries', { timeout: 90_000 }, () => {
  it('delivers each part of a 10,000-character reply exactly once when the third part gets a 429', async () => {
    // Two messages per second in the group: parts 1 and 2 go through, part 3 is refused with retry_after.
    standin = await TelegramStandin.start({ groupLimit: 2, groupWindowMs: 1000 });
    standin.addChat(LILAS);
    const adapter = createTelegramAdapter({
      token: standin.token,
      apiRoot: standin.apiRoot,
      logger,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    bot = await startTestApp({ adapters: [adapter], noConsole: true });
    const { message: asked } = await standin.userMessage({ chat: LILAS, from: ALICE, text: 'tell me everything' });
    await bot.settle();
    expect(standin.sent).toHaveLength(0);

    const text = Array.from({ length: 2000 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' ').slice(0, 10_000);
    expect(text.length).toBe(10_000);
    const delivered: string[][] = [];
    bot.app.events.on('delivered', (_jobId, ids) => delivered.push(ids));
    await bot.app.outbox.enqueue({
      id: 'long:reply',
      target: `telegram:${LILAS.id}`,
      action: 'send',
      text,
      replyTo: `telegram:${LILAS.id}/${asked.message_id}`,
    });
    await bot.waitFor(() => delivered.length === 1);
    await bot.settle();

    // The stand-in refused part 3 once...
    const sends = standin.requests.filter((r) => r.method === 'sendMessage');
    expect(sends.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(standin.rateLimited).toHaveLength(1);
    // ...and each part was posted exactly once, in order, the first one replying.
    const posted = standin.sent.filter((m) => m.chatId === LILAS.id);
    expect(posted).toHaveLength(3);
    for (const m of posted) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(posted.map((m) => m.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(new Set(posted.map((m) => m.text)).size).toBe(3);
    expect(posted[0]!.params.reply_parameters).toMatchObject({ message_id: asked.message_id });
    expect(posted[1]!.params.reply_parameters).toBeUndefined();
    // The delivery names all three messages, in order, as if it had gone through in one go.
    expect(delivered[0]).toEqual(posted.map((m) => `telegram:${LILAS.id}/${m.messageId}`));
  });
});
