// The platform's global spacing, on real Redis: sends are booked on a grid (a job that claims late does not push the
// later ones back, so a long fan-out takes the time the platform allows), and the sends themselves keep one interval
// from the previous actual send, less a small catch-up that absorbs a late wake-up without letting sends bunch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ChatLanes } from '../../src/queue/chat-lane.js';
import { testRedis } from '../helpers/storage.js';

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
let lanes: ChatLanes;

beforeEach(async () => {
  ({ redis, prefix, cleanup } = await testRedis());
  lanes = new ChatLanes(redis, prefix);
});
afterEach(async () => cleanup());

const INTERVAL = 25;

async function claim(chat: string, now: number) {
  const jobId = `job-${chat}`;
  await lanes.join(chat, jobId, now);
  return lanes.claim({ chatId: chat, jobId, queueKey: `${prefix}:q`, sentKey: `${prefix}:sent:${jobId}`, readLists: [], now, intervalMs: 0, globalIntervalMs: INTERVAL });
}

describe('the platform grid', () => {
  it('books each send one interval after the previous booking, even when a job claims a few ms late', async () => {
    expect(await claim('c1', 1_000_000)).toMatchObject({ kind: 'go', at: 1_000_000 });
    // Three jobs claim together: each takes the next free time.
    const booked = [await claim('c2', 1_000_001), await claim('c3', 1_000_001), await claim('c4', 1_000_002)];
    expect(booked.map((t) => (t.kind === 'go' ? t.at : -1))).toEqual([1_000_025, 1_000_050, 1_000_075]);
    // A job that claims 7 ms after the grid's next time goes now, and the grid moves on from there.
    expect(await claim('c5', 1_000_107)).toMatchObject({ kind: 'go', at: 1_000_107 });
    expect(await claim('c6', 1_000_108)).toMatchObject({ kind: 'go', at: 1_000_132 });
  });

  it('sends a job further ahead than its horizon to that time instead of holding a worker asleep', async () => {
    let now = 2_000_000;
    for (let i = 0; i < 41; i++) await claim(`d${i}`, now);
    // 41 bookings of 25 ms: the next free time is 1,025 ms ahead, past the 1 s horizon.
    const turn = await claim('late', now);
    expect(turn).toEqual({ kind: 'wait', retryAt: now + 41 * INTERVAL, behind: false });
    now += 41 * INTERVAL;
    expect(await claim('late', now)).toMatchObject({ kind: 'go', at: now });
  });
});

describe('the spacing of actual sends', () => {
  it('keeps sends one interval apart, less the catch-up, and never lets late sends bunch', async () => {
    const sends: number[] = [];
    for (let i = 0; i < 12; i++) {
      await lanes.spaceSend(`${prefix}:q`, { globalIntervalMs: INTERVAL });
      sends.push(Date.now());
    }
    const span = sends.at(-1)! - sends[0]!;
    // 11 intervals of 25 ms; the last send may leave up to the catch-up (6.25 ms) early, and the times read here lag
    // the times recorded in Redis by a round trip.
    expect(span).toBeGreaterThanOrEqual(11 * INTERVAL - 10);
    // In any 100 ms, no more sends than the grid allows plus the catch-up's one, plus one for the times read here, which
    // lag the recorded ones by a round trip that a busy machine stretches.
    for (const start of sends) expect(sends.filter((t) => t >= start && t < start + 100).length).toBeLessThanOrEqual(100 / INTERVAL + 2);
  });

  it('waits for the time the claim booked before anything else', async () => {
    const booked = Date.now() + 60;
    await lanes.spaceSend(`${prefix}:q`, { globalIntervalMs: 0 }, booked);
    expect(Date.now()).toBeGreaterThanOrEqual(booked);
  });
});
