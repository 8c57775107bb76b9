// A member's event is a proposal that a moderator of its group decides with /approve or /reject, as for alerts: this
// is the kind the events feature registers with those commands.
import type { ProposalKind } from '../alerts/proposals.js';
import { scopeOf, type EventService } from './service.js';

export function eventProposals(service: EventService): ProposalKind {
  return {
    name: 'event',
    async pending(id, group) {
      const event = await service.events.find(id);
      return event?.status === 'proposed' && event.originGroup === group.id;
    },
    async decide(ctx, id, approve) {
      const now = ctx.clock.now();
      const proposal = await service.events.find(id);
      // A proposal belongs to the community its group was in: once the group has moved, it is gone.
      if (!proposal || proposal.originGroup !== ctx.group.id || proposal.scope !== scopeOf(ctx.group)) return ctx.replyEphemeral('events.not_found', { id });
      if (approve && proposal.startsAt.getTime() <= now) {
        await ctx.replyEphemeral('events.proposal_past', { id });
        return;
      }
      const decided = await service.events.decide(id, approve, approve ? await service.targetsFor(ctx.group) : [], ctx.envelope.id, new Date(now));
      if (!decided) {
        // Decided already (perhaps by this same update before a crash): a re-run completes the posting.
        if (proposal.decidedEnvelopeId === ctx.envelope.id && proposal.status === 'scheduled') await service.publish(proposal);
        else await ctx.replyEphemeral('events.already_decided', { id });
        return;
      }
      if (!approve) {
        await ctx.reply(ctx.t('events.rejected', { id }));
        return;
      }
      const count = await service.publish(decided);
      await ctx.reply(ctx.t('events.approved', { id, count }));
    },
  };
}
