// Queue round trips on real Redis: the Outbox and the delivery worker, idempotent ids, 429s moving jobs, permanent
// failures recorded, and crashes that lose nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { OutboundMessage } from '../../src/core/outbound.js';
import type { Database } from '../../src/db/client.js';
import { DeliveryRepository } from '../../src/db/deliveries.js';
import { silentLogger } from '../../src/logger.js';
import { startDeliveryWorker, type DeliveryEvents } from '../../src/queue/delivery.js';
import { InboundQueue, startInboundWorkers } from '../../src/queue/inbound.js';
import { QueueOutbox, deliveryJobId } from '../../src/queue/outbox.js';
import { ScriptedPlatform } from '../helpers/scripted-platform.js';
import { pgliteDatabase, testRedis } from '../helpers/storage.js';

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
let db: Database;
let workers: { close(): Promise<void> }[];
let outbox: QueueOutbox;
const gone: string[] = [];

beforeEach(async () => {
  ({ redis, prefix, cleanup } = await testRedis());
  db = await pgliteDatabase();
  workers = [];
  gone.length = 0;
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await outbox?.close();
  await cleanup();
  await db.close();
});

const events: DeliveryEvents = {
  delivered: () => {},
  failed: () => {},
  rateLimited: () => {},
  chatGone: async (chat) => void gone.push(chat),
};

function setup(platform: ScriptedPlatform) {
  outbox = new QueueOutbox({ redis, prefix, clock: { now: () => Date.now() }, pacing: () => platform.pacing });
  const deliveries = new DeliveryRepository(db.db);
  const start = () => {
    const worker = startDeliveryWorker({ adapter: platform, redis, prefix, pacer: outbox.chatPacer, lanes: outbox.lanes, deliveries, events, log: silentLogger });
    workers.push(worker);
    return worker;
  };
  return { deliveries, start };
}

