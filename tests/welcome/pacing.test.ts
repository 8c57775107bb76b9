// Member actions take no per-chat slot: 50 newcomers restricted at once do not push their greeting back by 50 of the
// chat's send intervals, while sends stay spaced as before.
import { afterEach, describe, expect, it } from 'vitest';
import { QueueOutbox } from '../../src/queue/outbox.js';
import { deliveryJobId } from '../../src/queue/outbox.js';
import { testRedis } from '../helpers/storage.js';

const INTERVAL = 3_100;
let cleanup: (() => Promise<void>) | undefined;
let outbox: QueueOutbox | undefined;
afterEach(async () => {
  await outbox?.close();
  await cleanup?.();
  outbox = undefined;
  cleanup = undefined;
});

describe('pacing of member actions', () => {
  it('50 restrictions then a greeting: the greeting has the next send slot; two sends are an interval apart', async () => {
    const storage = await testRedis();
    cleanup = storage.cleanup;
    const now = Date.now();
    outbox = new QueueOutbox({ redis: storage.redis, prefix: storage.prefix, clock: { now: () => now }, pacing: () => ({ perChatIntervalMs: INTERVAL, globalIntervalMs: 0 }) });
    const target = 'telegram:-100200300';
    for (let i = 0; i < 50; i++) {
      await outbox.enqueue({ id: `join${i}:restrict`, target, action: 'restrict', text: '', member: { userId: `telegram:${1000 + i}`, untilMs: now + 600_000 }, urgent: true });
    }
    const greeting = { id: 'welcome:1', target, action: 'send' as const, text: 'Welcome!', urgent: true };
    const next = { id: 'welcome:2', target, action: 'send' as const, text: 'Another', urgent: true };
    await outbox.enqueue(greeting);
    await outbox.enqueue(next);
    const queue = outbox.queue('telegram');
    const delay = async (m: { id: string; target: string }) => (await queue.getJob(deliveryJobId(m as never)))!.opts.delay ?? 0;
    expect(await delay({ id: 'join49:restrict', target })).toBe(0);
    expect(await delay(greeting)).toBe(0);
    expect(await delay(next)).toBe(INTERVAL);
  });
});
