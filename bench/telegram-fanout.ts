// Telegram fan-out benchmark: one message to each of 100 groups (several rounds) through the real delivery layer
// (Redis, BullMQ, the Telegram adapter on grammY) against the Bot API stand-in at Telegram's real limits
// (30 messages a second overall, 20 a minute per group). Reports messages/s ÷ 30 (1.0 = the platform's ceiling)
// and the 429s met on the way.
//   npx tsx bench/telegram-fanout.ts [groups=100] [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createApp } from '../src/app.js';
import { wrapPglite } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { TelegramStandin } from '../tests/telegram/standin/server.js';

const groups = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 3);

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const db = await wrapPglite(new PGlite(), { migrate: true });
const standin = await TelegramStandin.start(); // real limits
const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: silentLogger }); // real pacing
const app = await createApp({
  db,
  redis,
  prefix: `bench-${Date.now()}`,
  adapters: [adapter],
  log: silentLogger,
  defaults: { language: 'en', timezone: 'Europe/Paris' },
  partitions: 4,
  role: 'all',
});
await app.start();

const total = groups * rounds;
for (let g = 0; g < groups; g++) standin.addChat({ id: -1_000_000_000_000 - g, type: 'supergroup', title: `Group ${g}` });
const started = Date.now();
for (let r = 0; r < rounds; r++) {
  for (let g = 0; g < groups; g++) {
    await app.outbox.enqueue({ id: `alert:${r}`, target: `telegram:${-1_000_000_000_000 - g}`, action: 'send', text: `Alert ${r}` });
  }
}
while (standin.sent.length < total) {
  if (Date.now() - started > 10 * 60_000) throw new Error(`only ${standin.sent.length}/${total} delivered in 10 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const first = standin.sent[0]!.at;
const last = standin.sent[standin.sent.length - 1]!.at;
const rate = ((total - 1) * 1000) / (last - first);
console.log(
  JSON.stringify(
    {
      groups,
      rounds,
      messages: total,
      seconds: (last - first) / 1000,
      enqueueToLastSeconds: (last - started) / 1000,
      messagesPerSecond: Number(rate.toFixed(2)),
      ratioOfTelegramCeiling: Number((rate / 30).toFixed(3)),
      rateLimited429: standin.rateLimited.length,
      rejected: standin.requests.filter((q) => q.status >= 400 && q.status !== 429).length,
    },
    null,
    2,
  ),
);

await app.stop();
await standin.close();
await db.close();
redis.disconnect();
await redisServer?.stop();
rmSync(dir, { recursive: true, force: true });
