// Alerts: a moderator's message fanned out to every group of the community, with receipts; a member's is a proposal
// a moderator approves (/alert, /approve, /reject).
import { alert } from '../../../commands/alert.js';
import { approve, reject } from '../../../commands/approve.js';
import type { Feature } from '../../core/feature.js';
import { AlertRepository } from './repository.js';

declare module '../../core/context.js' {
  interface Services {
    alerts: AlertRepository;
  }
}

export const alerts: Feature = {
  name: 'alerts',
  commands: [alert, approve, reject],
  services: ({ services }) => ({ alerts: new AlertRepository(services.db) }),
  eraser: (services) => (tx, personId) => services.alerts.forget(tx, personId),
};
