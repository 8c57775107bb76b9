// The Going / Maybe / Can't buttons under a copy do what /rsvp does. Button data comes from the client and may be
// forged: it is taken only in the exact form the bot writes, for a live event of this group's scope that has a copy
// in this very chat, so a forged press can do no more than pressing a real button there. Other buttons go on.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { answerEvent } from './handlers.js';
import { BUTTON_PREFIX, readButton } from './render.js';
import { scopeOf } from './service.js';

export const eventButtonStage: Stage<Context> = {
  name: 'event-button',
  async run(ctx, next) {
    const data = ctx.envelope.buttonData;
    if (ctx.envelope.kind !== 'button' || !data?.startsWith(BUTTON_PREFIX)) return next();
    const press = readButton(data);
    const event = press && ctx.envelope.chat.type === 'group' ? await ctx.services.events.events.find(press.eventId) : undefined;
    const valid = event && event.status === 'scheduled' && event.scope === scopeOf(ctx.group) && event.targets.includes(ctx.group.id);
    if (!press || !valid) {
      ctx.log.info({ chat: ctx.group.id }, 'event button refused');
      // Only an interaction (Discord) can be answered without posting in the group.
      if (ctx.envelope.interaction) await ctx.replyEphemeral('events.not_found_button');
      return;
    }
    // The copy itself shows the answer; an interaction also gets a private word.
    await answerEvent(ctx, event, press.answer, !ctx.envelope.interaction);
  },
};
