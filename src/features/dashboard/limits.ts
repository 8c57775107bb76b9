// Logins are limited per client address and overall: link tokens are far too long to guess, but an endpoint that
// answers every guess at full speed is an invitation. Counters live in Redis so every process sees the same count.
import type { Redis } from 'ioredis';

export interface LoginLimits {
  /** Login requests allowed per address within the window. */
  perAddress: number;
  /** Login requests allowed from everyone together within the window. */
  overall: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 20, overall: 600, windowMs: 10 * 60_000 };

export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Counts one login request; false when this address or everyone together has used up the window. */
  async allow(address: string): Promise<boolean> {
    const perAddress = `${this.prefix}:dashboard:logins:${address}`;
    const overall = `${this.prefix}:dashboard:logins:*`;
    const results = await this.redis
      .multi()
      .set(perAddress, '0', 'PX', this.limits.windowMs, 'NX')
      .incr(perAddress)
      .set(overall, '0', 'PX', this.limits.windowMs, 'NX')
      .incr(overall)
      .exec();
    const mine = Number(results?.[1]?.[1] ?? 0);
    const all = Number(results?.[3]?.[1] ?? 0);
    return mine <= this.limits.perAddress && all <= this.limits.overall;
  }
}
