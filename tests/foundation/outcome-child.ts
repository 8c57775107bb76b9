// A delivery worker in a process of its own, for the crash test in outcomes.test.ts: its platform refuses every send
// for good and its outcome handler never finishes, so the test can kill it with SIGKILL between a final failure and
// its handling. Prints `ready`, then `attempt` for each send and `handling` when the handler starts.
import { DeliveryError } from '../../src/core/outbound.js';
import type { DeliveryRepository } from '../../src/db/deliveries.js';
import { silentLogger } from '../../src/logger.js';
import { ChatLanes } from '../../src/queue/chat-lane.js';
import { startDeliveryWorker } from '../../src/queue/delivery.js';
import { ChatPacer } from '../../src/queue/pacing.js';
import { connectRedis } from '../../src/queue/redis.js';

const redis = connectRedis(process.env.REDIS_URL!);
const prefix = process.env.QUARTIER_PREFIX!;
const say = (line: string) => process.stdout.write(`${line}\n`);

const worker = startDeliveryWorker({
  adapter: {
    platform: 'console',
    pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
    roles: { roleOf: async () => 'member' },
    start: async () => {},
    stop: async () => {},
    send: async () => {
      say('attempt');
      throw new DeliveryError('permanent', 'Bad Request: chat not found');
    },
  },
  redis,
  prefix,
  pacer: new ChatPacer(redis, prefix),
  lanes: new ChatLanes(redis, prefix),
  deliveries: { record: async () => {} } as unknown as DeliveryRepository,
  log: silentLogger,
  // A short lock, so the job this process holds is handed on within about a second of its death.
  lockMs: 1000,
  events: { delivered: () => {}, failed: () => {}, rateLimited: () => {}, chatGone: async () => {} },
  handlers: () => ({
    outcome: () => {
      say('handling');
      return new Promise<void>(() => {});
    },
  }),
});
await worker.waitUntilReady();
say('ready');
