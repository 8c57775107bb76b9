// Communities: groups on any platform that share alerts, FAQ entries, help requests and events (/community).
import { community } from '../../../commands/community.js';
import type { Feature } from '../../core/feature.js';
import { CommunityRepository } from './repository.js';

declare module '../../core/context.js' {
  interface Services {
    /** Communities: `communityOf(groupId)`, `groupsOf(communityId)`, create/join/leave/codes. */
    communities: CommunityRepository;
  }
}

export const communities: Feature = {
  name: 'communities',
  commands: [community],
  services: ({ services }) => ({ communities: new CommunityRepository(services.db, (id) => services.groups.forgetCached(id)) }),
  eraser: (services) => (tx, personId) => services.communities.forget(tx, personId),
};
