// Bridge relay benchmark: WhatsApp stand-in → Discord stand-in through the whole bot (WhatsApp adapter, inbound
// queue, pipeline with the bridge stage, Outbox, delivery worker, Discord adapter over real HTTP to its webhook).
// Pacing excluded: both adapters get zero per-chat spacing and the stand-in's limits are lifted, so what is measured
// is Quartier's own path.
//   1. latency, p50/p99, `rate` messages a second for `seconds` (default 50/s for 10 s), from the moment the WhatsApp
//      event is emitted to the moment the Discord delivery job completes: (a) spread over `bridges` bridged pairs
//      (default 10: a busy deployment), (b) all into one bridged chat (the worst case: a chat relays strictly in order,
//      one message at a time);
//   2. throughput: `burst` messages (default 1000) emitted at once, into one chat and spread over the bridges;
//   3. files: 20 photos of 200 kB at 2 a second, fetched from WhatsApp and uploaded to Discord: p50/p99.
//   npx tsx bench/relay.ts [rate=50] [seconds=10] [burst=1000] [bridges=10]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createWhatsAppAdapter } from '../adapters/whatsapp/index.js';
import { createApp } from '../src/app.js';
import { wrapPglite } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { DiscordStandIn } from '../tests/discord/standin/server.js';
import { StandinClient } from '../tests/whatsapp/standin.js';

