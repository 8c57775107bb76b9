// The whole bot (real Redis, PGlite, the lead's pipeline and delivery layer) with the Telegram adapter on the
// stand-in: what a Telegram group actually sees.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/index.js';
import type { PacingPolicy } from '../../src/core/adapter.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin, type StandinOptions } from './standin/server.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const NORD = { id: -100400500, type: 'supergroup' as const, title: 'Quartier Nord' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const logger = pino({ level: 'silent' });

let standin: TelegramStandin | undefined;
let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

async function start(limits: StandinOptions = {}, pacing: Partial<PacingPolicy> = { perChatIntervalMs: 0, globalIntervalMs: 0 }) {
  standin = await TelegramStandin.start(limits);
  standin.addChat(LILAS);
  standin.addChat(NORD);
  const adapter: TelegramAdapter = createTelegramAdapter({
    token: standin.token,
    apiRoot: standin.apiRoot,
    logger,
    pacing,
    pollTimeoutSeconds: 1,
    pollRetryMs: 50,
  });
  bot = await startTestApp({ adapters: [adapter], noConsole: true });
  return { standin, bot };
}

function rejected(s: TelegramStandin) {
  return s.requests.filter((r) => r.status >= 400);
}

// Starting the whole app (PGlite, Redis, workers) is slow on a busy machine.
describe('Telegram end to end', { timeout: 90_000 }, () => {
  it('answers a command in the chat it came from, as a reply', async () => {
    const { standin: s, bot: b } = await start();
    await s.userMessage({ chat: NORD, from: BOB, text: 'bonjour' });
    const { message } = await s.userMessage({ chat: LILAS, from: ALICE, text: '/rules@QuartierBot' });
    await b.waitFor(() => s.sent.length === 1);
    await b.settle();
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]).toMatchObject({ chatId: LILAS.id, text: expect.stringMatching(/no rules yet/) });
    expect(s.sent[0]!.params.reply_parameters).toMatchObject({ message_id: message.message_id });
    expect(rejected(s)).toEqual([]);
    // The command menu was published at start.
    expect(s.commands.get('{"type":"default"}|')?.map((c) => c.command)).toContain('rules');
  });

  it('refuses an admin-only command to a member and accepts it from an admin', async () => {
    const { standin: s, bot: b } = await start();
    s.setMember(LILAS.id, ALICE, 'member');
    s.setMember(LILAS.id, BOB, 'administrator', { can_change_info: true });
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/setrules No dogs' });
    await b.waitFor(() => s.sent.length === 1);
    expect(s.sent[0]!.text).toMatch(/only the group's admins/);

    await s.userMessage({ chat: LILAS, from: BOB, text: '/setrules Be kind' });
    await b.waitFor(() => s.sent.length === 2);
    expect(s.sent[1]!.text).toMatch(/rules are saved/);
    await s.userMessage({ chat: LILAS, from: ALICE, text: '/rules' });
    await b.waitFor(() => s.sent.length === 3);
    expect(s.sent[2]!.text).toMatch(/Be kind/);
    expect(s.sent[2]!.text).not.toMatch(/No dogs/);
  });

  it('delivers a 10,000-character reply as several valid messages', async () => {
    const { standin: s, bot: b } = await start();
    const { message } = await s.userMessage({ chat: LILAS, from: ALICE, text: 'long question' });
    const text = 'Une longue réponse, avec des accents et des émojis 🏘️. '.repeat(200).slice(0, 10_000);
    await b.app.outbox.enqueue({ id: 'long:1', target: `telegram:${LILAS.id}`, action: 'send', text, replyTo: `telegram:${LILAS.id}/${message.message_id}` });
    await b.waitFor(() => s.sent.length >= 3);
    await b.settle();
    expect(s.sent.every((m) => m.text.length <= 4096 && m.chatId === LILAS.id)).toBe(true);
    expect(s.sent.map((m) => m.text).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
    expect(rejected(s)).toEqual([]);
  });

  it('delivers a burst of 50 replies to one group in order with no 429 (limits scaled 1/100)', async () => {
    // Real: 20 a minute per group, paced at 3100 ms, so 21 sends span at least 62 s: a 2 s margin against scheduling
    // lateness. The delivery layer's lateness (0-150 ms measured, BullMQ delayed jobs) does not shrink with the
    // limits, so the scaled pacing keeps an absolute margin (20 x 40 ms = 800 ms against a 600 ms window).
    const { standin: s, bot: b } = await start(
      { groupLimit: 20, groupWindowMs: 600, globalLimit: 30, globalWindowMs: 10 },
      { perChatIntervalMs: 40, globalIntervalMs: 1 },
    );
    for (let i = 0; i < 50; i++) {
      await b.app.outbox.enqueue({ id: `burst:${i}`, target: `telegram:${LILAS.id}`, action: 'send', text: `reply ${i}` });
    }
    await b.waitFor(() => s.sent.length === 50, 20_000);
    expect(s.rateLimited).toEqual([]);
    expect(s.sent.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `reply ${i}`));
  });
});
