// One-time login links. `/dashboard` stores who asked and in which group under a random token for ten minutes; the
// link carries the token. Taking it deletes it in the same Redis command (GETDEL), so a link works once, whoever
// races for it.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';

export const LINK_TTL_MS = 10 * 60_000;

export interface LoginGrant {
  person: QualifiedId;
  name: string;
  group: QualifiedId;
  /** The language the dashboard opens in: the person's own where the platform tells it, else the group's. */
  language: string;
  createdAt: number;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class LoginLinks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock,
    readonly ttlMs = LINK_TTL_MS,
  ) {}

  /** Redis forgets a link after its lifetime; the app's clock decides too, so tests need not wait. */
  private live(grant: LoginGrant): boolean {
    return this.clock.now() - grant.createdAt < this.ttlMs;
  }

  private key(token: string): string {
    return `${this.prefix}:dashboard:link:${token}`;
  }

  /** A fresh token (256 bits) for this grant. */
  async create(grant: LoginGrant): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), JSON.stringify(grant), 'PX', this.ttlMs);
    return token;
  }

  /** The grant while the link can still be used, without using it (the confirmation page asks first). */
  async peek(token: string): Promise<LoginGrant | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const raw = await this.redis.get(this.key(token));
    const grant = raw ? (JSON.parse(raw) as LoginGrant) : undefined;
    return grant && this.live(grant) ? grant : undefined;
  }

  /** The grant, once: a second call, an expired or an unknown token get undefined. */
  async take(token: string): Promise<LoginGrant | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const raw = await this.redis.getdel(this.key(token));
    const grant = raw ? (JSON.parse(raw) as LoginGrant) : undefined;
    return grant && this.live(grant) ? grant : undefined;
  }
}
