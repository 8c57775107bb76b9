// The platform's global spacing, on real Redis: sends are booked on a grid (a job that claims late does not push the
// later ones back, so a long fan-out takes the time the platform allows), and the sends themselves are recorded one
// interval or more after the previous one and leave at most a small catch-up early, which absorbs a late wake-up
// without letting sends bunch.
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
    // Each send is recorded in Redis on the platform's grid; what is checked is what the script guarantees, so a busy
    // machine that reads the clock late cannot make the test fail or pass by chance.
    const catchUp = INTERVAL / 4;
    const recorded: number[] = [];
    const left: number[] = [];
    let woke = 0;
    for (let i = 0; i < 12; i++) {
      // One send wakes up three intervals late: the sends after it keep their spacing instead of catching up.
      if (i === 6) {
        await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL));
        // Read after the timer, which may fire a millisecond before the clock reaches its time.
        woke = Date.now();
      }
      await lanes.spaceSend(`${prefix}:q`, { globalIntervalMs: INTERVAL });
      left.push(Date.now());
      recorded.push(Number(await redis.get(`${prefix}:q:last-send`)));
    }
    for (let i = 1; i < recorded.length; i++) expect(recorded[i]! - recorded[i - 1]!, `send ${i}`).toBeGreaterThanOrEqual(INTERVAL);
    // The late send's place is its own wake-up, not the grid's next time (from which the sends after it would catch up).
    expect(recorded[6]!).toBeGreaterThanOrEqual(woke);
    // A send leaves at most the catch-up before its place on the grid, never earlier.
    for (let i = 0; i < left.length; i++) expect(left[i]!, `send ${i}`).toBeGreaterThanOrEqual(recorded[i]! - catchUp);
  });

  it('waits for the time the claim booked before anything else', async () => {
    const booked = Date.now() + 60;
    await lanes.spaceSend(`${prefix}:q`, { globalIntervalMs: 0 }, booked);
    expect(Date.now()).toBeGreaterThanOrEqual(booked);
  });
});
