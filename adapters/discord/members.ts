// Member actions on Discord, on the guild that holds the target channel: restrict is a timeout (PATCH the guild member's
// communication_disabled_until, at most 28 days ahead: Discord has no timeout without an end), unrestrict clears it
// (null), remove kicks (DELETE the guild member; they may join again with an invite). A timeout needs Moderate Members,
// a kick Kick Members, and neither works on the owner, an administrator or someone whose highest role is not below
// the bot's: Discord answers 50013 Missing Permissions to all of these.
import { Routes, type REST } from 'discord.js';
import { unqualify } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type MemberAction, type OutboundMessage } from '../../src/core/outbound.js';
import { CODES, isDiscordCode, toDeliveryError } from './errors.js';

/** Discord refuses a timeout further than 28 days ahead; a minute's margin keeps clock skew from crossing it. */
export const MAX_TIMEOUT_MS = 28 * 24 * 3600_000 - 60_000;
const UNKNOWN_MEMBER = 10007;

export interface MemberActionContext {
  rest: REST;
  /** The guild of a channel (or thread), or undefined when the bot cannot see it. */
  guildOf: (channelId: string) => Promise<string | undefined>;
  now?: () => number;
}

function memberId(message: OutboundMessage): string {
  const target = message.member?.userId;
  if (!target) throw new DeliveryError('permanent', `discord ${message.action}: no member named`);
  const { platform, bare } = unqualify(target);
  if (platform !== 'discord' || !/^\d{5,20}$/.test(bare)) throw new DeliveryError('permanent', `not a Discord user id: ${target}`);
  return bare;
}

export async function memberAction(ctx: MemberActionContext, channelId: string, message: OutboundMessage & { action: MemberAction }): Promise<DeliveryResult> {
  const userId = memberId(message);
  // A private chat (`@<user>`) has no members to act on.
  const guildId = /^\d+$/.test(channelId) ? await ctx.guildOf(channelId) : undefined;
  if (!guildId) throw new DeliveryError('permanent', `discord ${message.action}: channel ${channelId} is in no guild the bot can see`);
  const route = Routes.guildMember(guildId, userId);
  const permission = message.action === 'remove' ? 'KICK_MEMBERS' : 'MODERATE_MEMBERS';
  const now = ctx.now?.() ?? Date.now();
  try {
    if (message.action === 'remove') {
      await ctx.rest.delete(route);
    } else if (message.action === 'unrestrict') {
      await ctx.rest.patch(route, { body: { communication_disabled_until: null } });
    } else {
      const untilMs = message.member?.untilMs;
      // A restriction that has already ended has nothing left to do.
      if (untilMs !== undefined && untilMs <= now) return { messageIds: [] };
      const until = Math.min(untilMs ?? Number.POSITIVE_INFINITY, now + MAX_TIMEOUT_MS);
      await ctx.rest.patch(route, { body: { communication_disabled_until: new Date(until).toISOString() } });
    }
  } catch (error) {
    // Someone no longer in the guild: already removed, and nothing to restrict or lift.
    if (isDiscordCode(error, UNKNOWN_MEMBER)) return { messageIds: [] };
    if (isDiscordCode(error, CODES.unknownGuild)) throw toDeliveryError(error, `discord ${message.action}`);
    throw toDeliveryError(error, `discord ${message.action}`, permission);
  }
  return { messageIds: [] };
}
