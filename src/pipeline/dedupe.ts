// Drops a platform event we have already processed (a webhook retried, an update served twice). The key holds the
// claim of the job that took the event while it is being processed, then `done`:
// - the same claim again is a retry of that job (it failed, or its process died mid-way): processed again;
// - `done` means it went all the way through once: a re-run of its batch after a crash skips it;
// - any other claim is the same event accepted twice: dropped.
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
    // Not awaited: it travels with the next command on the connection. Lost in a crash, the event is processed again,
    // as before this marker existed (replies and relays have fixed ids, so they are not posted twice).
    redis.set(key, 'done', 'EX', TTL_SECONDS).catch((error: unknown) => ctx.log.warn({ err: error }, 'dedupe marker not stored'));
  },
};
