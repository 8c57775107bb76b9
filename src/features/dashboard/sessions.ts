// Dashboard sessions. The cookie holds a random session id and its HMAC; the session itself (who, which groups, the
// CSRF token, the page language) lives in Redis, so logging out or losing a role ends it everywhere at once. The
// cookie is HttpOnly, Secure and SameSite=Strict, named with the __Host- prefix (no Domain, Path=/): no other site's
// page can make the browser send it, and no script can read it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

export const COOKIE_NAME = '__Host-quartier-dashboard';
export const SESSION_TTL_MS = 8 * 3600_000;

export interface Session {
  id: string;
  person: QualifiedId;
  name: string;
  /** The groups where the person moderates, as each login link showed; checked with the platform again on use. */
  groups: QualifiedId[];
  csrf: string;
  language: string;
  createdAt: number;
}

export class Sessions {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly secret: Buffer,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:dashboard:session:${id}`;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(id).digest('base64url');
  }

  /** The cookie value for a session id: `<id>.<hmac>`. */
  cookieValue(id: string): string {
    return `${id}.${this.sign(id)}`;
  }

  /** The session id of a cookie value whose signature is right; undefined otherwise. */
  verify(value: string | undefined): string | undefined {
    const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
    if (!match) return undefined;
    const expected = Buffer.from(this.sign(match[1]!));
    const given = Buffer.from(match[2]!);
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : undefined;
  }

  async create(input: Omit<Session, 'id' | 'csrf' | 'createdAt'>, now: number): Promise<Session> {
    const session: Session = { ...input, id: randomBytes(32).toString('base64url'), csrf: randomBytes(32).toString('base64url'), createdAt: now };
    await this.redis.set(this.key(session.id), JSON.stringify(session), 'PX', this.ttlMs);
    return session;
  }

  async load(cookie: string | undefined): Promise<Session | undefined> {
    const id = this.verify(cookie);
    if (!id) return undefined;
    const raw = await this.redis.get(this.key(id));
    return raw ? (JSON.parse(raw) as Session) : undefined;
  }

  /** Saves a changed session, keeping its remaining lifetime. */
  async save(session: Session): Promise<void> {
    await this.redis.set(this.key(session.id), JSON.stringify(session), 'KEEPTTL', 'XX');
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  static csrfMatches(session: Session, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(session.csrf);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
