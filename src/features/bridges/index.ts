// Bridges: chats on different platforms linked so that what is said in one appears in the others, with replies,
// edits, deletes and files (/bridge). Its delivery handlers resolve which copy a relay edits and record the copies.
import { bridge } from '../../../commands/bridge.js';
import type { Feature } from '../../core/feature.js';
import { BridgeService, type BridgeOptions } from './service.js';
import { bridgeStage } from './stage.js';

declare module '../../core/context.js' {
  interface Services {
    bridge: BridgeService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Bridges: message-map retention, join/leave notices, failure notice threshold (defaults in service.ts). */
    bridge?: Partial<BridgeOptions>;
  }
}

export const bridges: Feature = {
  name: 'bridges',
  commands: [bridge],
  stages: [{ phase: 'after-commands', stage: bridgeStage }],
  services: ({ services, outbox, clock, translate, options }) => ({
    bridge: new BridgeService({
      db: services.db,
      redis: services.redis,
      prefix: services.prefix,
      clock,
      outbox,
      groups: services.groups,
      translate,
      defaults: services.defaults,
      options: options.bridge,
    }),
  }),
  delivery: (services) => services.bridge.delivery,
  eraser: (services) => (tx, personId, subject) => services.bridge.repo.forget(tx, personId, subject),
};
