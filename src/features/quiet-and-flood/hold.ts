// The Outbox's HoldPolicy, from the target group's quiet hours: a non-urgent post into a quiet group waits until the
// quiet stretch ends. Only new posts are held: edits and deletes of something already posted, and answers to a
// Discord interaction (which expire within minutes), go through.
import type { OutboundMessage } from '../../core/outbound.js';
import type { GroupRepository } from '../../db/groups.js';
import type { HoldPolicy } from '../../queue/outbox.js';
import { nextChange, quietPeriodAt } from './quiet-hours.js';
import { rulesSettings } from './settings.js';

export function isHoldable(message: OutboundMessage): boolean {
  return message.action === 'send' && !message.urgent && !message.interaction;
}

export function quietHoldPolicy(groups: Pick<GroupRepository, 'findRecent'>): HoldPolicy {
  return async (message, now) => {
    if (!isHoldable(message)) return undefined;
    const group = await groups.findRecent(message.target);
    if (!group) return undefined;
    const { quietHours } = rulesSettings(group);
    if (!quietHours || !quietPeriodAt(quietHours, new Date(now))) return undefined;
    return nextChange(quietHours, new Date(now))?.getTime();
  };
}