const message = (id: string, target = 'console:g1', extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id,
  target,
  action: 'send',
  text: `text of ${id}`,
  ...extra,
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('outbox and delivery', () => {
  it('delivers each message once and records the platform message id', async () => {
    const platform = new ScriptedPlatform();
    const { deliveries, start } = setup(platform);
    start();
    await outbox.enqueue(message('m1'));
    await until(() => platform.sent.length === 1);
    const row = await (async () => {
      await until(async () => (await deliveries.find(deliveryJobId(message('m1'))))?.status === 'delivered');
      return deliveries.find(deliveryJobId(message('m1')));
    })();
    expect(row).toMatchObject({ status: 'delivered', messageIds: ['console:sent-0'], target: 'console:g1' });
  });

  it('ignores the same outbound message enqueued twice (a re-run after a crash)', async () => {
    const platform = new ScriptedPlatform();
    const { start } = setup(platform);
    await outbox.enqueue(message('m1'));
    await outbox.enqueue(message('m1'));
    await outbox.enqueue(message('m1', 'console:g2'));
    start();
    await until(() => platform.sent.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(platform.sent.map((s) => s.message.target).sort()).toEqual(['console:g1', 'console:g2']);
  });

  it('moves a rate-limited job to the time the platform names, without counting it as a failed attempt', async () => {
    const platform = new ScriptedPlatform();
    const { start } = setup(platform);
    platform.answerNext({ rateLimitMs: 400 });
    start();
    const before = Date.now();
    await outbox.enqueue(message('m1'));
    await until(() => platform.sent.length === 1);
    expect(platform.attempts).toHaveLength(2);
    expect(platform.sent[0]!.at - before).toBeGreaterThanOrEqual(390);
  });

  it('retries transient failures, and records a permanent one without retrying it', async () => {
    const platform = new ScriptedPlatform();
    const { deliveries, start } = setup(platform);
    platform.answerNext('transient', 'gone');
    start();
    await outbox.enqueue(message('flaky', 'console:g1'));
    await until(() => platform.attempts.length >= 1);
    await outbox.enqueue(message('doomed', 'console:g2'));
    await until(async () => (await deliveries.find(deliveryJobId(message('doomed', 'console:g2'))))?.status === 'failed');
    await until(() => platform.sent.length === 1, 20_000);
    expect(platform.sent[0]!.message.id).toBe('flaky');
    expect(platform.attempts.filter((m) => m.id === 'doomed')).toHaveLength(1);
    expect(gone).toEqual(['console:g2']);
  });

  it('spaces messages to one chat by the pacing interval and keeps their order', async () => {
    const platform = new ScriptedPlatform({ perChatIntervalMs: 60, globalIntervalMs: 0 });
    const { start } = setup(platform);
    start();
    for (let i = 0; i < 8; i++) await outbox.enqueue(message(`m${i}`));
    await until(() => platform.sent.length === 8);
    expect(platform.sent.map((s) => s.message.id)).toEqual(Array.from({ length: 8 }, (_, i) => `m${i}`));
    const gaps = platform.sent.slice(1).map((s, i) => s.at - platform.sent[i]!.at);
    // Timer granularity allows a few ms of early firing; the schedule itself is 60 ms apart.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
  });

  it('spaces sends to many chats by the platform interval, never closer (a job a few ms early waits them out)', async () => {
    const platform = new ScriptedPlatform({ perChatIntervalMs: 0, globalIntervalMs: 40 });
    const { start } = setup(platform);
    start();
    await Promise.all(Array.from({ length: 20 }, (_, i) => outbox.enqueue(message(`f${i}`, `console:chat${i}`))));
    await until(() => platform.sent.length === 20);
    const times = platform.sent.map((s) => s.at).sort((a, b) => a - b);
    const gaps = times.slice(1).map((at, i) => at - times[i]!).sort((a, b) => a - b);
    // The spacing is kept between the moments sends are claimed; each send leaves a moment later, after whatever else
    // the event loop had to do, so a single gap can be a few ms short on a loaded machine. The median gap and the
    // whole span cannot: they would be if jobs went early. The last send may leave up to the catch-up (a quarter of the
    // interval, 10 ms) before its place on the grid.
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(38);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(19 * 40 - 10);
  });

  it('a delivery worker that dies mid-send loses nothing: another worker delivers the job', async () => {
    const platform = new ScriptedPlatform();
    const deliveries = new DeliveryRepository(db.db);
    outbox = new QueueOutbox({ redis, prefix, clock: { now: () => Date.now() }, pacing: () => platform.pacing });
    const worker = () =>
      startDeliveryWorker({ adapter: platform, redis, prefix, pacer: outbox.chatPacer, lanes: outbox.lanes, deliveries, events, log: silentLogger, lockMs: 1000 });
    // The first attempt never gets an answer from the platform, as if the process froze mid-request.
    platform.answerNext({ hangMs: 60_000 });
    const first = worker();
    await outbox.enqueue(message('m1'));
    await until(() => platform.attempts.length === 1);
    // Force-close: the job is abandoned in the active state, its lock no longer renewed, as if the process had died.
    await first.close(true);
    workers.push(worker());
    await until(() => platform.sent.length === 1, 30_000);
    expect(platform.sent[0]!.message.id).toBe('m1');
    expect(platform.attempts).toHaveLength(2);
  }, 40_000);
});

describe('inbound crash', () => {
  it('an inbound worker closed mid-job loses nothing: the envelope is processed by the next worker', async () => {
    const inbound = new InboundQueue({ redis, prefix, partitions: 1 });
    const processed: string[] = [];
    let hang = true;
    const process = async (envelope: { id: string }) => {
      if (hang) {
        hang = false;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return;
      }
      processed.push(envelope.id);
    };
    const [first] = startInboundWorkers({ redis, prefix, partitions: 1, log: silentLogger, process, lockMs: 500 });
    await inbound.sink({
      id: 'console:e1',
      platform: 'console',
      kind: 'message',
      chat: { id: 'console:g1', type: 'group' },
      sender: { id: 'console:sam', name: 'Sam' },
      text: 'hello',
      mentions: [],
      attachments: [],
      addressedToBot: false,
      sentAt: Date.now(),
      raw: null,
    });
    await until(() => !hang);
    await first!.close(true);
    workers.push(...startInboundWorkers({ redis, prefix, partitions: 1, log: silentLogger, process, lockMs: 500 }));
    await until(() => processed.length === 1, 20_000);
    expect(processed).toEqual(['console:e1']);
    await inbound.close();
  });
});
