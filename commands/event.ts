import { parseNumber } from '../src/text/numbers.js';
import { defineCommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { roleAtLeast } from '../src/core/roles.js';
import { eventInScope, mayChange, readEventText, readStart, showEvent } from '../src/features/events/handlers.js';

/**
 * `/event <title> | <when> [| <place>]` posts an event here and across the community (a member's is a proposal for
 * this group's moderators); `/event <id>` shows one with who is going. A re-run of the same update finds the event it
 * already stored, and the copies' deterministic ids keep it from posting twice.
 */
async function post(ctx: Context, text: string): Promise<void> {
  const input = readEventText(text);
  if (!input) return ctx.usage();
  const service = ctx.services.events;
  const existing = await service.events.byEnvelope(ctx.envelope.id);
  const startsAt = existing?.startsAt ?? (await readStart(ctx, input.when));
  if (!startsAt) return;
  const moderator = roleAtLeast(await ctx.role(), 'moderator');
  const event = existing ?? (await service.create(ctx, { title: input.title, place: input.place, startsAt }, moderator ? 'scheduled' : 'proposed'));
  if (!event) {
    await ctx.replyEphemeral('events.proposal_limit');
    return;
  }
  if (event.status === 'proposed') {
    await ctx.reply(ctx.t('events.proposed', { id: event.id }));
    return;
  }
  const count = await service.publish(event, ctx);
  if (count > 1) await ctx.reply(ctx.t('events.posted_elsewhere', { id: event.id, count: count - 1 }));
  else if (ctx.envelope.interaction) await ctx.replyEphemeral('events.posted', { id: event.id });
}

export const event = defineCommand({
  name: 'event',
  where: 'group',
  role: 'member',
  args: [{ name: 'event', rest: true }],
  async run(ctx, args) {
    const id = parseNumber(args.event);
    if (id === undefined) return post(ctx, args.event);
    const found = await eventInScope(ctx, id);
    if (found) await showEvent(ctx, found);
  },
  subcommands: [
    {
      name: 'cancel',
      role: 'member',
      args: [{ name: 'event_id' }],
      async run(ctx, args) {
        const id = parseNumber(args.event_id);
        if (id === undefined) return ctx.usage();
        const found = await eventInScope(ctx, id, { live: true });
        if (!found) return;
        if (!(await mayChange(ctx, found))) {
          await ctx.replyEphemeral('events.not_yours', { id });
          return;
        }
        const cancelled = await ctx.services.events.cancel(found);
        await ctx.reply(ctx.t(cancelled ? 'events.cancelled' : 'events.not_found', { id }));
      },
    },
    {
      name: 'edit',
      role: 'member',
      args: [{ name: 'event_id' }, { name: 'event', rest: true }],
      async run(ctx, args) {
        const id = parseNumber(args.event_id);
        const input = readEventText(args.event);
        if (id === undefined || !input) return ctx.usage();
        const found = await eventInScope(ctx, id, { live: true });
        if (!found) return;
        if (!(await mayChange(ctx, found))) {
          await ctx.replyEphemeral('events.not_yours', { id });
          return;
        }
        const startsAt = await readStart(ctx, input.when);
        if (!startsAt) return;
        const edited = await ctx.services.events.edit(found, { title: input.title, place: input.place, startsAt });
        await ctx.reply(ctx.t(edited ? 'events.edited' : 'events.not_found', { id }));
      },
    },
  ],
});
