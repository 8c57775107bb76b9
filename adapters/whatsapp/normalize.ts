// Turns the plain data of whatsapp-web.js events into Envelopes. Pure: no I/O, the bot's own ids are passed in.
import { createHash } from 'node:crypto';
import { qualify, type Attachment, type ChatRef, type Envelope, type Mention, type QualifiedId } from '../../src/core/envelope.js';
import { jidOf, type WaGroupNotificationData, type WaMessageData, type WhatsAppRawEvent } from './raw.js';

export interface NormalizeContext {
  /** Our own account ids, bare: `…@c.us`, plus `…@lid` when known (groups may name us either way). */
  botIds: readonly string[];
}

const MEDIA_KINDS: Record<string, Attachment['kind']> = {
  image: 'photo',
  video: 'video',
  audio: 'audio',
  ptt: 'voice',
  document: 'document',
  sticker: 'sticker',
};

/** Message types that carry something a person wrote or sent; system notices, reactions, calls etc. are skipped. */
function isContentType(type: string): boolean {
  return type === 'chat' || type in MEDIA_KINDS;
}

function userPart(jid: string): string {
  const at = jid.indexOf('@');
  return at < 0 ? jid : jid.slice(0, at);
}

/** Groups and one-to-one chats only: status updates, channels and broadcast lists are not for Quartier. */
function chatRef(chatJid: string | undefined): ChatRef | null {
  if (!chatJid) return null;
  if (chatJid.endsWith('@g.us')) return { id: qualify('whatsapp', chatJid), type: 'group' };
  if (chatJid.endsWith('@c.us') || chatJid.endsWith('@lid') || chatJid.endsWith('@s.whatsapp.net')) {
    return { id: qualify('whatsapp', chatJid), type: 'private' };
  }
  return null;
}

/** WhatsApp users type `!help` as often as `/help`; everything downstream expects `/name`. */
export function rewriteBangCommand(text: string): string {
  return text.replace(/^!([A-Za-z0-9_]+)(?=\s|$)/, '/$1');
}

function chatJidOf(data: WaMessageData): string | undefined {
  return data.id.fromMe ? jidOf(data.to) : jidOf(data.from) ?? jidOf(data.id.remote);
}

function senderJidOf(data: WaMessageData, chat: ChatRef): string | undefined {
  if (chat.type === 'group') return jidOf(data.author) ?? jidOf(data.id.participant);
  return jidOf(data.from);
}

/** Media messages carry a base64 thumbnail in `body`; the text is the caption. */
function textOf(data: WaMessageData): string {
  if (data.type in MEDIA_KINDS) return data.caption ?? '';
  return data.body ?? '';
}

function mentionsOf(data: WaMessageData, text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const raw of data.mentionedJidList ?? []) {
    const jid = jidOf(raw);
    if (!jid) continue;
    // WhatsApp writes a mention as `@<user part>` in the text; where it is found, its position is known.
    const token = `@${userPart(jid)}`;
    const offset = text.indexOf(token);
    mentions.push(
      offset >= 0
        ? { kind: 'user', id: qualify('whatsapp', jid), offset, length: token.length }
        : { kind: 'user', id: qualify('whatsapp', jid) },
    );
  }
  return mentions;
}

function attachmentsOf(data: WaMessageData, serializedId: string): Attachment[] {
  const kind = MEDIA_KINDS[data.type];
  if (!kind) return [];
  const attachment: Attachment = { kind, fileRef: serializedId };
  if (data.filename) attachment.fileName = data.filename;
  if (data.mimetype) attachment.mimeType = data.mimetype;
  if (typeof data.size === 'number') attachment.size = data.size;
  return [attachment];
}

/**
 * The serialised id of the quoted message, rebuilt the way WhatsApp Web serialises message keys:
 * `<fromMe>_<chat>_<id>`, plus `_<author>` for someone else's message in a group.
 */
