// Role answers from the platforms, cached briefly: a role check on every command would otherwise cost a platform call
// each time. The cache is bounded (oldest out first), and a role change the platform reports reaches every process:
// the process that hears it (a gateway) publishes it on Redis and each process (gateways and workers) drops what it
// had cached for that chat or person within moments. A process whose subscription broke forgets its whole cache when
// it is back, since it may have missed changes meanwhile.
//
// A platform whose session lives in one process (WhatsApp) cannot be asked from a worker: the gateway keeps a mirror of
// each chat's roles in Redis (RoleMirror), written when it first sees the chat, refreshed on participant changes and
// every few minutes, and workers read that mirror.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Platform, QualifiedId } from './core/envelope.js';
import { unqualify } from './core/envelope.js';
import { InfrastructureError } from './core/errors.js';
import { BOT_RIGHTS, type BotRight, type Role, type RoleLookup } from './core/roles.js';

export class CachedRoleLookup implements RoleLookup {
  private readonly cache = new Map<string, { role: Role; expires: number }>();
  private readonly lookups = new Map<Platform, RoleLookup>();
  /** Bumped by every invalidation: a lookup that started before one does not store its (possibly stale) answer. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  register(platform: Platform, lookup: RoleLookup): void {
    this.lookups.set(platform, lookup);
  }

  async roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role> {
    const key = `${chatId} ${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.role;
    const generation = this.generation;
    const lookup = this.lookups.get(unqualify(chatId).platform);
    // A platform we do not serve cannot vouch for anyone: the least role.
    const role = lookup ? await lookup.roleOf(chatId, userId) : 'member';
    if (generation === this.generation) {
      this.cache.delete(key);
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, { role, expires: Date.now() + this.ttlMs });
    }
    return role;
  }

  /** The rights the bot lacks in a chat, asked of its platform each time (rare: the setup message); undefined when it cannot tell. */
  async missingRights(chatId: QualifiedId): Promise<BotRight[] | undefined> {
    const lookup = this.lookups.get(unqualify(chatId).platform);
    return lookup?.missingRights ? lookup.missingRights(chatId) : undefined;
  }

  /** Forget cached roles in a chat (one user, or everyone), in this process. */
  invalidate(chatId: QualifiedId, userId?: QualifiedId): void {
    this.generation += 1;
    if (userId) {
      this.cache.delete(`${chatId} ${userId}`);
      return;
    }
    for (const key of this.cache.keys()) if (key.startsWith(`${chatId} `)) this.cache.delete(key);
  }

  /** Forget everything (a missed invalidation is possible). */
  clear(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /** The cached answer, if any (for tests and the admin view). */
  cached(chatId: QualifiedId, userId: QualifiedId): Role | undefined {
    const hit = this.cache.get(`${chatId} ${userId}`);
    return hit && hit.expires > Date.now() ? hit.role : undefined;
  }

  /** Entries held (bounded by maxEntries). */
  get size(): number {
    return this.cache.size;
  }
}

/** Role changes shared by every process of a deployment, over Redis pub/sub. */
export class RoleChanges {
  private subscriber?: Redis;
  private readonly channel: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly roles: CachedRoleLookup,
    private readonly log: Logger,
  ) {
    this.channel = `${prefix}:roles-changed`;
  }

  /** Listens for changes heard by any process. Resolves once subscribed. */
  async start(): Promise<void> {
    const subscriber = (this.subscriber = this.redis.duplicate());
    subscriber.on('error', (error: unknown) => this.log.warn({ err: error }, 'role change subscription error'));
    let subscribedOnce = false;
    // Back after a broken connection: changes published meanwhile were missed, so nothing cached can be trusted.
    subscriber.on('ready', () => {
      if (subscribedOnce) this.roles.clear();
    });
    subscriber.on('message', (channel: string, payload: string) => {
      if (channel !== this.channel) return;
      try {
        const { chatId, userId } = JSON.parse(payload) as { chatId: QualifiedId; userId?: QualifiedId };
        this.roles.invalidate(chatId, userId);
      } catch (error) {
        this.log.warn({ err: error }, 'unreadable role change');
      }
    });
    await subscriber.subscribe(this.channel);
    subscribedOnce = true;
  }

  /** Forgets here at once, and tells every other process. */
  async changed(chatId: QualifiedId, userId?: QualifiedId): Promise<void> {
    this.roles.invalidate(chatId, userId);
    await this.redis.publish(this.channel, JSON.stringify({ chatId, ...(userId ? { userId } : {}) }));
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }
}

/** The roles of one chat other than member, keyed by qualified user id (see RoleLookup.rolesIn). */
export type ChatRoles = Record<QualifiedId, Role>;

const MIRROR_TTL_SECONDS = 7 * 24 * 3600;
// A field that cannot be a user id: when the mirror of the chat was written.
const WRITTEN_AT = '~written-at';
// Another: the rights the bot lacks there, as JSON.
const MISSING_RIGHTS = '~missing-rights';

/** Each chat's roles, as the process holding the platform's session last read them, kept in Redis for the others. */
export class RoleMirror {
  /** When this process last wrote each chat (bounded: oldest out). */
  private readonly writtenAt = new Map<QualifiedId, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How old a mirror may get before the gateway reads the chat again on its next message. */
    readonly refreshMs = 5 * 60_000,
  ) {}

  private key(chatId: QualifiedId): string {
    return `${this.prefix}:chat-roles:${chatId}`;
  }

  /** `missing`: the rights the bot lacks in the chat, when the session could tell (the setup reads them). */
  async write(chatId: QualifiedId, roles: ChatRoles, missing?: BotRight[]): Promise<void> {
    const fields: string[] = [WRITTEN_AT, String(Date.now())];
    if (missing) fields.push(MISSING_RIGHTS, JSON.stringify(missing));
    for (const [userId, role] of Object.entries(roles)) if (role !== 'member') fields.push(userId, role);
    await this.redis.multi().del(this.key(chatId)).hset(this.key(chatId), ...fields).expire(this.key(chatId), MIRROR_TTL_SECONDS).exec();
    this.writtenAt.delete(chatId);
    if (this.writtenAt.size >= 10_000) this.writtenAt.delete(this.writtenAt.keys().next().value!);
    this.writtenAt.set(chatId, Date.now());
  }

  /** Whether this process has written the chat's mirror since it started. */
  written(chatId: QualifiedId): boolean {
    return this.writtenAt.has(chatId);
  }

  /** Whether this process wrote the chat's mirror recently enough. */
  fresh(chatId: QualifiedId): boolean {
    const at = this.writtenAt.get(chatId);
    return at !== undefined && Date.now() - at < this.refreshMs;
  }

  /** Reads roles from the mirror: a chat the gateway has not mirrored yet cannot be answered (retried later). */
  lookup(): RoleLookup {
    return {
      roleOf: async (chatId, userId) => {
        const [written, role] = await this.redis.hmget(this.key(chatId), WRITTEN_AT, userId);
        if (!written) throw new InfrastructureError(`the roles of ${chatId} are not mirrored yet (the gateway has not read them)`);
        return role === 'admin' || role === 'moderator' ? role : 'member';
      },
      missingRights: async (chatId) => {
        const stored = await this.redis.hget(this.key(chatId), MISSING_RIGHTS);
        if (!stored) return undefined;
        const parsed: unknown = JSON.parse(stored);
        return Array.isArray(parsed) && parsed.every((r) => (BOT_RIGHTS as readonly unknown[]).includes(r)) ? (parsed as BotRight[]) : undefined;
      },
    };
  }
}
