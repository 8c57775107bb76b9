import { defineCommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { parseNumber } from '../src/text/numbers.js';
import { minutesAgo, sendAndConfirm } from '../src/features/alerts/send.js';

/** `/approve <id>` and `/reject <id>`: a moderator of the proposal's group decides (an alert, or another kind). */
async function decide(ctx: Context, rawId: string | undefined, approve: boolean): Promise<void> {
  const id = parseNumber(rawId);
  if (id === undefined) return ctx.usage();
  // A pending alert proposal first; otherwise another feature's pending proposal with that number.
  const alert = await ctx.services.alerts.find(id);
  if (!(alert?.status === 'proposed' && alert.sourceGroup === ctx.group.id)) {
    const other = await ctx.services.proposals.pendingIn(id, ctx.group);
    if (other) return other.decide(ctx, id, approve);
  }
  const now = ctx.clock.now();
  const community = await ctx.services.communities.communityOf(ctx.group.id);
  const outcome = await ctx.services.alerts.decide({
    id,
    sourceGroup: ctx.group.id,
    communityId: community?.id ?? null,
    approve,
    actorId: ctx.envelope.sender.id,
    envelopeId: ctx.envelope.id,
    now,
  });
  switch (outcome.kind) {
    case 'not-found':
      await ctx.reply(ctx.t('alerts.not_found', { id }));
      return;
    case 'already':
      await ctx.reply(ctx.t(outcome.alert.status === 'sent' ? 'alerts.already_sent' : 'alerts.already_rejected', { id }));
      return;
    case 'duplicate':
      await ctx.reply(ctx.t('alerts.duplicate', { id: outcome.original.id, minutes: minutesAgo(outcome.original.sentAt, now) }));
      return;
    case 'other-community':
      await ctx.reply(ctx.t('alerts.proposal_other_community', { id }));
      return;
    case 'expired':
      await ctx.reply(ctx.t('alerts.proposal_expired', { id }));
      return;
    case 'rejected':
      await ctx.reply(ctx.t('alerts.rejected', { id }));
      return;
    case 'sent':
      await sendAndConfirm(ctx, outcome.alert);
  }
}

export const approve = defineCommand({
  name: 'approve',
  where: 'group',
  role: 'moderator',
  args: [{ name: 'alert_id' }],
  async run(ctx, args) {
    await decide(ctx, args.alert_id, true);
  },
});

export const reject = defineCommand({
  name: 'reject',
  where: 'group',
  role: 'moderator',
  args: [{ name: 'alert_id' }],
  async run(ctx, args) {
    await decide(ctx, args.alert_id, false);
  },
});
