// Per-chat pacing, as scheduling: each outbound message reserves the next free time slot of its target chat in
// Redis, and its delivery job is delayed until then. The platform's global rate is booked when the job runs (see
// chat-lane.ts: each send takes the platform's next free time).
import type { Redis } from 'ioredis';
import { LuaScript } from './lua.js';

// KEYS[1]: the chat's next-free-time key. ARGV: earliest ms, interval ms, jitter ms (already drawn), key ttl ms.
// Returns the reserved time. Atomic, so concurrent producers never get the same slot.
const RESERVE = new LuaScript(`
local earliest = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(earliest, nextFree)
redis.call('SET', KEYS[1], slot + tonumber(ARGV[2]) + tonumber(ARGV[3]), 'PX', ARGV[4])
return slot
`);

// Pushes the chat's next free time to at least ARGV[1] (after a 429 names a time).
const PUSH_BACK = new LuaScript(`
local at = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if at > nextFree then redis.call('SET', KEYS[1], at, 'PX', ARGV[2]) end
return 1
`);

export class ChatPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(chatId: string): string {
    return `${this.prefix}:pace:${chatId}`;
  }

  /** Reserves the first slot at or after `earliest` for one message to `chatId`. */
  async reserve(chatId: string, earliest: number, intervalMs: number, jitterMs = 0): Promise<number> {
    if (intervalMs <= 0 && jitterMs <= 0) return earliest;
    const jitter = jitterMs > 0 ? Math.floor(Math.random() * jitterMs) : 0;
    const ttl = Math.max(60_000, intervalMs * 4 + jitter);
    const slot = await RESERVE.run(this.redis, [this.key(chatId)], [earliest, intervalMs, jitter, ttl]);
    return Number(slot);
  }

  /** Nothing more may go to `chatId` before `at` (the platform said so). */
  async pushBack(chatId: string, at: number): Promise<void> {
    const ttl = Math.max(60_000, at - Date.now() + 60_000);
    await PUSH_BACK.run(this.redis, [this.key(chatId)], [at, ttl]);
  }
}
