// Drops a platform event we have already processed (a webhook retried, an update served twice). A retry of the same
// queue job is not a duplicate: the key remembers which job attempt claimed the event.
import type { Stage } from '../core/composer.js';
import type { Context } from '../core/context.js';

const TTL_SECONDS = 24 * 3600;

export const dedupe: Stage<Context> = {
  name: 'dedupe',
  async run(ctx, next) {
    const { redis, prefix } = ctx.services;
    const claim = String(ctx.state.claim ?? ctx.envelope.id);
    const key = `${prefix}:seen:${ctx.envelope.id}`;
    const fresh = await redis.set(key, claim, 'EX', TTL_SECONDS, 'NX');
    if (fresh === null && (await redis.get(key)) !== claim) {
      ctx.log.debug({ envelope: ctx.envelope.id }, 'duplicate event dropped');
      return;
    }
    await next();
  },
};
