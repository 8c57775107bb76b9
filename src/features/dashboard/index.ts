// The web dashboard: /dashboard gives a moderator a one-time link (privately) to pages where the community, a group's
// settings, the FAQ, help requests, alerts with live receipts and the audit can be read and changed, with the same
// roles and checks as the commands. Served on the public listener under /dashboard.
import { dashboard as dashboardCommand } from '../../../commands/dashboard.js';
import type { Feature } from '../../core/feature.js';
import { activityStage } from './activity.js';
import { DashboardService, type DashboardOptions } from './service.js';

declare module '../../core/context.js' {
  interface Services {
    /** Login links, sessions and the web application of the dashboard. */
    dashboard: DashboardService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** The dashboard: PUBLIC_URL, the session key, login limits (tests scale them down). */
    dashboard?: DashboardOptions;
  }
}

export const dashboard: Feature = {
  name: 'dashboard',
  commands: [dashboardCommand],
  stages: [{ phase: 'before-commands', stage: activityStage }],
  services: ({ services, outbox, clock, log, options }) => ({
    dashboard: new DashboardService({ services, outbox, clock, log, options: options.dashboard ?? {} }),
  }),
  http: (services) => new Map([['/dashboard', services.dashboard.http()]]),
};
