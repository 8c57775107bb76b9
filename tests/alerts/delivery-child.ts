// The delivery side of Quartier in a process of its own, for the crash test (kill.test.ts): a Telegram delivery
// worker on the real delivery code, pointed at the stand-in in the test process. Started with
// `node --import tsx tests/alerts/delivery-child.ts`; prints `ready` once the worker runs. It is killed with SIGKILL,
// so it gets no chance to clean up: that is the point.
//
// Outcome rows go nowhere here (the test counts what reached the platform, which is what a crash could duplicate);
// the "sent" marker in Redis, which keeps a restarted worker from posting again, is the real one.
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import type { DeliveryRepository } from '../../src/db/deliveries.js';
import { silentLogger } from '../../src/logger.js';
import { startDeliveryWorker } from '../../src/queue/delivery.js';
import { ChatLanes } from '../../src/queue/chat-lane.js';
import { ChatPacer } from '../../src/queue/pacing.js';
import { connectRedis } from '../../src/queue/redis.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const redis = connectRedis(env('REDIS_URL'));
const prefix = env('QUARTIER_PREFIX');
const adapter = createTelegramAdapter({
  token: env('TG_TOKEN'),
  apiRoot: env('TG_API_ROOT'),
  logger: silentLogger,
  pacing: { perChatIntervalMs: 0, globalIntervalMs: Number(env('TG_GLOBAL_INTERVAL_MS')) },
});
const deliveries = { record: async () => {} } as unknown as DeliveryRepository;

const worker = startDeliveryWorker({
  adapter,
  redis,
  prefix,
  pacer: new ChatPacer(redis, prefix),
  lanes: new ChatLanes(redis, prefix),
  deliveries,
  log: silentLogger,
  // A short lock, so the jobs a killed worker held are handed to its successor within about a second.
  lockMs: 1000,
  events: { delivered: () => {}, failed: () => {}, rateLimited: () => {}, chatGone: async () => {} },
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
