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

/**
 * The send time each claim books, by job id: the chat's and the platform's spacing are kept between these (the claim
 * checks them in Redis), and a send may not leave before its own.
 */
function recordBookings(): Map<string, number> {
  const booked = new Map<string, number>();
  const claim = outbox.lanes.claim.bind(outbox.lanes);
  outbox.lanes.claim = async (input) => {
    const turn = await claim(input);
    if (turn.kind === 'go') booked.set(input.jobId, turn.at);
    return turn;
  };
  return booked;
}

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
    const booked = recordBookings();
    start();
    for (let i = 0; i < 8; i++) await outbox.enqueue(message(`m${i}`));
    await until(() => platform.sent.length === 8);
    expect(platform.sent.map((s) => s.message.id)).toEqual(Array.from({ length: 8 }, (_, i) => `m${i}`));
    // The spacing is kept between the booked times, and each send leaves at or after its own: so one interval or more
    // after the previous send's. The gaps between the sends themselves are not what the code keeps: a loaded machine
    // can hold one send back after its booking while the next leaves on time.
    const at = platform.sent.map((s) => booked.get(deliveryJobId(s.message))!);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `send ${i}`).toBeGreaterThanOrEqual(60);
    platform.sent.forEach((s, i) => expect(s.at, `send ${i}`).toBeGreaterThanOrEqual(at[i]!));
  });

  it('spaces sends to many chats by the platform interval, never closer (a job a few ms early waits them out)', async () => {
    const platform = new ScriptedPlatform({ perChatIntervalMs: 0, globalIntervalMs: 40 });
    const { start } = setup(platform);
    const booked = recordBookings();
    start();
    const before = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => outbox.enqueue(message(`f${i}`, `console:chat${i}`))));
    await until(() => platform.sent.length === 20);
    // The claims book the sends one interval apart, and each send leaves at or after its booked time.
    const at = [...booked.values()].sort((a, b) => a - b);
    expect(at).toHaveLength(20);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `booking ${i}`).toBeGreaterThanOrEqual(40);
    for (const s of platform.sent) expect(s.at, s.message.id).toBeGreaterThanOrEqual(booked.get(deliveryJobId(s.message))!);
    // Right before it leaves, each send also takes its place on the platform's grid of actual sends, one interval after
    // the previous one, and leaves at most the catch-up (a quarter of the interval, 10 ms) before it; the first place
    // is no earlier than the first enqueue. So the k-th send leaves no earlier than k intervals, less the catch-up,
    // after that, however late the machine ran any of them (a lateness only moves the later places back).
    const times = platform.sent.map((s) => s.at).sort((a, b) => a - b);
    times.forEach((t, k) => expect(t - before, `send ${k}`).toBeGreaterThanOrEqual(k * 40 - 10));
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
