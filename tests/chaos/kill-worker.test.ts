// SIGKILL of a worker process in the middle of a fan-out, per platform: two worker processes (the real app) share the
// work; one is killed while the fan-out's deliveries are under way. Every target must still get its message;
// duplicates (a send the platform accepted just before the kill, sent again by the survivor) are counted and reported.
// Telegram has no way to ask "did you already post this?": at most the sends in flight at the kill can repeat. Discord
// answers a post with a nonce it has seen (enforce_nonce) with the first message: none may repeat, even with the
// stand-in answering each post 150 ms after creating it, so that the kill falls between the two for several posts.
// (WhatsApp's client lives inside the process that holds its session, so it cannot be shared by two processes: its
// sends keep the sent marker, as Telegram's do.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, scratchDatabase } from '../../bench/lib/cluster.js';
import { benchEnvelope } from '../../bench/lib/envelopes.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { postgresUrl, redisUrl } from '../helpers/storage.js';

const serverUrl = postgresUrl();
if (!serverUrl) console.warn('tests/chaos/kill-worker skipped: set TEST_DATABASE_URL to a PostgreSQL server (CI does)');

const TARGETS = 60;

interface Platform {
  name: string;
  /** Starts the stand-in; returns the env for the workers and a reader of each target's sends. */
  start(): Promise<{ env: NodeJS.ProcessEnv; sends(): string[]; stop(): Promise<void> }>;
  maxDuplicates: number;
}

const PLATFORMS: Platform[] = [
  {
    name: 'telegram',
    maxDuplicates: 2,
    async start() {
      const standin = await TelegramStandin.start({ groupLimit: 100_000, globalLimit: 100_000 });
      for (let i = 0; i < TARGETS; i++) standin.addChat({ id: -1_000_000_000_000 - i, type: 'supergroup', title: `Target ${i}` });
      return {
        env: { TELEGRAM_API_ROOT: standin.apiRoot, TELEGRAM_BOT_TOKEN: standin.token },
        sends: () => standin.sent.map((s) => String(s.chatId)),
        stop: () => standin.close(),
      };
    },
  },
  {
    name: 'discord',
    maxDuplicates: 0,
    async start() {
      const standin = await new DiscordStandIn({ perChannel: { limit: 1000, windowMs: 1000 }, global: { limit: 10_000, windowMs: 1000 }, postAnswerDelayMs: 150 }).start();
      const channels = Array.from({ length: TARGETS }, (_, i) => standin.world.addChannel(`target-${i}`));
      return {
        env: { DISCORD_API_URL: standin.apiUrl, DISCORD_BOT_TOKEN: standin.token, FANOUT_CHATS: channels.map((c) => `discord:${c}`).join(',') },
        sends: () => standin.botMessages().map((m) => m.channel_id),
        stop: () => standin.stop(),
      };
    },
  },
];

describe.skipIf(!serverUrl).each(PLATFORMS)('SIGKILL of a worker mid fan-out: $name', (platform) => {
  let standin: Awaited<ReturnType<Platform['start']>>;
  let cluster: Cluster;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    standin = await platform.start();
    database = await scratchDatabase(serverUrl!);
    cluster = new Cluster({
      redisUrl: redisUrl(),
      databaseUrl: database.url,
      workers: 2,
      partitions: 4,
      env: {
        ...standin.env,
        FANOUT_TARGETS: String(TARGETS),
        DELIVERY_GLOBAL_MS: '60',
        LOCK_MS: '2000',
        LEASE_TTL_MS: '2000',
      },
    });
    await cluster.start();
  });

  afterAll(async () => {
    await cluster?.stop();
    await database?.drop();
    await standin?.stop();
  });

  it('delivers to every target despite the kill, and counts duplicates', async () => {
    await cluster.inbound.sink(benchEnvelope(cluster.prefix, 0, 1, `fanout ${TARGETS}`));
    const started = Date.now();
    while (standin.sends().length < 10) {
      if (Date.now() - started > 60_000) throw new Error(`fan-out did not start: ${standin.sends().length} sent`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Kill whichever worker is delivering right now (the last sender), mid-way.
    const victim = cluster.processes[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const sentAtKill = standin.sends().length;

    const byTarget = () => {
      const counts = new Map<string, number>();
      for (const chat of standin.sends()) counts.set(chat, (counts.get(chat) ?? 0) + 1);
      return counts;
    };
    while (byTarget().size < TARGETS) {
      if (Date.now() - started > 90_000) throw new Error(`only ${byTarget().size}/${TARGETS} targets reached`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000)); // late duplicates would land now
    const counts = byTarget();
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    console.info(`kill-worker ${platform.name}: ${sentAtKill} sent before the kill, ${counts.size} targets reached, ${duplicates} duplicate(s)`);
    expect(counts.size).toBe(TARGETS);
    expect(duplicates).toBeLessThanOrEqual(platform.maxDuplicates);
  });
});