function replyToOf(
  data: WaMessageData,
  chatJid: string,
  chat: ChatRef,
  ctx: NormalizeContext,
): Envelope['replyTo'] | undefined {
  if (!data.quotedStanzaID) return undefined;
  const author = jidOf(data.quotedParticipant);
  const fromMe = author !== undefined && ctx.botIds.includes(author);
  let serialized = `${fromMe}_${chatJid}_${data.quotedStanzaID}`;
  if (chat.type === 'group' && author && !fromMe) serialized += `_${author}`;
  const replyTo: NonNullable<Envelope['replyTo']> = { messageId: qualify('whatsapp', serialized) };
  if (author) replyTo.senderId = qualify('whatsapp', author);
  if (data.quotedMsg?.body && data.quotedMsg.type === 'chat') replyTo.text = data.quotedMsg.body.slice(0, 1000);
  return replyTo;
}

/** Media bodies are base64 thumbnails: not worth carrying into Redis with every envelope. */
function leanData(data: WaMessageData): WaMessageData {
  if (!(data.type in MEDIA_KINDS) || data.body === undefined) return data;
  const copy = { ...data };
  delete copy.body;
  return copy;
}

interface Base {
  envelope: Omit<Envelope, 'id' | 'kind' | 'raw'>;
  chatJid: string;
}

/** The fields every message-based envelope shares; null for our own messages and for chats Quartier ignores. */
function messageBase(data: WaMessageData, text: string, ctx: NormalizeContext): Base | null {
  if (data.id.fromMe) return null;
  const chatJid = chatJidOf(data);
  const chat = chatRef(chatJid);
  if (!chat || !chatJid) return null;
  const senderJid = senderJidOf(data, chat);
  if (!senderJid || ctx.botIds.includes(senderJid)) return null;

  const mentions = mentionsOf(data, text);
  const replyTo = replyToOf(data, chatJid, chat, ctx);
  const mentionsUs = mentions.some((m) => m.id !== undefined && ctx.botIds.some((b) => qualify('whatsapp', b) === m.id));
  const repliesToUs = replyTo?.senderId !== undefined && ctx.botIds.some((b) => qualify('whatsapp', b) === replyTo.senderId);

  const envelope: Base['envelope'] = {
    platform: 'whatsapp',
    chat,
    sender: { id: qualify('whatsapp', senderJid), name: data.notifyName || userPart(senderJid) },
    messageId: qualify('whatsapp', data.id._serialized),
    text: rewriteBangCommand(text),
    mentions,
    attachments: attachmentsOf(data, data.id._serialized),
    addressedToBot: chat.type === 'private' || mentionsUs || repliesToUs,
    sentAt: data.t * 1000,
  };
  if (replyTo) envelope.replyTo = replyTo;
  if (data.isForwarded) envelope.forwarded = true;
  // WhatsApp shows "forwarded many times" from a forwarding score of 5.
  if (data.isForwarded && typeof data.forwardingScore === 'number' && data.forwardingScore >= 5) envelope.forward = { manyTimes: true };
  return { envelope, chatJid };
}

/** A new message ('message' event). Our own messages (fromMe) and non-content types give null. */
export function normalizeMessage(data: WaMessageData, ctx: NormalizeContext): Envelope | null {
  if (!isContentType(data.type)) return null;
  const base = messageBase(data, textOf(data), ctx);
  if (!base) return null;
  const raw: WhatsAppRawEvent = { event: 'message', data: leanData(data) };
  return { ...base.envelope, id: qualify('whatsapp', data.id._serialized), kind: 'message', raw };
}

