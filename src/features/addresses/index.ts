// Neighbourhood addresses: trusted recommendations kept for the community, found in any of the five languages
// (/recommend, /find, /vouch), and the offer to add whoever helped when a help request is solved.
import { find } from '../../../commands/find.js';
import { recommend } from '../../../commands/recommend.js';
import { vouch } from '../../../commands/vouch.js';
import type { Feature } from '../../core/feature.js';
import { addressButtonStage } from './button-stage.js';
import { AddressService } from './service.js';

declare module '../../core/context.js' {
  interface Services {
    /** Neighbourhood addresses: storage, search per community, vouches. */
    addresses: AddressService;
  }
}

export const addresses: Feature = {
  name: 'addresses',
  commands: [recommend, find, vouch],
  stages: [{ phase: 'after-commands', stage: addressButtonStage }],
  services: ({ services, outbox, translate, clock }) => {
    const service = new AddressService({
      db: services.db,
      redis: services.redis,
      prefix: services.prefix,
      outbox,
      translate,
      clock,
      groups: services.groups,
    });
    // Listed after help requests: a request solved with /done offers to add whoever helped.
    services.help.onSolved(service.offerHelpers);
    return { addresses: service };
  },
  eraser: (services) => async (tx, personId) => {
    const { removed, scopes } = await services.addresses.repository.forget(personId, tx);
    for (const scope of scopes) await services.addresses.changed(scope);
    return removed;
  },
};
