// Per target chat: when a relay last got through, and whether relays are failing now and why (for `/bridge`), plus
// the bookkeeping that sends the source side one notice per failure streak.
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

export interface ChatHealth {
  lastRelayedAt?: number;
  failingSince?: number;
  lastError?: string;
  failures: number;
}

export class BridgeHealth {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: string, chatId: string): string {
    return `${this.prefix}:bridge:${kind}:${chatId}`;
  }

  async delivered(target: QualifiedId, at: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key('health', target), 'lastRelayedAt', String(at))
      .hdel(this.key('health', target), 'failingSince', 'lastError', 'failures')
      .del(this.key('noticed', target))
      .exec();
  }

  /** Records a failed attempt; returns how many attempts in a row have failed for this target. */
  async failed(target: QualifiedId, reason: string, at: number): Promise<number> {
    const key = this.key('health', target);
    const results = await this.redis
      .multi()
      .hsetnx(key, 'failingSince', String(at))
      .hset(key, 'lastError', reason.slice(0, 200))
      .hincrby(key, 'failures', 1)
      .exec();
    return Number(results?.[2]?.[1] ?? 1);
  }

  /** True the first time in this failure streak that `source` is told about `kind` for `target`. */
  async shouldNotice(target: QualifiedId, source: QualifiedId, kind: 'waiting' | 'failed'): Promise<boolean> {
    return (await this.redis.hsetnx(this.key('noticed', target), `${source}|${kind}`, '1')) === 1;
  }

  async of(target: QualifiedId): Promise<ChatHealth> {
    const h = await this.redis.hgetall(this.key('health', target));
    return {
      ...(h.lastRelayedAt ? { lastRelayedAt: Number(h.lastRelayedAt) } : {}),
      ...(h.failingSince ? { failingSince: Number(h.failingSince) } : {}),
      ...(h.lastError ? { lastError: h.lastError } : {}),
      failures: Number(h.failures ?? 0),
    };
  }
}
