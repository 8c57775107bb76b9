// The "I can help" button under a posted request does what /offer does. Other buttons go on down the pipeline.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { OFFER_BUTTON_PREFIX } from './service.js';

export const helpButtonStage: Stage<Context> = {
  name: 'help-button',
  async run(ctx, next) {
    const data = ctx.envelope.buttonData;
    if (ctx.envelope.kind !== 'button' || !data?.startsWith(OFFER_BUTTON_PREFIX)) return next();
    const help = ctx.services.help;
    const id = Number(data.slice(OFFER_BUTTON_PREFIX.length));
    const request = Number.isInteger(id) ? await help.requests.byId(id) : undefined;
    // A copy left in a group that has since left the community no longer reaches the request.
    if (!request || request.scope !== help.scopeOf(ctx.group)) {
      await ctx.replyEphemeral('request.not_found_button', undefined);
      return;
    }
    await help.offer(ctx, request);
  },
};
