// The bot itself added to a group (a join envelope addressed to the bot): it introduces itself once to the admins.
// The marker in Redis holds the id of the join that claimed it, so a redelivery of that join runs again (the outbox
// id makes its message post once) while another report of the same arrival, or a later re-add, stays silent.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { setupMessage } from './message.js';

export function introducedKey(ctx: Context): string {
  return `${ctx.services.prefix}:setup:introduced:${ctx.group.id}`;
}

export const setupStage: Stage<Context> = {
  name: 'setup',
  async run(ctx: Context, next) {
    const { envelope } = ctx;
    if (envelope.kind !== 'join' || !envelope.addressedToBot || envelope.chat.type !== 'group') return next();
    const key = introducedKey(ctx);
    const claimed = await ctx.services.redis.set(key, envelope.id, 'NX');
    if (claimed !== 'OK' && (await ctx.services.redis.get(key)) !== envelope.id) return;
    await ctx.reply(await setupMessage(ctx));
  },
};
