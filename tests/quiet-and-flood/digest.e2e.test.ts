// Quartier's own non-urgent traffic into a quiet group: held in Redis, delivered once as a morning digest, also when
// the bot restarts in the middle of the night. The app's clock is driven by the test (see support.ts).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/index.js';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { startTestApp, TestBot } from '../helpers/app.js';
import { pgliteDatabase, testRedis } from '../helpers/storage.js';
import { advanceTo, post, TestClock, warmDatabase } from './support.js';

let bots: TestBot[] = [];
// Migrating this worker's database takes long on a busy machine: do it once, outside any test's time limit.
beforeAll(warmDatabase, 180_000);

afterEach(async () => {
  for (const b of bots.reverse()) await b.stop();
  bots = [];
});

const botTexts = (bot: TestBot, group: string) =>
  bot.console.delivered.filter((d) => d.group === group && d.message.action === 'send').map((d) => d.message.text);

describe('held traffic and the morning digest', () => {
  it('holds non-urgent posts during quiet hours, lets urgent ones through, and delivers one digest in order at 07:00', async () => {
    const clock = TestClock.at('2024-01-15T21:00:00+01:00');
    const bot = await startTestApp({ clock });
    bots.push(bot);
    await bot.chat('g1', 'ada').as('admin').send('/quiet 22:00-07:00');
    await post(bot, 'g1', 'alert:0', 'Market tomorrow (before quiet hours)');
    await bot.waitFor(() => botTexts(bot, 'g1').includes('Market tomorrow (before quiet hours)'));

    clock.set('2024-01-15T23:30:00+01:00');
    await post(bot, 'g1', 'alert:1', 'Lost cat on rue des Lilas');
    await post(bot, 'g1', 'bridge:2', 'Anyone has a ladder?', { identity: { name: 'Noor' } });
    await post(bot, 'g1', 'alert:3', 'Water cut at 9:00');
    await post(bot, 'g1', 'alert:4', 'Fire in building 12: stay inside', { urgent: true });
    await bot.waitFor(() => botTexts(bot, 'g1').includes('Fire in building 12: stay inside'));
    await bot.settle();
    expect(botTexts(bot, 'g1').filter((t) => /cat|ladder|Water/.test(t))).toEqual([]);
    expect(await bot.app.services.rules.held.count('console:g1')).toBe(3);

    // 06:59: nothing is due yet.
    expect(await advanceTo(bot, clock, '2024-01-16T06:59:00+01:00')).toBe(0);
    expect(await advanceTo(bot, clock, '2024-01-16T07:00:00+01:00')).toBe(1);
    await bot.waitFor(() => botTexts(bot, 'g1').some((t) => t.startsWith('While the group was quiet')));
    await bot.settle();
    const digests = botTexts(bot, 'g1').filter((t) => t.startsWith('While the group was quiet'));
    expect(digests).toEqual([
      'While the group was quiet, 3 messages waited:\n\nLost cat on rue des Lilas\n\nNoor: Anyone has a ladder?\n\nWater cut at 9:00',
    ]);
    expect(await bot.app.services.rules.held.count('console:g1')).toBe(0);

    // After the digest went, posts are sent normally.
    await post(bot, 'g1', 'alert:5', 'Good morning post');
    await bot.waitFor(() => botTexts(bot, 'g1').includes('Good morning post'));
  });

  it('a digest job that runs again after a crash posts nothing twice', async () => {
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const bot = await startTestApp({ clock });
    bots.push(bot);
    await bot.chat('g1', 'ada').as('admin').send('/quiet 22:00-07:00');
    await post(bot, 'g1', 'alert:1', 'one');
    await post(bot, 'g1', 'alert:2', 'two');
    const until = Date.parse('2024-01-16T07:00:00+01:00');
    clock.set('2024-01-16T07:00:00+01:00');
    // As if a worker died after enqueuing the digest's parts but before deleting the list: the job runs again on
    // the same list.
    const { rules, redis, prefix } = bot.app.services;
    const listKey = `${prefix}:quiet:held:console:g1:${until}`;
    const held = await redis.lrange(listKey, 0, -1);
    expect(held).toHaveLength(2);
    await rules.held.deliver({ target: 'console:g1', until }, bot.app.outbox);
    await redis.rpush(listKey, ...held);
    await rules.held.deliver({ target: 'console:g1', until }, bot.app.outbox);
    await advanceTo(bot, clock, '2024-01-16T07:00:00+01:00');
    await bot.waitFor(() => botTexts(bot, 'g1').some((t) => t.startsWith('While')));
    await bot.settle();
    expect(botTexts(bot, 'g1').filter((t) => t.startsWith('While'))).toEqual(['While the group was quiet, 2 messages waited:\n\none\n\ntwo']);
  });

  it('/quiet off delivers what was held right away', async () => {
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const bot = await startTestApp({ clock });
    bots.push(bot);
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    await post(bot, 'g1', 'alert:1', 'held one');
    await bot.settle();
    expect(botTexts(bot, 'g1')).not.toContainEqual(expect.stringContaining('held one'));
    await admin.send('/quiet off');
    await bot.waitFor(() => botTexts(bot, 'g1').some((t) => t.includes('held one')));
  });

  it('splits a long night into as few messages as the platform limit allows (console: 4096), in order', async () => {
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const bot = await startTestApp({ clock });
    bots.push(bot);
    await bot.chat('g1', 'ada').as('admin').send('/quiet 22:00-07:00');
    for (let i = 0; i < 10; i++) await post(bot, 'g1', `alert:${i}`, `${i}:` + 'x'.repeat(998));
    await advanceTo(bot, clock, '2024-01-16T07:00:00+01:00');
    // 10 × 1000 + separators + header > 8192, ≤ 12288: three parts of at most 4096, in order.
    await bot.waitFor(() => botTexts(bot, 'g1').filter((t) => /^\d:x|^While/.test(t)).length === 3);
    await bot.settle();
    const parts = botTexts(bot, 'g1').filter((t) => /^\d:x|^While/.test(t));
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    const order = parts.join('\n\n').match(/\d(?=:x)/g);
    expect(order).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('survives a restart in the middle of the night: the new process delivers the digest, once', async () => {
    const clock = TestClock.at('2024-07-15T23:30:00+02:00');
    const db = await pgliteDatabase();
    const { redis, prefix, cleanup } = await testRedis();
    const boot = async (onStop: () => Promise<void>) => {
      const consoleAdapter = new ConsoleAdapter();
      const app = await createApp({
        db,
        redis,
        prefix,
        clock,
        adapters: [consoleAdapter],
        log: silentLogger,
        defaults: { language: 'en', timezone: 'Europe/Paris' },
        partitions: 4,
        role: 'all',
      });
      await app.start();
      return new TestBot(app, consoleAdapter, db, onStop);
    };

    const first = await boot(async () => {});
    await first.chat('g1', 'ada').as('admin').send('/quiet 22:00-07:00');
    await post(first, 'g1', 'alert:1', 'Bins go out tonight');
    await post(first, 'g1', 'alert:2', 'Lift repaired');
    await first.settle();
    await first.app.stop(); // the night: the bot goes down with the messages held

    const second = await boot(cleanup);
    bots.push(second);
    expect(await second.app.services.rules.held.count('console:g1')).toBe(2);
    expect(await advanceTo(second, clock, '2024-07-16T07:00:00+02:00')).toBe(1);
    await second.waitFor(() => botTexts(second, 'g1').some((t) => t.startsWith('While')));
    await second.settle();
    expect(botTexts(first, 'g1').filter((t) => t.startsWith('While'))).toEqual([]);
    expect(botTexts(second, 'g1')).toEqual(['While the group was quiet, 2 messages waited:\n\nBins go out tonight\n\nLift repaired']);
  });
});
