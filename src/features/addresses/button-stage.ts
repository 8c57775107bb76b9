// The buttons of addresses: "I recommend them too" under a /find result or a new address, and "add whoever helped"
// under a solved request. Their data is only an id; who may do what is checked again at the press. Other buttons go
// on down the pipeline.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { acceptSuggestion, vouchFor } from './actions.js';
import { ADD_BUTTON_PREFIX, VOUCH_BUTTON_PREFIX } from './service.js';

function idAfter(data: string, prefix: string): number | undefined {
  const raw = data.slice(prefix.length);
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

export const addressButtonStage: Stage<Context> = {
  name: 'address-button',
  async run(ctx, next) {
    const data = ctx.envelope.buttonData;
    if (ctx.envelope.kind !== 'button' || !data?.startsWith('addr:')) return next();
    // Buttons belong to group posts: a press that arrives from a private chat has no community to act in.
    if (ctx.envelope.chat.type === 'private') {
      await ctx.replyEphemeral('address.button_gone', undefined);
      return;
    }
    if (data.startsWith(VOUCH_BUTTON_PREFIX)) {
      const id = idAfter(data, VOUCH_BUTTON_PREFIX);
      if (id === undefined) await ctx.replyEphemeral('address.button_gone', undefined);
      else await vouchFor(ctx, id);
      return;
    }
    const id = data.startsWith(ADD_BUTTON_PREFIX) ? idAfter(data, ADD_BUTTON_PREFIX) : undefined;
    if (id === undefined) await ctx.replyEphemeral('address.button_gone', undefined);
    else await acceptSuggestion(ctx, id);
  },
};
