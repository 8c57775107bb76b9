// Bridge relay benchmark: WhatsApp stand-in → Discord stand-in through the whole bot (WhatsApp adapter, inbound
// queue, pipeline with the bridge stage, Outbox, delivery worker, Discord adapter over real HTTP to its webhook).
// Pacing excluded: both adapters get zero per-chat spacing and the stand-in's limits are lifted, so what is measured
// is Quartier's own path.
//   1. latency, p50/p99: `rate` messages a second for `seconds` (default 50/s for 10 s), from the moment the
//      WhatsApp event is emitted to the moment the Discord delivery job completes;
//   2. throughput: `burst` messages (default 1000) emitted at once; relayed messages per second one process sustains.
//   npx tsx bench/relay.ts [rate=50] [seconds=10] [burst=1000]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createWhatsAppAdapter } from '../adapters/whatsapp/index.js';
import { allCommands } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { wrapPglite } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { DiscordStandIn } from '../tests/discord/standin/server.js';
import { StandinClient } from '../tests/whatsapp/standin.js';

const rate = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);
const burst = Number(process.argv[4] ?? 1000);
const GROUP = '120363041234567890@g.us';
const ADMIN = '33612345678@c.us';
const MEMBER = '33698765432@c.us';

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const db = await wrapPglite(new PGlite(), { migrate: true });
const discord = await new DiscordStandIn({ perChannel: { limit: 1_000_000, windowMs: 1000 }, global: { limit: 1_000_000, windowMs: 1000 } }).start();
const wa = new StandinClient('33600000001@c.us');
wa.addGroup(GROUP, 'Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
// 1 ms rather than 0 between two sends to one chat: distinct slots keep the lane's order strictly the enqueue order.
const noPacing = { perChatIntervalMs: 1, globalIntervalMs: 0, jitterMs: 0 };
const app = await createApp({
  db,
  redis,
  prefix: `bench-${Date.now()}`,
  adapters: [
    createWhatsAppAdapter({ dataDir: dir, logger: silentLogger, client: wa, terminal: null, pacing: noPacing }),
    createDiscordAdapter({ token: discord.token, apiUrl: discord.apiUrl, logger: silentLogger, pacing: noPacing }),
  ],
  commands: allCommands,
  log: silentLogger,
  defaults: { language: 'en', timezone: 'Europe/Paris' },
  partitions: 4,
  role: 'all',
});
await app.start();
while (wa.qrCount === 0) await new Promise((resolve) => setTimeout(resolve, 10));
wa.scanQr();
while (!(await app.health()).checks.whatsapp?.ok) await new Promise((resolve) => setTimeout(resolve, 10));

async function until(condition: () => boolean, what: string, limitMs = 10 * 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// Link the WhatsApp group and #general with the two commands a moderator types.
const general = discord.world.general;
wa.receiveGroupMessage(GROUP, ADMIN, '/bridge link');
await until(() => wa.sent.some((s) => /\/bridge [A-Z0-9]{4}-[A-Z0-9]{4}/.test(s.body)), 'code');
const code = /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(wa.sent.find((s) => /\/bridge [A-Z0-9]/.test(s.body))!.body)![1]!;
discord.userMessage(general, discord.world.users.moderator, `!bridge ${code}`);
await until(() => discord.messagesIn(general).some((m) => /Linked with/.test(m.content)), 'link');

// Relay jobs carry the text; the delivered event tells when Discord answered.
const sentAt = new Map<string, number>();
const deliveredAt = new Map<string, number>();
const textOf = new Map<string, string>();
const enqueuedAt = new Map<string, number>();
app.events.on('enqueued', (message, jobId) => {
  textOf.set(jobId, message.text);
  if (message.text.startsWith('bench ')) enqueuedAt.set(message.text, performance.now());
});
app.events.on('delivered', (jobId) => {
  const text = textOf.get(jobId);
  if (text?.startsWith('bench ')) deliveredAt.set(text, performance.now());
});

function emit(label: string): void {
  sentAt.set(label, performance.now());
  wa.receiveGroupMessage(GROUP, MEMBER, label, { notifyName: 'Bench' });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// 1. latency at a steady rate
const total = rate * seconds;
const start = performance.now();
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  emit(`bench L${i}`);
}
await until(() => [...deliveredAt.keys()].filter((k) => k.startsWith('bench L')).length === total, 'latency run');
const steady = [...sentAt.entries()].filter(([k]) => k.startsWith('bench L'));
const latencies = steady.map(([k, t]) => deliveredAt.get(k)! - t).sort((a, b) => a - b);
// Where the time goes: event → relay enqueued (inbound queue + pipeline), enqueued → delivered (outbox + send).
const toEnqueue = steady.map(([k, t]) => enqueuedAt.get(k)! - t).sort((a, b) => a - b);
const toDeliver = steady.map(([k]) => deliveredAt.get(k)! - enqueuedAt.get(k)!).sort((a, b) => a - b);

// 2. throughput from a burst
const burstStart = performance.now();
for (let i = 0; i < burst; i++) emit(`bench B${i}`);
await until(() => [...deliveredAt.keys()].filter((k) => k.startsWith('bench B')).length === burst, 'burst');
const burstEnd = Math.max(...[...deliveredAt.entries()].filter(([k]) => k.startsWith('bench B')).map(([, t]) => t));
const relayed = discord.messagesIn(general).filter((m) => m.content.startsWith('bench ')).map((m) => m.content);
const inOrder = relayed.filter((c) => c.startsWith('bench B')).every((c, i) => c === `bench B${i}`);

console.log(
  JSON.stringify(
    {
      latency: {
        messagesPerSecond: rate,
        messages: total,
        p50Ms: Number(percentile(latencies, 50).toFixed(1)),
        p99Ms: Number(percentile(latencies, 99).toFixed(1)),
        maxMs: Number(latencies.at(-1)!.toFixed(1)),
        eventToEnqueuedP50Ms: Number(percentile(toEnqueue, 50).toFixed(1)),
        enqueuedToDeliveredP50Ms: Number(percentile(toDeliver, 50).toFixed(1)),
      },
      throughput: {
        messages: burst,
        seconds: Number(((burstEnd - burstStart) / 1000).toFixed(2)),
        relayedPerSecond: Number(((burst * 1000) / (burstEnd - burstStart)).toFixed(1)),
        deliveredInOrder: inOrder,
      },
      duplicates: relayed.length - new Set(relayed).size,
      pacing: 'excluded (1 ms per-chat spacing, stand-in limits lifted)',
    },
    null,
    2,
  ),
);

await app.stop();
await discord.stop();
await db.close();
redis.disconnect();
await redisServer?.stop();
rmSync(dir, { recursive: true, force: true });
