// Commands the Redis server ran, from INFO commandstats: the difference over a case, divided by its envelopes, is a
// figure that does not depend on how loaded the machine is. It counts what the server executed, commands run inside
// Lua scripts included (BullMQ's own scripts run dozens); `scripts` counts the script calls themselves. Only exact on
// a Redis nobody else uses (the benchmark's own redis-server, when REDIS_URL is not set).
import type { Redis } from 'ioredis';

export interface CommandCounts {
  /** Every command executed, those inside scripts included. */
  total: number;
  /** EVAL and EVALSHA calls (each is one round trip, whatever it runs inside). */
  scripts: number;
}

export async function commandCounts(redis: Redis): Promise<CommandCounts> {
  const info = await redis.info('commandstats');
  let total = 0;
  let scripts = 0;
  for (const [, name, calls] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    total += Number(calls);
    if (name === 'eval' || name === 'evalsha') scripts += Number(calls);
  }
  return { total, scripts };
}

export function perEnvelope(before: CommandCounts, after: CommandCounts, envelopes: number): CommandCounts {
  return { total: (after.total - before.total) / envelopes, scripts: (after.scripts - before.scripts) / envelopes };
}
