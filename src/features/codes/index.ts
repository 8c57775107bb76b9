// Codes that link chats or join communities: given privately to the person who asked, redeemed by `/start <token>`
// deep links, and limited in how many wrong ones a chat or a person may type.
import type { Feature } from '../../core/feature.js';
import { CodeAttempts, type AttemptLimits } from './attempts.js';
import { CodeGrants } from './grants.js';

declare module '../../core/context.js' {
  interface Services {
    /** Codes that link or join, given privately to the person who asked (and through `/start` deep links). */
    codeGrants: CodeGrants;
    /** Wrong codes per chat and per person. */
    codeAttempts: CodeAttempts;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Wrong link and join codes allowed per chat and per person (default 5 in 10 minutes). */
    codeAttempts?: AttemptLimits;
  }
}

export const codes: Feature = {
  name: 'codes',
  services: ({ services, outbox, translate, options }) => ({
    codeGrants: new CodeGrants({
      redis: services.redis,
      prefix: services.prefix,
      outbox,
      groups: services.groups,
      roles: services.roles,
      translate,
      defaultLanguage: services.defaults.language,
    }),
    codeAttempts: new CodeAttempts(services.redis, services.prefix, options.codeAttempts),
  }),
  delivery: (services) => services.codeGrants.delivery,
};
