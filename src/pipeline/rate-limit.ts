// Each person's commands, per chat, draw from a token bucket kept in Redis (so every worker shares it): a few people
// typing commands cannot use up the platform's whole send rate. The first command over the limit gets one polite
// answer; the ones after it get nothing until the bucket has refilled a token.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LuaScript } from '../queue/lua.js';

export interface CommandRateLimit {
  /** Commands a person may send in a burst. */
  capacity: number;
  /** One command's worth refills every `refillMs`. */
  refillMs: number;
}

export const DEFAULT_COMMAND_RATE_LIMIT: CommandRateLimit = { capacity: 10, refillMs: 6_000 };

/** allowed: run it; warn: over the limit, say so once; silent: over the limit, already told. */
export type RateVerdict = 'allowed' | 'warn' | 'silent';

// KEYS[1] the bucket; ARGV: now (ms), capacity, refill ms per token. Fields: t tokens (fractional), at last update,
// w 1 when the person was told. The key lapses once the bucket would be full again.
const TAKE = new LuaScript(`
local now = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local per = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 't', 'at', 'w')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local warned = state[3] == '1'
if now > at then
  tokens = math.min(capacity, tokens + (now - at) / per)
  at = now
end
local verdict
if tokens >= 1 then
  tokens = tokens - 1
  warned = false
  verdict = 0
elseif warned then
  verdict = 2
else
  warned = true
  verdict = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(at), 'w', warned and '1' or '0')
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens + 1) * per))
return verdict
`);

const VERDICTS: RateVerdict[] = ['allowed', 'warn', 'silent'];

export class CommandRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: CommandRateLimit = DEFAULT_COMMAND_RATE_LIMIT,
  ) {}

  /** The key names neither the chat nor the person: a hash of both, so no id of anyone sits in Redis keys. */
  private key(chatId: string, personId: string): string {
    const digest = createHash('sha256').update(`${this.prefix}\u0000${chatId}\u0000${personId}`).digest('base64url').slice(0, 22);
    return `${this.prefix}:cmd-rate:${digest}`;
  }

  async take(chatId: string, personId: string, now: number): Promise<RateVerdict> {
    const result = Number(await TAKE.run(this.redis, [this.key(chatId, personId)], [now, this.limit.capacity, this.limit.refillMs]));
    return VERDICTS[result] ?? 'allowed';
  }
}
