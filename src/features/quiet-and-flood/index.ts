// Quiet hours (non-urgent traffic held for a morning digest, members' posts deleted or reminded) and flood limits,
// set with /quiet and /flood. Its stage runs before the commands: a quiet or flooding member's message stops there.
import { flood } from '../../../commands/flood.js';
import { quiet } from '../../../commands/quiet.js';
import type { Queue } from 'bullmq';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { GroupRules } from './service.js';
import { groupRulesStage } from './stage.js';

/** Mutes a flooding member, when the flood limit says so; given by the feature that mutes (moderation). */
export interface FloodMuter {
  muteFlooder(ctx: Context, durationMs: number): Promise<void>;
}

declare module '../../core/context.js' {
  interface Services {
    rules: GroupRules;
    /** Absent when no feature mutes: the flood limit then reminds. */
    floodMuter?: FloodMuter;
  }
}

export const quietAndFlood: Feature = {
  name: 'quiet-and-flood',
  commands: [quiet, flood],
  stages: [{ phase: 'before-commands', stage: groupRulesStage }],
  services: ({ services, outbox, clock, log, translate }) => {
    const rules = new GroupRules({ redis: services.redis, prefix: services.prefix, clock, log, groups: services.groups, translate, defaultLanguage: services.defaults.language });
    rules.useOutbox(outbox);
    return { rules };
  },
  hold: (services) => ({ policy: services.rules.hold, store: services.rules.held }),
  delivery: (services) => services.rules.delivery,
  scheduled: (services) => services.rules.startWorker(),
  queues: (services) => [services.rules.held.queue as Queue],
  close: (services) => services.rules.close(),
};
