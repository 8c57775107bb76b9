// Questions and answers: /faq, the answer offered when a member asks something the FAQ knows, and "did you mean".
import { faq as faqCommand } from '../../../commands/faq.js';
import type { Feature } from '../../core/feature.js';
import { faqButtonStage } from './button-stage.js';
import type { LearningOptions } from './picks.js';
import { FaqService } from './service.js';
import { faqAutoAnswer } from './stage.js';

declare module '../../core/context.js' {
  interface Services {
    faq: FaqService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    faq?: {
      /** Learning phrasings from "did you mean" picks: how many members must agree (2), and the caps. */
      learning?: Partial<LearningOptions>;
    };
  }
}

export const faq: Feature = {
  name: 'faq',
  commands: [faqCommand],
  stages: [
    { phase: 'after-commands', stage: faqButtonStage },
    { phase: 'after-commands', stage: faqAutoAnswer },
  ],
  services: ({ services, options }) => ({
    faq: new FaqService({ db: services.db, redis: services.redis, prefix: services.prefix, learning: options.faq?.learning }),
  }),
  eraser: (services) => async (tx, personId) =>
    (await services.faq.repository.forgetAuthor(tx, personId)) +
    (await services.faq.unanswered.forget(tx, personId)) +
    (await services.faq.forgetPicks(tx, personId)),
  afterErasure: (services) => () => services.faq.rebuiltAfterErasure(),
};
