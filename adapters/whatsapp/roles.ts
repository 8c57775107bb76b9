// Roles on WhatsApp: group admins (and the group's creator, the "super admin") are admins, everyone else a member.
// Asked live from the session each time; core caches the answers briefly and drops them on hooks.rolesChanged.
import { qualify, unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { InfrastructureError } from '../../src/core/errors.js';
import type { BotRight, Role, RoleLookup } from '../../src/core/roles.js';
import type { WhatsAppClient } from './client.js';

export function whatsappRoles(client: WhatsAppClient, isReady: () => boolean): RoleLookup {
  return {
    async roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role> {
      const chat = unqualify(chatId);
      const user = unqualify(userId);
      if (chat.platform !== 'whatsapp' || user.platform !== 'whatsapp') throw new Error(`not a whatsapp id: ${chatId} ${userId}`);
      // Unknown is not "member": refusing an admin because the session is down would be wrong, so let core decide.
      if (!isReady()) throw new InfrastructureError('whatsapp session not connected');
      const found = await client.getChatById(chat.bare);
      if (!found || !found.isGroup) return 'member';
      const participant = (found.participants ?? []).find((p) => p.id._serialized === user.bare);
      return participant && (participant.isAdmin || participant.isSuperAdmin) ? 'admin' : 'member';
    },
    // The one right Quartier needs on WhatsApp is being a group admin (deleting others' messages, removing people).
    async missingRights(chatId: QualifiedId): Promise<BotRight[] | undefined> {
      const chat = unqualify(chatId);
      const own = client.info?.wid._serialized;
      if (chat.platform !== 'whatsapp' || !own || !isReady()) return undefined;
      const found = await client.getChatById(chat.bare);
      if (!found || !found.isGroup) return undefined;
      const us = (found.participants ?? []).find((p) => p.id._serialized === own);
      return us && (us.isAdmin || us.isSuperAdmin) ? [] : ['group-admin'];
    },
    async rolesIn(chatId: QualifiedId): Promise<Record<QualifiedId, Role>> {
      const chat = unqualify(chatId);
      if (chat.platform !== 'whatsapp') throw new Error(`not a whatsapp id: ${chatId}`);
      if (!isReady()) throw new InfrastructureError('whatsapp session not connected');
      const found = await client.getChatById(chat.bare);
      if (!found || !found.isGroup) return {};
      const roles: Record<QualifiedId, Role> = {};
      for (const p of found.participants ?? []) if (p.isAdmin || p.isSuperAdmin) roles[qualify('whatsapp', p.id._serialized)] = 'admin';
      return roles;
    },
  };
}