const rate = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);
const burst = Number(process.argv[4] ?? 1000);
const bridges = Number(process.argv[5] ?? 10);
const groupId = (i: number) => `1203630412345678${String(i).padStart(2, '0')}@g.us`;
const ADMIN = '33612345678@c.us';
const MEMBER = '33698765432@c.us';

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const db = await wrapPglite(new PGlite(), { migrate: true });
const discord = await new DiscordStandIn({ perChannel: { limit: 1_000_000, windowMs: 1000 }, global: { limit: 1_000_000, windowMs: 1000 } }).start();
const wa = new StandinClient('33600000001@c.us');
for (let i = 0; i < bridges; i++) wa.addGroup(groupId(i), `Lilas ${i}`, [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
// 1 ms rather than 0 between two sends to one chat: distinct slots keep the lane's order strictly the enqueue order.
const noPacing = { perChatIntervalMs: 1, globalIntervalMs: 0, jitterMs: 0 };
const app = await createApp({
  db,
  redis,
  prefix: `bench-${Date.now()}`,
  adapters: [
    createWhatsAppAdapter({ dataDir: dir, logger: silentLogger, client: wa, terminal: null, pacing: noPacing }),
    createDiscordAdapter({ token: discord.token, apiUrl: discord.apiUrl, logger: silentLogger, pacing: noPacing, restRequestsPerSecond: 1_000_000 }),
  ],
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

// Each WhatsApp group is linked to its own Discord channel with the two commands a moderator types.
const channels: string[] = [];
for (let i = 0; i < bridges; i++) {
  const channel = i === 0 ? discord.world.general : discord.addChannel(`general-${i}`);
  channels.push(channel);
  const before = wa.sent.length;
  wa.receiveGroupMessage(groupId(i), ADMIN, '/bridge link');
  const codeIn = () => wa.sent.slice(before).map((m) => /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.body)?.[1]).find(Boolean);
  await until(() => codeIn() !== undefined, 'code');
  discord.userMessage(channel, discord.world.users.moderator, `!bridge ${codeIn()}`);
  await until(() => discord.messagesIn(channel).some((m) => /Linked with/.test(m.content)), 'link');
}

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

function emit(label: string, bridge: number): void {
  sentAt.set(label, performance.now());
  wa.receiveGroupMessage(groupId(bridge), MEMBER, label, { notifyName: 'Bench' });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => Number(n.toFixed(1));
const delivered = (prefix: string) => [...deliveredAt.keys()].filter((k) => k.startsWith(prefix)).length;

/** `rate` messages a second for `seconds`, bridge chosen by `pick`; latency percentiles from event to delivery. */
async function steady(tag: string, pick: (i: number) => number) {
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    emit(`bench ${tag}${i}`, pick(i));
  }
  await until(() => delivered(`bench ${tag}`) === total, `latency run ${tag}`);
  const runs = [...sentAt.entries()].filter(([k]) => k.startsWith(`bench ${tag}`));
  const latencies = runs.map(([k, t]) => deliveredAt.get(k)! - t).sort((a, b) => a - b);
  // Where the time goes: event → relay enqueued (inbound queue + pipeline), enqueued → delivered (outbox + send).
  const toEnqueue = runs.map(([k, t]) => enqueuedAt.get(k)! - t).sort((a, b) => a - b);
  const toDeliver = runs.map(([k]) => deliveredAt.get(k)! - enqueuedAt.get(k)!).sort((a, b) => a - b);
  return {
    messagesPerSecond: rate,
    messages: total,
    p50Ms: ms(percentile(latencies, 50)),
    p99Ms: ms(percentile(latencies, 99)),
    maxMs: ms(latencies.at(-1)!),
    eventToEnqueuedP50Ms: ms(percentile(toEnqueue, 50)),
    enqueuedToDeliveredP50Ms: ms(percentile(toDeliver, 50)),
  };
}

/** `burst` messages at once; relayed per second, and whether each chat got them in order. */
async function burstRun(tag: string, pick: (i: number) => number) {
  const started = performance.now();
  for (let i = 0; i < burst; i++) emit(`bench ${tag}${i}`, pick(i));
  await until(() => delivered(`bench ${tag}`) === burst, `burst ${tag}`);
  const ended = Math.max(...[...deliveredAt.entries()].filter(([k]) => k.startsWith(`bench ${tag}`)).map(([, t]) => t));
  const inOrder = channels.every((channel, b) => {
    const got = discord.messagesIn(channel).map((m) => m.content).filter((c) => c.startsWith(`bench ${tag}`));
    const expected = Array.from({ length: burst }, (_, i) => i).filter((i) => pick(i) === b).map((i) => `bench ${tag}${i}`);
    return got.length === expected.length && got.every((c, i) => c === expected[i]);
  });
  return { messages: burst, seconds: Number(((ended - started) / 1000).toFixed(2)), relayedPerSecond: ms((burst * 1000) / (ended - started)), deliveredInOrder: inOrder };
}

const spreadLatency = await steady('S', (i) => i % bridges);
const oneChatLatency = await steady('O', () => 0);
const oneChatBurst = await burstRun('B', () => 0);
const spreadBurst = await burstRun('P', (i) => i % bridges);

// Files: a 200 kB photo fetched from the WhatsApp stand-in and uploaded to Discord as multipart, 2 a second.
const photos: number[] = [];
const photoBytes = Buffer.alloc(200_000, 7);
const photoStart = new Map<string, number>();
app.events.on('delivered', (jobId) => {
  const text = textOf.get(jobId);
  if (text?.startsWith('photo ')) photos.push(performance.now() - photoStart.get(text)!);
});
for (let i = 0; i < 20; i++) {
  const label = `photo ${i}`;
  photoStart.set(label, performance.now());
  wa.receiveGroupMedia(groupId(i % bridges), MEMBER, { type: 'image', data: photoBytes, caption: label }, { notifyName: 'Bench' });
  await new Promise((resolve) => setTimeout(resolve, 500));
}
await until(() => photos.length === 20, 'photos');
photos.sort((a, b) => a - b);

const relayed = channels.flatMap((channel) => discord.messagesIn(channel).filter((m) => m.content.startsWith('bench ')).map((m) => m.content));
console.log(
  JSON.stringify(
    {
      latency: { spread: { bridges, ...spreadLatency }, oneChat: oneChatLatency },
      throughput: { oneChat: oneChatBurst, spread: { bridges, ...spreadBurst } },
      photos: { count: 20, bytes: photoBytes.length, p50Ms: ms(percentile(photos, 50)), p99Ms: ms(percentile(photos, 99)) },
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
