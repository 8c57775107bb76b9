// Alert fan-out benchmark: one alert from a community of 1,000 target groups across the Telegram, Discord and
// WhatsApp stand-ins, each with its REAL limits and each adapter with its REAL pacing, through the real path (alert
// recorded, fan-out into the Outbox, per-platform delivery workers, adapters over HTTP / the WhatsApp client).
//
// Reports per platform and overall: time to enqueue, makespan (from the start of the fan-out to the last delivery),
// the theoretical minimum under the adapters' PacingPolicy, their ratio (goal ≤ 1.05), and the 429s seen (goal 0).
// Theoretical minimum: each target gets one message, so the per-chat interval never binds; the platform's global
// spacing does: (N - 1) × globalIntervalMs after the first send. WhatsApp's jitter is drawn on per-chat slots only,
// so it adds nothing for one message per chat.
//
// WhatsApp is deliberately slow (1.5 s between any two messages): 333 groups would take over 8 minutes, so the
// default split is 480 Telegram + 480 Discord + 40 WhatsApp = 1,000 groups (WhatsApp alone ≈ 1 minute).
//   npx tsx bench/fanout.ts [telegram=480] [discord=480] [whatsapp=40]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ConsoleAdapter } from '../adapters/console/index.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../adapters/whatsapp/index.js';
import { fanOut } from '../src/features/alerts/fanout.js';
import { createApp } from '../src/app.js';
import type { PlatformAdapter } from '../src/core/adapter.js';
import type { Platform } from '../src/core/envelope.js';
import { wrapPglite } from '../src/db/client.js';
import { translate } from '../src/i18n/index.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { DiscordStandIn } from '../tests/discord/standin/server.js';
import { TelegramStandin } from '../tests/telegram/standin/server.js';
import { StandinClient } from '../tests/whatsapp/standin.js';

const counts = {
  telegram: Number(process.argv[2] ?? 480),
  discord: Number(process.argv[3] ?? 480),
  whatsapp: Number(process.argv[4] ?? 40),
};
const DEFAULTS = { language: 'en', timezone: 'Europe/Paris' };

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const db = await wrapPglite(new PGlite(), { migrate: true });

// The stand-ins at their real limits (their defaults), the adapters at their real pacing (no override).
const telegram = await TelegramStandin.start();
const discord = await new DiscordStandIn().start();
const whatsapp = new StandinClient('33600000001@c.us');
const adapters: PlatformAdapter[] = [
  new ConsoleAdapter(),
  createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot, logger: silentLogger, pollTimeoutSeconds: 1 }),
  createDiscordAdapter({ token: discord.token, apiUrl: discord.apiUrl, logger: silentLogger }),
  createWhatsAppAdapter({ dataDir: dir, logger: silentLogger, client: whatsapp, terminal: null }),
];
const prefix = `bench-fanout-${Date.now()}`;
const app = await createApp({ db, redis, prefix, adapters, log: silentLogger, defaults: DEFAULTS, partitions: 4, role: 'all' });
await app.start();
while (whatsapp.qrCount === 0) await new Promise((resolve) => setTimeout(resolve, 10));
whatsapp.scanQr();
while (!(await app.health()).checks.whatsapp?.ok) await new Promise((resolve) => setTimeout(resolve, 10));

// The community: a console source group and the targets, joined through the repository (setup, not measured).
const { groups, communities, alerts } = app.services;
const source = await groups.ensure('console:bench', 'console', 'Bench source', DEFAULTS);
const created = await communities.create(source, 'Bench', 'console:admin', Date.now());
if (!('code' in created)) throw new Error('could not create the community');
const targets: string[] = [];
for (let i = 0; i < counts.telegram; i++) {
  const id = -1_000_000_000_000 - i;
  telegram.addChat({ id, type: 'supergroup', title: `TG ${i}` });
  targets.push(`telegram:${id}`);
}
for (let i = 0; i < counts.discord; i++) targets.push(`discord:${discord.addChannel(`bench-${i}`)}`);
for (let i = 0; i < counts.whatsapp; i++) {
  const id = `1203630500000${String(i).padStart(5, '0')}@g.us`;
  whatsapp.addGroup(id, `WA ${i}`, [{ id: '33612345678@c.us', isAdmin: true }]);
  targets.push(`whatsapp:${id}`);
}
for (const id of targets) {
  await groups.ensure(id, id.split(':')[0]!, id, DEFAULTS);
  const joined = await communities.join(id, created.code, 'console:admin', Date.now());
  if (!joined.ok) throw new Error(`could not join ${id}: ${joined.reason}`);
}

// Each delivery's completion time, per platform.
const done: Record<string, number[]> = { telegram: [], discord: [], whatsapp: [] };
const failures: string[] = [];
app.events.on('delivered', (jobId) => {
  if (jobId.startsWith('alert')) done[jobId.split('>')[1]!.split('|')[0]!]!.push(performance.now());
});
app.events.on('failed', (jobId, reason) => failures.push(`${jobId}: ${reason}`));

const published = await alerts.publish({
  communityId: created.community.id,
  sourceGroup: source.id,
  authorId: 'console:admin',
  text: 'Water cut tomorrow 8:00-12:00 on the whole street',
  urgent: false,
  envelopeId: 'bench-envelope',
  now: Date.now(),
});
if (published.kind !== 'sent') throw new Error('not sent');
const started = performance.now();
const enqueued = await fanOut({
  alert: published.alert,
  source: { title: 'Bench source', platform: 'console' },
  groups: await communities.groupsOf(created.community.id),
  outbox: app.outbox,
  translate,
});
const enqueueMs = performance.now() - started;

const total = counts.telegram + counts.discord + counts.whatsapp;
const deadline = Date.now() + 20 * 60_000;
while (Object.values(done).reduce((n, list) => n + list.length, 0) + failures.length < total) {
  if (Date.now() > deadline) throw new Error('fan-out did not finish within 20 minutes');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const perPlatform: Record<string, unknown> = {};
let makespanMs = 0;
let minimumMs = 0;
for (const platform of ['telegram', 'discord', 'whatsapp'] as Platform[]) {
  const n = counts[platform as keyof typeof counts];
  if (n === 0) continue;
  const policy = adapters.find((a) => a.platform === platform)!.pacing;
  const last = Math.max(...done[platform]!);
  const span = last - started;
  const minimum = (n - 1) * policy.globalIntervalMs;
  makespanMs = Math.max(makespanMs, span);
  minimumMs = Math.max(minimumMs, minimum);
  perPlatform[platform] = {
    groups: n,
    delivered: done[platform]!.length,
    pacing: policy,
    makespanSeconds: round(span / 1000),
    theoreticalMinimumSeconds: round(minimum / 1000),
    ratio: minimum > 0 ? round(span / minimum) : null,
  };
}
const rateLimited429 = {
  telegram: telegram.rateLimited.length,
  discord: discord.rateLimited.user + discord.rateLimited.global,
  // WhatsApp Web has no 429: it bans. Pacing is all there is.
  whatsapp: 0,
};
const result = {
  groups: total,
  enqueued,
  enqueueSeconds: round(enqueueMs / 1000),
  makespanSeconds: round(makespanMs / 1000),
  theoreticalMinimumSeconds: round(minimumMs / 1000),
  ratio: round(makespanMs / minimumMs),
  goal: 'ratio ≤ 1.05 per platform and overall, no 429',
  rateLimited429,
  failed: failures.length,
  perPlatform,
};
console.log(JSON.stringify(result, null, 2));

await app.stop();
await telegram.close();
await discord.stop();
await db.close();
redis.disconnect();
await redisServer?.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
