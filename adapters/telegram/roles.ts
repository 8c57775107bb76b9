// Who may do what, asked live of Telegram: creator, or an administrator who may change the group's info, is admin;
// other administrators are moderators; everyone else is a member. No caching here: core caches and invalidates it
// when the adapter reports rolesChanged.
import { GrammyError, type Api } from 'grammy';
import type { ChatMember } from 'grammy/types';
import { unqualify, type QualifiedId } from '../../src/core/envelope.js';
import type { BotRight, Role, RoleLookup } from '../../src/core/roles.js';

export function roleFromMember(member: ChatMember): Role {
  if (member.status === 'creator') return 'admin';
  if (member.status === 'administrator') return member.can_change_info ? 'admin' : 'moderator';
  return 'member';
}

/** What the bot lacks among the rights Quartier uses: deleting messages and restricting members. */
export function missingFromMember(member: ChatMember): BotRight[] {
  if (member.status === 'creator') return [];
  const missing: BotRight[] = [];
  if (member.status !== 'administrator' || !member.can_delete_messages) missing.push('delete-messages');
  if (member.status !== 'administrator' || !member.can_restrict_members) missing.push('restrict-members');
  return missing;
}

/** `botId` names the bot itself (asked of Telegram once), for the rights it holds in a chat. */
export function createTelegramRoles(api: Api, botId: () => Promise<number>): RoleLookup {
  return {
    async missingRights(chatId: QualifiedId): Promise<BotRight[] | undefined> {
      const chat = unqualify(chatId).bare;
      if (!/^-\d+$/.test(chat)) return undefined;
      try {
        return missingFromMember(await api.getChatMember(Number(chat), await botId()));
      } catch (err) {
        if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) return undefined;
        throw err;
      }
    },
    async roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role> {
      const chat = unqualify(chatId).bare;
      const user = unqualify(userId).bare;
      // An anonymous administrator posts as the group itself (normalize makes the group the sender).
      if (chat === user) return 'admin';
      if (!/^-?\d+$/.test(chat) || !/^-?\d+$/.test(user)) return 'member';
      try {
        return roleFromMember(await api.getChatMember(Number(chat), Number(user)));
      } catch (err) {
        // Telegram cannot tell (user unknown, bot not in the chat): grant nothing. Network errors propagate.
        if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) return 'member';
        throw err;
      }
    },
  };
}
