// Who may do what on the dashboard: the same roles as the commands, asked of the platform. A page is read with the
// briefly cached role; every change asks the platform again (the cache is dropped first), as a command would.
import type { Services } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
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
