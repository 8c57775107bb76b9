// The groups a request is posted to, through the communities' own API (src/features/communities/).
import type { CommunityRepository } from '../communities/repository.js';
import type { Group } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';

/** The chats a request from `origin` goes to: the origin first, then the community's other active groups. */
export async function requestTargets(
  communities: Pick<CommunityRepository, 'groupsOf'>,
  origin: Pick<Group, 'id' | 'communityId'>,
): Promise<QualifiedId[]> {
  if (origin.communityId === null) return [origin.id];
  const members = await communities.groupsOf(origin.communityId);
  return [origin.id, ...members.filter((g) => g.active && g.id !== origin.id).map((g) => g.id)];
}

/** Numbers are per community, or per group when it has none. */
export function requestScope(group: Pick<Group, 'id' | 'communityId'>): string {
  return group.communityId !== null ? `community:${group.communityId}` : `group:${group.id}`;
}
