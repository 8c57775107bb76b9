// The inbound queue stores envelopes in batches (one job per burst of a partition). What must hold: order, every
// envelope processed, a failing envelope retried alone without re-running its neighbours, and a batch re-run after a
// crash skipping what was already processed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Envelope } from '../../src/core/envelope.js';
import { silentLogger } from '../../src/logger.js';
import { EventDedupe } from '../../src/queue/dedupe.js';
import { connectRedis, startEmbeddedRedis } from '../../src/queue/redis.js';
import { InboundQueue, startInboundWorkers, type EnvelopeProcessor, type InboundPartitionHandle } from '../../src/queue/inbound.js';
import { chatMessage, messageNumber } from '../helpers/envelope.js';
import { testRedis } from '../helpers/storage.js';

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
let inbound: InboundQueue;
let workers: InboundPartitionHandle[];

beforeEach(async () => {
  ({ redis, prefix, cleanup } = await testRedis());
  inbound = new InboundQueue({ redis, prefix, partitions: 1, batchSize: 20 });
  workers = [];
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.close(true)));
  await inbound.close();
  await cleanup();
});

const envelope = (n: number) => chatMessage('g1', n);

const numberOf = messageNumber;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function work(process: EnvelopeProcessor, lockMs = 60_000, dedupe?: EventDedupe): void {
  workers.push(
    ...startInboundWorkers({ redis, prefix, partitions: 1, log: silentLogger, process, admit: dedupe?.admit, lockMs, lease: { ttlMs: 1_000, renewMs: 250 } }),
  );
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every inbound job stored so far, oldest first, as the envelope numbers each holds. */
async function storedJobs(): Promise<number[][]> {
  const jobs = await inbound.queues[0]!.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
  return jobs
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((job) => (job.data.envelopes ?? []).map(numberOf));
}

describe('inbound batches', () => {
  it('stores a burst in a few jobs of at most the batch size, and processes it in order', async () => {
    await Promise.all(range(0, 100).map((n) => inbound.sink(envelope(n))));
    const jobs = await storedJobs();
    expect(jobs.flat()).toEqual(range(0, 100));
    expect(jobs.length).toBe(5);
    expect(Math.max(...jobs.map((j) => j.length))).toBe(20);

    const seen: number[] = [];
    work(async (env) => void seen.push(numberOf(env)));
    await until(() => seen.length === 100);
    expect(seen).toEqual(range(0, 100));
  });

  it('stores an envelope handed in alone at once, in a job of its own', async () => {
    for (const n of range(0, 3)) await inbound.sink(envelope(n));
    expect(await storedJobs()).toEqual([[0], [1], [2]]);
  });

  it('keeps accepting while an add is on its way: the next envelopes go in the following job, in order', async () => {
    const first = inbound.sink(envelope(0));
    // Two turns of the event loop: the first batch closes at the end of the turn it was opened in, and its add starts.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // These wait for that add and then go together.
    const rest = range(1, 6).map((n) => inbound.sink(envelope(n)));
    await Promise.all([first, ...rest]);
    expect(await storedJobs()).toEqual([[0], [1, 2, 3, 4, 5]]);
  });

  it('retries a failing envelope alone, under the claim it first had, without re-running the rest of its batch', async () => {
    const runs: { n: number; claim: string }[] = [];
    let failures = 0;
    work(async (env, claim) => {
      runs.push({ n: numberOf(env), claim });
      if (numberOf(env) === 3 && failures++ < 2) throw new Error('database hiccup');
    });
    await Promise.all(range(0, 10).map((n) => inbound.sink(envelope(n))));
    await until(() => runs.filter((r) => r.n === 3).length === 3);
    await until(async () => (await inbound.depth()) === 0);
    const counts = new Map<number, number>();
    for (const run of runs) counts.set(run.n, (counts.get(run.n) ?? 0) + 1);
    expect([...counts.entries()].filter(([, c]) => c > 1)).toEqual([[3, 3]]);
    expect(new Set(runs.filter((r) => r.n === 3).map((r) => r.claim)).size).toBe(1);
  });

  it('a batch of one that keeps failing ends in the failed set for inspection', async () => {
    work(async () => {
      throw new Error('always broken');
    });
    await inbound.sink(envelope(0));
    await until(async () => (await inbound.queues[0]!.getJobCounts('failed')).failed === 1, 20_000);
  });

  it('still processes a job stored before batches (one bare envelope)', async () => {
    await inbound.queues[0]!.add('message', envelope(7) as never);
    const seen: number[] = [];
    work(async (env) => void seen.push(numberOf(env)));
    await until(() => seen.length === 1);
    expect(seen).toEqual([7]);
  });

  it('a batch re-run after its worker died mid-way processes only what was not done, each event once', async () => {
    const dedupe = new EventDedupe(redis, prefix, silentLogger);
    const counted: number[] = [];
    let hang = true;
    // Processing as the app does it: the work, then the event marked done.
    const process = async (env: Envelope) => {
      const n = numberOf(env);
      // The first worker stalls on the sixth envelope, as a process that died there would.
      if (n === 5 && hang) {
        hang = false;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return;
      }
      counted.push(n);
      dedupe.done(env.id);
    };
    work(process, 500, dedupe);
    await Promise.all(range(0, 10).map((n) => inbound.sink(envelope(n))));
    await until(() => !hang && counted.length === 5);
    await workers.pop()!.close(true);

    work(process, 500, dedupe);
    await until(() => counted.length >= 10, 20_000);
    await until(async () => (await inbound.depth()) === 0);
    expect(counted).toEqual(range(0, 10));
  });

  it('drops an event accepted twice, in two jobs or twice in one', async () => {
    const dedupe = new EventDedupe(redis, prefix, silentLogger);
    const seen: number[] = [];
    work(async (env) => {
      seen.push(numberOf(env));
      dedupe.done(env.id);
    }, 60_000, dedupe);
    await Promise.all([0, 1, 1, 2].map((n) => inbound.sink(envelope(n))));
    await until(() => seen.length === 3);
    // A webhook retried later: the same events in a new job.
    await Promise.all([0, 3].map((n) => inbound.sink(envelope(n))));
    await until(() => seen.length === 4);
    await until(async () => (await inbound.depth()) === 0);
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('closes within seconds while Redis is down, without acknowledging what it could not store', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-inbound-'));
    const server = await startEmbeddedRedis({ dir, persistent: false });
    const client = connectRedis(server.url);
    client.on('error', () => {});
    const queue = new InboundQueue({ redis: client, prefix: 'down', partitions: 1 });
    await queue.sink(envelope(0));
    await server.stop();
    let acknowledged = false;
    void queue.sink(envelope(1)).then(
      () => (acknowledged = true),
      () => {},
    );
    await queue.close();
    expect(acknowledged).toBe(false);
    client.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
