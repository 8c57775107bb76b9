import { parseNumber } from '../src/text/numbers.js';
import { defineCommand } from '../src/core/command.js';
import { answerEvent, eventInScope } from '../src/features/events/handlers.js';
import type { RsvpAnswer } from '../src/features/events/schema.js';

/**
 * `/rsvp <id> yes|maybe|no`. In a group: any event of its community. In a private chat, which belongs to no
 * community: only an event the person already answered (changing their answer after a reminder).
 */
export const rsvp = defineCommand({
  name: 'rsvp',
  where: 'any',
  role: 'member',
  args: [{ name: 'event_id' }, { name: 'answer', choices: ['yes', 'maybe', 'no'] }],
  async run(ctx, args) {
    const id = parseNumber(args.event_id);
    if (id === undefined) return ctx.usage();
    const answer = args.answer as RsvpAnswer;
    if (ctx.envelope.chat.type === 'private') {
      const event = await ctx.services.events.events.find(id);
      const earlier = event ? await ctx.services.events.events.rsvpOf(id, ctx.envelope.sender.id) : undefined;
      if (!event || !earlier || event.status !== 'scheduled') {
        await ctx.replyEphemeral('events.not_found_private', { id });
        return;
      }
      return answerEvent(ctx, event, answer);
    }
    const event = await eventInScope(ctx, id, { live: true });
    if (event) await answerEvent(ctx, event, answer);
  },
});
