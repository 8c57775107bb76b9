// Wrong codes are limited per chat and per person: a code is 8 characters from 31, far too many to guess, but a
// person trying codes from a screenshot or a typo-squatting script should meet a polite wall, not a free oracle.
// Counters live in Redis so every worker sees the same count.
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

export interface AttemptLimits {
  /** Wrong codes allowed per chat and per person within the window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { max: 5, windowMs: 10 * 60_000 };

export class CodeAttempts {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS,
  ) {}

  private keys(chatId: QualifiedId, personId: QualifiedId): string[] {
    return [`${this.prefix}:codes:wrong:chat:${chatId}`, `${this.prefix}:codes:wrong:person:${personId}`];
  }

  /** True when this chat or this person has used up its wrong tries: no code is even looked at then. */
  async blocked(chatId: QualifiedId, personId: QualifiedId): Promise<boolean> {
    const counts = await this.redis.mget(...this.keys(chatId, personId));
    return counts.some((n) => Number(n ?? 0) >= this.limits.max);
  }

  /** Counts one wrong code against the chat and the person; each counter's window starts at its first wrong try. */
  async wrong(chatId: QualifiedId, personId: QualifiedId): Promise<void> {
    const multi = this.redis.multi();
    for (const key of this.keys(chatId, personId)) multi.set(key, '0', 'PX', this.limits.windowMs, 'NX').incr(key);
    await multi.exec();
  }
}
