// Who may do what on the dashboard: the same roles as the commands, asked of the platform. A page is read with the
// briefly cached role; every change asks the platform again (the cache is dropped first), as a command would.
import type { Services } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import { roleAtLeast, type Role } from '../../core/roles.js';
import type { Session, Sessions } from './sessions.js';

export type Access = { ok: true; role: Role } | { ok: false; reason: 'not-in-session' | 'role' };

export async function accessTo(
  services: Services,
  sessions: Sessions,
  session: Session,
  groupId: QualifiedId,
  needed: Role,
  options: { fresh: boolean },
): Promise<Access> {
  if (!session.groups.includes(groupId)) return { ok: false, reason: 'not-in-session' };
  if (options.fresh) services.roles.invalidate(groupId, session.person);
  const role = await services.roles.roleOf(groupId, session.person);
  if (!roleAtLeast(role, 'moderator')) {
    // No longer a moderator there: the session loses the group for good (a new /dashboard brings it back).
    session.groups = session.groups.filter((id) => id !== groupId);
    await sessions.save(session);
    return { ok: false, reason: 'role' };
  }
  return roleAtLeast(role, needed) ? { ok: true, role } : { ok: false, reason: 'role' };
}

/** How many other groups of the community a login asks the platform about (each is one platform call). */
export const COMMUNITY_LOOKUPS = 50;

/**
 * The other active groups of `groupId`'s community, on the person's own platform, where the platform says they
 * moderate: a session covers them too, so one link opens every group the person runs. A lookup that fails counts as
 * not moderating.
 */
export async function moderatedInCommunity(services: Services, groupId: QualifiedId, person: QualifiedId): Promise<QualifiedId[]> {
  const group = await services.groups.find(groupId);
  if (!group?.communityId) return [];
  const platform = unqualify(person).platform;
  const candidates = (await services.communities.groupsOf(group.communityId))
    .filter((g) => g.active && g.id !== groupId && unqualify(g.id).platform === platform)
    .slice(0, COMMUNITY_LOOKUPS);
  const found: QualifiedId[] = [];
  // A few at a time: the platform's own rate limits apply to these calls.
  for (let i = 0; i < candidates.length; i += 5) {
    const roles = await Promise.all(
      candidates.slice(i, i + 5).map((g) => services.roles.roleOf(g.id, person).catch((): Role => 'member')),
    );
    roles.forEach((role, k) => {
      if (roleAtLeast(role, 'moderator')) found.push(candidates[i + k]!.id);
    });
  }
  return found;
}
