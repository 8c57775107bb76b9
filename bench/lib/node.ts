// One Quartier process for the scale-out benchmark, the scale test and the chaos tests: the real app (src/app.ts)
// in the role named by ROLE, on the Redis and PostgreSQL named by REDIS_URL / DATABASE_URL, with a trace stage that
// records, per chat, each envelope this process ran through the pipeline (so the parent can check exactly-once and
// per-chat order across processes).
//
//   ROLE=worker REDIS_URL=… DATABASE_URL=… PREFIX=… npx tsx bench/lib/node.ts
//
// Optional: PARTITIONS (16), LOCK_MS / LEASE_TTL_MS (shorter job locks and leases so a killed process is replaced
// quickly), TELEGRAM_API_ROOT + TELEGRAM_BOT_TOKEN (a Telegram stand-in: the gateway polls it, workers deliver to it),
// DISCORD_API_URL + DISCORD_BOT_TOKEN (a Discord stand-in, REST only in workers), FANOUT_TARGETS (a text "fanout <n>"
// enqueues one outbound message to each of n Telegram chats, or to the qualified ids in FANOUT_CHATS), DELIVERY_GLOBAL_MS
// (Telegram sends at most one per this many ms), WORK_MS (pipeline
// cost per envelope, simulated by a timer). The process prints "ready" once started and stops on SIGTERM.
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createApp, type Role } from '../../src/app.js';
import type { Stage } from '../../src/core/composer.js';
import type { Context } from '../../src/core/context.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { connectRedis } from '../../src/queue/redis.js';
import { traceCountKey, traceKey } from './trace.js';

const env = process.env;
const role = (env.ROLE ?? 'worker') as Role;
const prefix = env.PREFIX ?? 'quartier';
const log = createLogger(env.LOG_LEVEL ?? 'warn');
const redis = connectRedis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
redis.on('error', () => {}); // reconnects on its own; the chaos tests restart Redis on purpose
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '' });

const fanoutTargets = Number(env.FANOUT_TARGETS ?? 0);
const fanoutChats = env.FANOUT_CHATS ? env.FANOUT_CHATS.split(',') : undefined;
const workMs = Number(env.WORK_MS ?? 0);

/** Records that this process ran the envelope through the pipeline; then, for "fanout <n>", fans out. */
const trace: Stage<Context> = {
  name: 'bench-trace',
  async run(ctx, next) {
    if (workMs > 0) await new Promise((resolve) => setTimeout(resolve, workMs));
    await redis.multi().rpush(traceKey(prefix, ctx.envelope.chat.id), `${ctx.envelope.id} ${process.pid}`).incr(traceCountKey(prefix)).exec();
    const fanout = /^fanout (\d+)$/.exec(ctx.envelope.text);
    if (fanout && fanoutTargets > 0) {
      const n = Math.min(Number(fanout[1]), fanoutTargets);
      for (let i = 0; i < n; i++) {
        await ctx.outbox.enqueue({ id: `${ctx.envelope.id}:fan`, target: fanoutChats?.[i] ?? `telegram:${-1_000_000_000_000 - i}`, action: 'send', text: `alert ${i}` });
      }
    }
    await next();
  },
};

const adapters: PlatformAdapter[] = [];
if (env.TELEGRAM_API_ROOT && env.TELEGRAM_BOT_TOKEN) {
  adapters.push(
    createTelegramAdapter({
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: env.TELEGRAM_API_ROOT,
      logger: log,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: Number(env.DELIVERY_GLOBAL_MS ?? 0) },
      pollTimeoutSeconds: 1,
      pollRetryMs: 200,
    }),
  );
}

if (env.DISCORD_API_URL && env.DISCORD_BOT_TOKEN) {
  adapters.push(
    createDiscordAdapter({
      token: env.DISCORD_BOT_TOKEN,
      apiUrl: env.DISCORD_API_URL,
      logger: log,
      restRequestsPerSecond: 10_000,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: Number(env.DELIVERY_GLOBAL_MS ?? 0) },
    }),
  );
}

const lockMs = env.LOCK_MS ? Number(env.LOCK_MS) : undefined;
const app = await createApp({
  db,
  redis,
  prefix,
  adapters,
  log,
  defaults: { language: 'en', timezone: 'Europe/Paris' },
  partitions: Number(env.PARTITIONS ?? 16),
  role,
  // Before the command stage: a command ends the chain there, and every envelope must be traced.
  beforeCommands: [trace],
  locks: {
    inboundMs: lockMs,
    deliveryMs: lockMs,
    lease: env.LEASE_TTL_MS ? { ttlMs: Number(env.LEASE_TTL_MS), renewMs: Math.floor(Number(env.LEASE_TTL_MS) / 4) } : undefined,
  },
});
await app.start();
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void (async () => {
    await app.stop();
    redis.disconnect();
    await db.close();
    process.exit(0);
  })();
});
