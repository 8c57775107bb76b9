// Loads (or creates, the first time we hear from it) the group the envelope came from.
import type { Stage } from '../core/composer.js';
import type { Context } from '../core/context.js';

export const loadGroup: Stage<Context> = {
  name: 'load-group',
  async run(ctx, next) {
    const { chat, platform } = ctx.envelope;
    ctx.group = await ctx.services.groups.ensure(chat.id, platform, chat.title, ctx.services.defaults);
    await next();
  },
};
