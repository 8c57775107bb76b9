// Welcome: newcomers greeted once per burst, in their language where the platform tells it, with the rules, FAQ
// topics and how to ask for help; greetings removed after a while. Verification (/verify on): a newcomer is
// restricted until they press the button (WhatsApp: answer the word), or removed when the window ends.
import { verify } from '../../../commands/verify.js';
import { welcome as welcomeCommand } from '../../../commands/welcome.js';
import type { Feature } from '../../core/feature.js';
import { FEATURE, WelcomeService, type WelcomeOptions } from './service.js';
import { welcomeStage } from './stage.js';

declare module '../../core/context.js' {
  interface Services {
    /** Welcome and verification: joins, the greeting sweep, pending verifications. */
    welcome: WelcomeService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Welcome: burst window, verification window, greeting lifetime, sweep interval (defaults in service.ts). */
    welcome?: Partial<WelcomeOptions>;
  }
}

export const welcome: Feature = {
  name: FEATURE,
  commands: [welcomeCommand, verify],
  stages: [{ phase: 'before-commands', stage: welcomeStage }],
  services: ({ services, outbox, translate, clock, log, options }) => ({
    welcome: new WelcomeService({ services, outbox, translate, clock, log, options: options.welcome }),
  }),
  delivery: (services) => services.welcome.delivery,
  scheduled: (services) => services.welcome.startSweeping(),
};
