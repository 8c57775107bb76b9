// One member's recent message times in a chat, in Redis, for the pure sliding window in flood.ts. Updates of one chat
// are processed in order by one worker (inbound partitions), so read-then-write does not race within a chat.
import type { Redis } from 'ioredis';
import { floodCheck, type FloodLimit } from './flood.js';

export async function recordAndCheck(
  redis: Redis,
  prefix: string,
  chatId: string,
  memberId: string,
  now: number,
  limit: FloodLimit,
): Promise<boolean> {
  const key = `${prefix}:flood:times:${chatId}:${memberId}`;
  const stored = await redis.get(key);
  const times = stored ? (JSON.parse(stored) as number[]) : [];
  const { over, keep } = floodCheck(Array.isArray(times) ? times : [], now, limit);
  await redis.set(key, JSON.stringify(keep), 'PX', Math.max(60_000, limit.seconds * 2000));
  return over;
}
