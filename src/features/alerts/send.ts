// What /alert and /approve share once an alert is decided: fan it out and say how many groups it went to.
import type { Context } from '../../core/context.js';
import { translate } from '../../i18n/index.js';
import { fanOut } from './fanout.js';
import type { Alert } from './repository.js';

export async function sendAndConfirm(ctx: Context, alert: Alert): Promise<void> {
  const groups = await ctx.services.communities.groupsOf(alert.communityId);
  const count = await fanOut({
    alert,
    source: { title: ctx.group.title ?? ctx.group.id, platform: ctx.group.platform },
    groups,
    outbox: ctx.outbox,
    translate,
  });
  ctx.log.info({ alert: alert.id, targets: count, urgent: alert.urgent }, 'alert fanned out');
  await ctx.reply(ctx.t('alerts.sent', { id: alert.id, count }));
  await ctx.services.moderationEvents?.emit({ id: `alert:${alert.id}:sent`, groupId: ctx.group.id, kind: 'alert-sent', params: { id: alert.id, count } });
}

/** How long ago, in whole minutes (at least 1), for "already sent N minutes ago". */
export function minutesAgo(then: Date | null, now: number): number {
  return Math.max(1, Math.round((now - (then?.getTime() ?? now)) / 60_000));
}
