// Delivery outcomes reach the feature an outbound message's origin names, inside the delivery job: a handler that
// fails runs again without the platform being asked again, and a process that dies between a final failure and its
// handling leaves the handling to the next process. Features are started from a list, so a probe feature stands in
// for any feature here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryRepository } from '../../src/db/deliveries.js';
import { ChatLanes } from '../../src/queue/chat-lane.js';
import { startDeliveryWorker } from '../../src/queue/delivery.js';
import { QueueOutbox } from '../../src/queue/outbox.js';
import { ChatPacer } from '../../src/queue/pacing.js';
import type { DeliveryOutcome, Feature } from '../../src/core/feature.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { FEATURES } from '../../src/features/index.js';
import { redisUrl, testRedis } from '../helpers/storage.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { ScriptedPlatform } from '../helpers/scripted-platform.js';

const logger = pino({ level: 'silent' });
const CHILD = fileURLToPath(new URL('./outcome-child.ts', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A feature that only records the outcomes of its messages; `handle` decides what each call does. */
function probe(handle: (outcome: DeliveryOutcome, call: number) => Promise<void>): { feature: Feature; seen: DeliveryOutcome[] } {
  const seen: DeliveryOutcome[] = [];
  const feature: Feature = {
    name: 'probe',
    delivery: () => ({
      outcome: async (outcome) => {
        seen.push(outcome);
        await handle(outcome, seen.length);
      },
    }),
  };
  return { feature, seen };
}

const message = (id: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id,
  target: 'console:g1',
  action: 'send',
  text: 'hello',
  urgent: true,
  origin: { feature: 'probe', ref: { item: 7 } },
  ...extra,
});

describe('delivery outcomes, routed by origin', () => {
  let bot: TestBot;
  afterEach(async () => bot?.stop());

  it('a delivered message reaches its feature with its own reference; a message of no feature reaches none', async () => {
    const platform = new ScriptedPlatform();
    const { feature, seen } = probe(async () => {});
    bot = await startTestApp({ noConsole: true, adapters: [platform], features: [...FEATURES, feature] });
    await bot.app.outbox.enqueue(message('probe:a'));
    await bot.app.outbox.enqueue(message('other:b', { origin: undefined }));
    await bot.settle();
    expect(platform.sent.map((s) => s.message.id)).toEqual(['probe:a', 'other:b']);
    expect(seen.map((o) => [o.kind, o.message.id, o.message.origin?.ref])).toEqual([['delivered', 'probe:a', { item: 7 }]]);
  });

  it('retries and the final failure are handed over, chat gone and missing permission named', async () => {
    const platform = new ScriptedPlatform();
    platform.answerNext('transient', 'gone');
    const { feature, seen } = probe(async () => {});
    bot = await startTestApp({ noConsole: true, adapters: [platform], features: [...FEATURES, feature] });
    await bot.app.outbox.enqueue(message('probe:c'));
    await until(() => seen.some((o) => o.kind === 'failed'));
    expect(seen.map((o) => o.kind)).toEqual(['retrying', 'failed']);
    expect(seen[1]).toMatchObject({ kind: 'failed', chatGone: true });
  });

  it('a failure handler that throws runs again later, and the platform is not asked again', async () => {
    const platform = new ScriptedPlatform();
    platform.answerNext('permanent');
    const { feature, seen } = probe(async (_outcome, call) => {
      if (call === 1) throw new Error('database blip');
    });
    bot = await startTestApp({ noConsole: true, adapters: [platform], features: [...FEATURES, feature] });
    await bot.app.outbox.enqueue(message('probe:d'));
    await until(() => seen.length >= 2, 30_000);
    expect(seen.map((o) => o.kind)).toEqual(['failed', 'failed']);
    expect(platform.attempts.map((m) => m.id)).toEqual(['probe:d']);
  });

  it('held for the morning: the outcome says so at once', async () => {
    const platform = new ScriptedPlatform();
    const { feature, seen } = probe(async () => {});
    bot = await startTestApp({ noConsole: true, adapters: [platform], features: [...FEATURES, feature] });
    const { groups } = bot.app.services;
    await groups.ensure('console:g1', 'console', 'g1', { language: 'en', timezone: 'UTC' });
    // Quiet from one minute ago until one minute before now, tomorrow: quiet right now, whatever the time.
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const quietHours = { start: hhmm(Date.now() - 60_000), end: hhmm(Date.now() - 120_000), timeZone: 'UTC' };
    await groups.change('console:g1', 'console:admin', 'quiet', { settings: { quietHours } });
    groups.forgetCached('console:g1');
    expect(await bot.app.outbox.enqueue(message('probe:e', { urgent: false }))).toBe('held');
    expect(seen.map((o) => [o.kind, o.message.id])).toEqual([['held', 'probe:e']]);
    expect(platform.sent).toEqual([]);
  });
});

describe('a crash between a final failure and its handling', () => {
  it('leaves the handling to the next process, which does not send again', async () => {
    const { redis, prefix, cleanup } = await testRedis();
    cleanups.push(cleanup);
    // The first process: the platform refuses for good, and its handler never finishes; it is killed with SIGKILL.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, REDIS_URL: redisUrl(), QUARTIER_PREFIX: prefix },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(async () => void child.kill('SIGKILL'));
    const lines: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    await until(() => lines.includes('ready'));
    const outbox = new QueueOutbox({ redis, prefix, clock: { now: () => Date.now() }, pacing: () => ({ perChatIntervalMs: 0, globalIntervalMs: 0 }) });
    cleanups.push(() => outbox.close());
    await outbox.enqueue(message('probe:f'));
    await until(() => lines.includes('handling'));
    child.kill('SIGKILL');
    expect(lines.filter((l) => l === 'attempt')).toHaveLength(1);

    // The next process: a healthy handler, and a platform that would accept the message if it were asked.
    const platform = new ScriptedPlatform();
    const seen: DeliveryOutcome[] = [];
    const worker = startDeliveryWorker({
      adapter: platform,
      redis,
      prefix,
      pacer: new ChatPacer(redis, prefix),
      lanes: new ChatLanes(redis, prefix),
      deliveries: { record: async () => {} } as unknown as DeliveryRepository,
      log: logger,
      lockMs: 1000,
      events: { delivered: () => {}, failed: () => {}, rateLimited: () => {}, chatGone: async () => {} },
      handlers: (name) => (name === 'probe' ? { outcome: async (outcome) => void seen.push(outcome) } : undefined),
    });
    cleanups.push(() => worker.close());
    await until(() => seen.length === 1, 30_000);
    expect(seen[0]).toMatchObject({ kind: 'failed', message: { id: 'probe:f' } });
    expect(platform.attempts).toEqual([]);
  });
});