/** An edited message ('message_edit' event): the envelope carries the new text. */
export function normalizeEdit(data: WaMessageData, newBody: string, prevBody: string, ctx: NormalizeContext): Envelope | null {
  if (data.type === 'revoked') return null;
  const base = messageBase(data, newBody, ctx);
  if (!base) return null;
  // Several edits of one message are several events: tell them apart by the edit time, or by the new text.
  const version = data.latestEditSenderTimestampMs ?? createHash('sha256').update(newBody).digest('hex').slice(0, 16);
  const raw: WhatsAppRawEvent = { event: 'message_edit', data: leanData(data), newBody, prevBody };
  return {
    ...base.envelope,
    id: `whatsapp:edit:${data.id._serialized}:${version}`,
    kind: 'edit',
    sentAt: data.latestEditSenderTimestampMs ?? base.envelope.sentAt,
    raw,
  };
}

/** A message deleted for everyone ('message_revoke_everyone'): `revoked` is the message before deletion, if known. */
export function normalizeRevoke(data: WaMessageData, revoked: WaMessageData | undefined, ctx: NormalizeContext): Envelope | null {
  if (data.id.fromMe || revoked?.id.fromMe) return null;
  const base = messageBase(data, '', ctx);
  if (!base) return null;
  // whatsapp-web.js points the revoked message's id at the original through protocolMessageKey when it can.
  const originalId = revoked?.id._serialized ?? data.protocolMessageKey?._serialized ?? data.id._serialized;
  const raw: WhatsAppRawEvent = { event: 'message_revoke_everyone', data, ...(revoked ? { revoked: leanData(revoked) } : {}) };
  return {
    ...base.envelope,
    id: `whatsapp:delete:${originalId}`,
    kind: 'delete',
    messageId: qualify('whatsapp', originalId),
    text: '',
    mentions: [],
    attachments: [],
    raw,
  };
}

export type GroupEventName = 'group_join' | 'group_leave' | 'group_admin_changed';

export interface GroupEventResult {
  /** One join/leave envelope per affected person; our own join is addressed to the bot, our own leave is chatGone. */
  envelopes: Envelope[];
  /** The group (null when the notification is not about a group). */
  chatId: QualifiedId | null;
  /** Users whose rights in the chat may have changed (for hooks.rolesChanged). */
  rolesChanged: QualifiedId[];
  /** Set when we ourselves were removed from or left the group. */
  chatGone?: string;
}

const JOIN_TYPES = new Set(['add', 'invite', 'linked_group_join']);
const LEAVE_TYPES = new Set(['remove', 'leave']);

/** group_join, group_leave and group_admin_changed notifications. */
export function normalizeGroupEvent(
  event: GroupEventName,
  n: WaGroupNotificationData,
  ctx: NormalizeContext,
): GroupEventResult {
  const chat = chatRef(n.chatId);
  const result: GroupEventResult = { envelopes: [], chatId: chat?.type === 'group' ? chat.id : null, rolesChanged: [] };
  if (!chat || chat.type !== 'group') return result;

  for (const recipientJid of n.recipientIds) {
    const recipient = jidOf(recipientJid);
    if (!recipient) continue;
    const isUs = ctx.botIds.includes(recipient);
    result.rolesChanged.push(qualify('whatsapp', recipient));
    if (event === 'group_admin_changed') continue;

    const kind = JOIN_TYPES.has(n.type) ? 'join' : LEAVE_TYPES.has(n.type) ? 'leave' : undefined;
    if (!kind) continue;
    if (isUs && kind === 'leave') {
      result.chatGone = n.type === 'remove' ? 'removed from the group' : 'left the group';
      continue;
    }
    // We ourselves added: a join addressed to the bot (the setup's cue, never a greeting).
    const raw: WhatsAppRawEvent = { event, data: n };
    result.envelopes.push({
      id: `whatsapp:${kind}:${n.id._serialized}:${recipient}`,
      platform: 'whatsapp',
      kind,
      chat,
      sender: { id: qualify('whatsapp', recipient), name: userPart(recipient), ...(isUs ? { isBot: true } : {}) },
      text: '',
      mentions: [],
      attachments: [],
      addressedToBot: isUs,
      sentAt: n.timestamp * 1000,
      raw,
    });
  }
  return result;
}
