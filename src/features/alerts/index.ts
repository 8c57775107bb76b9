// Alerts: a moderator's message fanned out to every group of the community, with receipts; a member's is a proposal
// a moderator approves (/alert, /approve, /reject). Other features' proposals are decided by the same commands
// through the kinds they register in `proposals`.
import { alert } from '../../../commands/alert.js';
import { approve, reject } from '../../../commands/approve.js';
import type { Feature } from '../../core/feature.js';
import { ProposalKinds } from './proposals.js';
import { AlertRepository } from './repository.js';

declare module '../../core/context.js' {
  interface Services {
    alerts: AlertRepository;
    /** Proposals of other features that /approve and /reject decide. */
    proposals: ProposalKinds;
  }
}

export const alerts: Feature = {
  name: 'alerts',
  commands: [alert, approve, reject],
  services: ({ services }) => ({ alerts: new AlertRepository(services.db), proposals: new ProposalKinds() }),
  eraser: (services) => (tx, personId) => services.alerts.forget(tx, personId),
};
