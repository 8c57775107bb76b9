// Member actions on WhatsApp. WhatsApp has no way to keep one member from posting (only "only admins may send" for the
// whole group), so `restrict` is refused as unsupported: the feature that asked deletes that member's messages
// instead, and `unrestrict` has nothing to lift. `remove` takes the person out of the group, which only a group admin
// may do, and never the group's creator; WhatsApp Web does not reliably say why a removal did nothing, so both are
// checked first from the group's participant list.
import type { GroupChat } from 'whatsapp-web.js';
import { unqualify } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type MemberAction, type OutboundMessage } from '../../src/core/outbound.js';
import { call, type SendContext } from './send.js';

const USER_JID = /^[0-9]{5,20}@(c\.us|lid)$/;

function memberJid(message: OutboundMessage): string {
  const target = message.member?.userId;
  if (!target) throw new DeliveryError('permanent', `whatsapp ${message.action}: no member named`);
  let parsed: ReturnType<typeof unqualify>;
  try {
    parsed = unqualify(target);
  } catch {
    throw new DeliveryError('permanent', `not a WhatsApp user id: ${target}`);
  }
  if (parsed.platform !== 'whatsapp' || !USER_JID.test(parsed.bare)) throw new DeliveryError('permanent', `not a WhatsApp user id: ${target}`);
  return parsed.bare;
}

export async function memberAction(ctx: SendContext, chatJid: string, message: OutboundMessage & { action: MemberAction }): Promise<DeliveryResult> {
  const jid = memberJid(message);
  if (message.action === 'restrict') {
    throw new DeliveryError('permanent', 'whatsapp cannot keep one member from posting', { unsupported: true });
  }
  // Nothing was restricted on WhatsApp, so there is nothing to lift.
  if (message.action === 'unrestrict') return { messageIds: [] };

  const chat = await call('getChatById', () => ctx.client.getChatById(chatJid));
  if (!chat) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  if (!chat.isGroup) throw new DeliveryError('permanent', 'whatsapp: only a group has members to remove');
  if (chat.isReadOnly) throw new DeliveryError('permanent', 'not a participant of the whatsapp group', { chatGone: true });
  const group = chat as GroupChat;
  const participants = group.participants ?? [];
  const own = ctx.client.info?.wid._serialized;
  const me = participants.find((p) => p.id._serialized === own);
  if (!me || !(me.isAdmin || me.isSuperAdmin)) {
    throw new DeliveryError('permanent', 'not a whatsapp group admin: cannot remove a member', { missingPermission: 'admin' });
  }
  const target = participants.find((p) => p.id._serialized === jid);
  // Already gone (left, or removed by a retried job): what we wanted.
  if (!target) return { messageIds: [] };
  if (target.isSuperAdmin) throw new DeliveryError('permanent', "whatsapp: the group's creator cannot be removed");
  await call('removeParticipants', () => group.removeParticipants([jid]));
  return { messageIds: [] };
}
