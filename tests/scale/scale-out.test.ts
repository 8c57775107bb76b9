// Scale-out: one gateway and three worker processes (bench/lib/node.ts, the real app in ROLE=gateway / ROLE=worker)
// on one Redis prefix and one PostgreSQL database. The gateway long-polls the Telegram stand-in; the workers share the
// inbound partitions through leases. Every message must be processed exactly once and, per chat, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, scratchDatabase } from '../../bench/lib/cluster.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { postgresUrl, redisUrl } from '../helpers/storage.js';

const serverUrl = postgresUrl();
if (!serverUrl) console.warn('tests/scale skipped: set TEST_DATABASE_URL to a PostgreSQL server (CI does)');

describe.skipIf(!serverUrl)('scale-out: one gateway, three workers', () => {
  let standin: TelegramStandin;
  let cluster: Cluster;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    standin = await TelegramStandin.start({ groupLimit: 100_000, globalLimit: 100_000 });
    database = await scratchDatabase(serverUrl!);
    cluster = new Cluster({
      redisUrl: redisUrl(),
      databaseUrl: database.url,
      workers: 3,
      partitions: 8,
      env: { TELEGRAM_API_ROOT: standin.apiRoot, TELEGRAM_BOT_TOKEN: standin.token, LEASE_TTL_MS: '3000' },
    });
    await cluster.start();
    await cluster.add('gateway');
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    await database?.drop();
    await standin?.close();
  });

  it('processes every message exactly once, in per-chat order, spread over the workers', async () => {
    const chats = Array.from({ length: 8 }, (_, i) => ({ id: -1_001_000_000_000 - i, type: 'supergroup' as const, title: `Chat ${i}` }));
    const from = { id: 4242, is_bot: false, first_name: 'Sam' };
    const sent = new Map<string, string[]>();
    // Let the workers settle on their shares of the partitions first, so the work really is spread.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (let n = 0; n < 40; n++) {
      for (const chat of chats) {
        const { update } = await standin.userMessage({ chat, from, text: `message ${n}` });
        const key = `telegram:${chat.id}`;
        sent.set(key, [...(sent.get(key) ?? []), `telegram:u${update.update_id}`]);
      }
    }
    const total = 8 * 40;
    const started = Date.now();
    while ((await cluster.processedCount()) < total && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 100));
    // A little longer: a duplicate would show up as a count above the total.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await cluster.processedCount()).toBe(total);

    const trace = await cluster.trace([...sent.keys()]);
    const pids = new Set<number>();
    for (const [chat, ids] of sent) {
      const processed = trace.get(chat)!;
      expect(processed.map((p) => p.id)).toEqual(ids);
      for (const p of processed) pids.add(p.pid);
    }
    const workerPids = cluster.processes.filter((p) => p.role === 'worker').map((p) => p.child.pid);
    for (const pid of pids) expect(workerPids).toContain(pid);
    expect(pids.size).toBeGreaterThan(1);
  }, 120_000);
});
