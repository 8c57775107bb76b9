// Help requests: /need posts one across the community, neighbours offer, the author closes it; reminders and expiry
// run on a sweep. A private notice that cannot reach its author becomes a mention in their group.
import { cancel } from '../../../commands/cancel.js';
import { done } from '../../../commands/done.js';
import { need } from '../../../commands/need.js';
import { offer } from '../../../commands/offer.js';
import { requests } from '../../../commands/requests.js';
import type { Feature } from '../../core/feature.js';
import { helpButtonStage } from './button-stage.js';
import { HelpService, type HelpOptions } from './service.js';

declare module '../../core/context.js' {
  interface Services {
    /** Help requests: posting, offers, closing, the expiry sweep. */
    help: HelpService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Help requests: expiry, reminder, spam guard, sweep interval (defaults in service.ts). */
    help?: Partial<HelpOptions>;
  }
}

export const helpRequests: Feature = {
  name: 'help-requests',
  commands: [need, offer, done, cancel, requests],
  stages: [{ phase: 'after-commands', stage: helpButtonStage }],
  services: ({ services, outbox, translate, clock, log, options }) => ({
    help: new HelpService({
      db: services.db,
      outbox,
      translate,
      clock,
      log,
      groups: services.groups,
      deliveries: services.deliveries,
      communities: services.communities,
      defaults: services.defaults,
      options: options.help,
    }),
  }),
  delivery: (services) => services.help.delivery,
  scheduled: (services) => services.help.startSweeping(),
  eraser: (services) => (tx, personId) => services.help.requests.forget(personId, tx),
};
