// Member actions on Telegram: restrict (restrictChatMember with no permissions, until a date), unrestrict (every
// permission back, which Telegram reads as "lift the restriction") and remove (banChatMember, then unbanChatMember
// with only_if_banned so the person may join again later). All need the bot to be an administrator with the
// "ban users" right (can_restrict_members); Telegram's refusals become permanent DeliveryErrors naming that right.
import { GrammyError, type Api } from 'grammy';
import type { ChatPermissions } from 'grammy/types';
import { unqualify } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type MemberAction, type OutboundMessage } from '../../src/core/outbound.js';
import { toDeliveryError } from './errors.js';

const PERMISSION_NAMES = [
  'can_send_messages', 'can_send_audios', 'can_send_documents', 'can_send_photos', 'can_send_videos', 'can_send_video_notes',
  'can_send_voice_notes', 'can_send_polls', 'can_send_other_messages', 'can_add_web_page_previews', 'can_change_info',
  'can_invite_users', 'can_pin_messages', 'can_manage_topics',
] as const satisfies readonly (keyof ChatPermissions)[];

const permissions = (value: boolean): ChatPermissions => Object.fromEntries(PERMISSION_NAMES.map((name) => [name, value])) as ChatPermissions;

/**
 * Telegram reads an until_date less than 30 seconds ahead as "forever": a short restriction is stretched to 31 seconds
 * rather than becoming permanent.
 */
const SHORTEST_RESTRICTION_S = 31;

/** What our refusals look like: the bot is not an administrator, or lacks the right to restrict and ban. */
const NO_RIGHTS = /not enough rights|have no rights|CHAT_ADMIN_REQUIRED|RIGHT_FORBIDDEN/i;
/** Removing someone who is no longer there is what we wanted. */
const ALREADY_GONE = /USER_NOT_PARTICIPANT|PARTICIPANT_ID_INVALID|user not found/i;
/** unbanChatMember exists for supergroups only: in a basic group the ban alone removes, and an admin can add them back. */
const SUPERGROUPS_ONLY = /available (only )?for supergroup/i;

function memberId(message: OutboundMessage): number {
  const target = message.member?.userId;
  if (!target) throw new DeliveryError('permanent', `telegram ${message.action}: no member named`);
  const { platform, bare } = unqualify(target);
  if (platform !== 'telegram' || !/^\d+$/.test(bare)) throw new DeliveryError('permanent', `not a Telegram user id: ${target}`);
  return Number(bare);
}

function mapped(err: unknown, method: string): DeliveryError {
  if (err instanceof GrammyError && err.error_code === 400 && NO_RIGHTS.test(err.description)) {
    return new DeliveryError('permanent', `telegram ${method}: ${err.error_code} ${err.description}`, { missingPermission: 'restrict_members' });
  }
  return toDeliveryError(err, method);
}

function isBadRequest(err: unknown, pattern: RegExp): boolean {
  return err instanceof GrammyError && err.error_code === 400 && pattern.test(err.description);
}

export async function memberAction(api: Api, chatId: number, message: OutboundMessage & { action: MemberAction }, now = Date.now()): Promise<DeliveryResult> {
  const userId = memberId(message);
  switch (message.action) {
    case 'restrict': {
      const untilMs = message.member?.untilMs;
      // A restriction that has already ended has nothing left to do (Telegram would read a past date as "forever").
      if (untilMs !== undefined && untilMs <= now) return { messageIds: [] };
      const until = untilMs === undefined ? undefined : Math.max(Math.ceil(untilMs / 1000), Math.floor(now / 1000) + SHORTEST_RESTRICTION_S);
      try {
        await api.restrictChatMember(chatId, userId, permissions(false), { use_independent_chat_permissions: true, ...(until ? { until_date: until } : {}) });
      } catch (err) {
        throw mapped(err, 'restrictChatMember');
      }
      return { messageIds: [] };
    }
    case 'unrestrict': {
      try {
        await api.restrictChatMember(chatId, userId, permissions(true), { use_independent_chat_permissions: true });
      } catch (err) {
        throw mapped(err, 'restrictChatMember');
      }
      return { messageIds: [] };
    }
    case 'remove': {
      try {
        await api.banChatMember(chatId, userId);
      } catch (err) {
        if (isBadRequest(err, ALREADY_GONE)) return { messageIds: [] };
        throw mapped(err, 'banChatMember');
      }
      try {
        await api.unbanChatMember(chatId, userId, { only_if_banned: true });
      } catch (err) {
        if (!isBadRequest(err, SUPERGROUPS_ONLY)) throw mapped(err, 'unbanChatMember');
      }
      return { messageIds: [] };
    }
  }
}
