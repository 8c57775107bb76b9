import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { roleAtLeast } from '../src/core/roles.js';
import { parseNumber } from '../src/text/numbers.js';
import { minutesAgo, sendAndConfirm } from '../src/features/alerts/send.js';
import { alertReceipt } from '../src/features/alerts/status.js';

/**
 * A moderator's (or, with `urgent`, an admin's) alert goes to every other group of the community; a member's becomes
 * a proposal for this group's moderators. Re-running the same update after a crash finds the alert it already
 * recorded (by envelope id) and completes its fan-out; the delivery job ids keep that from posting twice.
 */
async function alertFrom(ctx: Context, text: string, urgent: boolean): Promise<void> {
  const { communities, alerts } = ctx.services;
  const community = await communities.communityOf(ctx.group.id);
  if (!community) {
    await ctx.reply(ctx.t('alerts.no_community'));
    return;
  }
  const now = ctx.clock.now();
  const input = { communityId: community.id, sourceGroup: ctx.group.id, authorId: ctx.envelope.sender.id, text, urgent, envelopeId: ctx.envelope.id, now };
  const existing = await alerts.byEnvelope(ctx.envelope.id);

  if (!roleAtLeast(await ctx.role(), 'moderator')) {
    const proposal = existing ?? (await alerts.propose(input));
    await ctx.reply(proposal ? ctx.t('alerts.proposed', { id: proposal.id }) : ctx.t('alerts.proposal_limit'));
    return;
  }
  const outcome = existing ? { kind: 'sent' as const, alert: existing } : await alerts.publish(input);
  if (outcome.kind === 'duplicate') {
    await ctx.reply(ctx.t('alerts.duplicate', { id: outcome.alert.id, minutes: minutesAgo(outcome.alert.sentAt, now) }));
    return;
  }
  await sendAndConfirm(ctx, outcome.alert);
}

export const alert = defineCommand({
  name: 'alert',
  where: 'group',
  role: 'member',
  args: [{ name: 'text', rest: true }],
  async run(ctx, args) {
    await alertFrom(ctx, args.text, false);
  },
  subcommands: [
    defineSubcommand({
      name: 'urgent',
      role: 'admin',
      args: [{ name: 'text', rest: true }],
      async run(ctx, args) {
        await alertFrom(ctx, args.text, true);
      },
    }),
    defineSubcommand({
      name: 'status',
      role: 'member',
      args: [{ name: 'alert_id' }],
      async run(ctx, args) {
        const id = parseNumber(args.alert_id);
        if (id === undefined) return ctx.usage();
        const community = await ctx.services.communities.communityOf(ctx.group.id);
        const found = await ctx.services.alerts.find(id);
        if (!found || !community || found.communityId !== community.id) {
          await ctx.reply(ctx.t('alerts.not_found', { id }));
          return;
        }
        if (found.status !== 'sent') {
          await ctx.reply(ctx.t(found.status === 'proposed' ? 'alerts.status_proposed' : 'alerts.status_rejected', { id }));
          return;
        }
        const receipt = await alertReceipt(found, ctx.services.deliveries, ctx.services.deliveryQueue);
        await ctx.reply(ctx.t('alerts.status', { id, ...receipt, total: found.targets.length }));
        if (receipt.failures.length > 0) {
          const titles = await Promise.all(receipt.failures.map(async (f) => (await ctx.services.groups.find(f.target))?.title ?? f.target));
          await ctx.reply(ctx.t('alerts.status_failed', { groups: titles.join(', ') }));
        }
      },
    }),
  ],
});
