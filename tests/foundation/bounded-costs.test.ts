// Bounded costs: what one person types cannot make the bot post many messages, grow the metrics without end, or use
// up the platform's send rate. Unknown names are cut in the reply and counted under one label; each person's
// commands per chat draw from a token bucket in Redis (scaled down here, on a clock the test moves).
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TestClock } from '../quiet-and-flood/support.js';
import { TelegramStandin } from '../telegram/standin/server.js';

let bot: TestBot | undefined;
let standin: TelegramStandin | undefined;
afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };

describe('unknown commands', { timeout: 60_000 }, () => {
  it('a 20,000-character /hhhh… gets one short reply, and no metric series of its own', async () => {
    bot = await startTestApp();
    const sam = bot.chat('lilas', 'sam', 'Sam');
    const replies = await sam.send(`/${'h'.repeat(20_000)}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text.length).toBeLessThan(200);
    expect(replies[0]!.text).toContain(`/${'h'.repeat(32)}…`);
    for (let i = 0; i < 3; i++) await sam.send(`/nosuch${i}`);
    const metrics = await bot.app.metrics.registry.getSingleMetricAsString('quartier_commands_total');
    expect(metrics).toContain('quartier_commands_total{command="(unknown)",outcome="unknown"} 4');
    expect(metrics).not.toMatch(/nosuch|hhhh/);
  });

  it('on Telegram, the longest command a private chat can send (4,096 characters) gets one short message', async () => {
    standin = await TelegramStandin.start();
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    bot = await startTestApp({ adapters: [adapter], noConsole: true });
    const s = standin;
    const privateChat = { id: ALICE.id, type: 'private' as const, first_name: 'Alice' };
    s.addChat(privateChat);
    await s.userMessage({ chat: privateChat, from: ALICE, text: `/${'h'.repeat(4_095)}` });
    await bot.waitFor(() => s.sent.length >= 1);
    await bot.settle();
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]!.text.length).toBeLessThan(200);
    expect(s.sent[0]!.text).not.toContain('h'.repeat(33));
  });
});

describe('per-person command rate limit', { timeout: 60_000 }, () => {
  it('answers once when a person goes over, then stays silent until a token is back; others are not affected', async () => {
    const clock = new TestClock(Date.parse('2026-03-01T10:00:00Z'));
    bot = await startTestApp({ clock, commandRateLimit: { capacity: 3, refillMs: 10_000 } });
    const sam = bot.chat('lilas', 'sam', 'Sam');
    for (let i = 0; i < 3; i++) expect((await sam.send('/rules'))[0]!.text).toMatch(/no rules yet/);
    const [over] = await sam.send('/rules');
    expect(over!.text).toMatch(/faster than I can answer/);
    // Silence afterwards, for known and unknown commands alike.
    expect(await sam.send('/rules')).toEqual([]);
    expect(await sam.send('/frobnicate')).toEqual([]);
    // Someone else in the same chat, and Sam in another chat, have their own buckets.
    expect((await bot.chat('lilas', 'lea', 'Léa').send('/rules'))[0]!.text).toMatch(/no rules yet/);
    expect((await bot.chat('nord', 'sam', 'Sam').send('/rules'))[0]!.text).toMatch(/no rules yet/);
    // A message that is not a command is not limited (nor answered).
    expect(await sam.send('hello')).toEqual([]);

    clock.ms += 10_000;
    expect((await sam.send('/rules'))[0]!.text).toMatch(/no rules yet/);
    // The refilled token is spent: over again, and told again once.
    expect((await sam.send('/rules'))[0]!.text).toMatch(/faster than I can answer/);
    expect(await sam.send('/rules')).toEqual([]);

    const metrics = await bot.app.metrics.registry.getSingleMetricAsString('quartier_commands_total');
    expect(metrics).toContain('quartier_commands_total{command="rules",outcome="limited"} 4');
    // The bucket's Redis key names neither the chat nor the person.
    const keys = await bot.app.services.redis.keys(`${bot.app.services.prefix}:cmd-rate:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toMatch(/sam|lilas|console/);
  });

  it('on Telegram, a member typing 8 commands gets 3 answers, one of them the refusal; the group sees no more', async () => {
    standin = await TelegramStandin.start();
    const group = { id: -100900, type: 'supergroup' as const, title: 'Lilas' };
    standin.addChat(group);
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    bot = await startTestApp({ adapters: [adapter], noConsole: true, commandRateLimit: { capacity: 2, refillMs: 600_000 } });
    const s = standin;
    for (let i = 0; i < 8; i++) await s.userMessage({ chat: group, from: ALICE, text: i % 2 ? '/rules' : '/help' });
    await bot.waitFor(() => s.sent.length >= 3);
    const limited = async () =>
      [...(await bot!.app.metrics.registry.getSingleMetricAsString('quartier_commands_total')).matchAll(/outcome="limited"\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    await bot.waitFor(async () => (await limited()) === 6);
    await bot.settle();
    expect(s.sent).toHaveLength(3);
    expect(s.sent[2]!.text).toMatch(/faster than I can answer/);
  });

  it('answers the polite refusal in the group language', async () => {
    const clock = new TestClock(Date.parse('2026-03-01T10:00:00Z'));
    bot = await startTestApp({ clock, commandRateLimit: { capacity: 1, refillMs: 60_000 } });
    const admin = bot.chat('souk', 'karim', 'Karim').as('admin');
    await admin.send('/lang fr');
    const [over] = await admin.send('/rules');
    expect(over!.text).toMatch(/plus vite que je ne peux répondre/);
  });
});
