// Role answers from the platforms, cached briefly: a role check on every command would otherwise cost a platform call
// each time. Adapters invalidate the cache when the platform reports an admin change.
import type { Platform, QualifiedId } from './core/envelope.js';
import { unqualify } from './core/envelope.js';
import type { Role, RoleLookup } from './core/roles.js';

export class CachedRoleLookup implements RoleLookup {
  private readonly cache = new Map<string, { role: Role; expires: number }>();
  private readonly lookups = new Map<Platform, RoleLookup>();

  constructor(private readonly ttlMs = 60_000) {}

  register(platform: Platform, lookup: RoleLookup): void {
    this.lookups.set(platform, lookup);
  }

  async roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role> {
    const key = `${chatId} ${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.role;
    const lookup = this.lookups.get(unqualify(chatId).platform);
    // A platform we do not serve cannot vouch for anyone: the least role.
    const role = lookup ? await lookup.roleOf(chatId, userId) : 'member';
    this.cache.set(key, { role, expires: Date.now() + this.ttlMs });
    return role;
  }

  /** Forget cached roles in a chat (one user, or everyone). */
  invalidate(chatId: QualifiedId, userId?: QualifiedId): void {
    if (userId) {
      this.cache.delete(`${chatId} ${userId}`);
      return;
    }
    for (const key of this.cache.keys()) if (key.startsWith(`${chatId} `)) this.cache.delete(key);
  }
}
