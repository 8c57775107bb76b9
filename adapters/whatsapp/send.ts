// Performs one delivery on WhatsApp: send, edit or delete. Runs only in the process that holds the session
// (sendsFromGatewayOnly). Never retries or sleeps: every failure becomes a DeliveryError for the delivery layer.
//
// Not supported by WhatsApp Web and therefore ignored: buttons (WhatsApp removed them for non-business accounts),
// threads, interactions, ephemeral replies, avatars (identity becomes a bold name prefix).
import { qualify, unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type OutboundMessage } from '../../src/core/outbound.js';
import type { GroupChat, Message, MessageSendOptions } from 'whatsapp-web.js';
import type { WhatsAppClient } from './client.js';
import { renderParts, type RenderedPart } from './format.js';

export interface SendContext {
  client: WhatsAppClient;
  /** True while the session is logged in and its browser is up. */
  isReady(): boolean;
}

const CHAT_JID = /^[0-9A-Za-z.-]+@(g\.us|c\.us|lid|s\.whatsapp\.net)$/;

function bareWhatsAppId(id: QualifiedId, what: string): string {
  let parsed: ReturnType<typeof unqualify>;
  try {
    parsed = unqualify(id);
  } catch {
    throw new DeliveryError('permanent', `${what} is not a qualified id: ${id}`);
  }
  if (parsed.platform !== 'whatsapp') throw new DeliveryError('permanent', `${what} is not a whatsapp id: ${id}`);
  return parsed.bare;
}

/** Runs one library call; anything it throws (closed browser, page error) is worth retrying later. */
async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeliveryError('transient', `whatsapp ${what} failed: ${reason}`);
  }
}

async function checkChat(ctx: SendContext, chatJid: string): Promise<void> {
  const chat = await call('getChatById', () => ctx.client.getChatById(chatJid));
  // whatsapp-web.js resolves to undefined for a chat this account does not have.
  if (!chat) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  // A group we were removed from (or left) stays in the chat list, read-only.
  if (chat.isGroup && chat.isReadOnly) throw new DeliveryError('permanent', 'not a participant of the whatsapp group', { chatGone: true });
}

function partsOf(message: OutboundMessage): RenderedPart[] {
  const parts = renderParts(message.text, message.format, message.mentions, message.identity?.name);
  if (parts.length === 0) throw new DeliveryError('permanent', 'empty whatsapp message');
  return parts;
}

async function sendPart(ctx: SendContext, chatJid: string, part: RenderedPart, quotedMessageId?: string): Promise<QualifiedId> {
  const options: MessageSendOptions = {};
  if (quotedMessageId) options.quotedMessageId = quotedMessageId;
  if (part.mentions.length > 0) options.mentions = part.mentions;
  const sent: Message | undefined = await call('sendMessage', () => ctx.client.sendMessage(chatJid, part.text, options));
  if (!sent) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  return qualify('whatsapp', sent.id._serialized);
}

async function findOwnMessage(ctx: SendContext, id: QualifiedId): Promise<Message | null> {
  const bare = bareWhatsAppId(id, 'message id');
  return (await call('getMessageById', () => ctx.client.getMessageById(bare))) ?? null;
}

async function sendNew(ctx: SendContext, chatJid: string, message: OutboundMessage): Promise<DeliveryResult> {
  const parts = partsOf(message);
  await checkChat(ctx, chatJid);
  const quoted = message.replyTo ? bareWhatsAppId(message.replyTo, 'replyTo') : undefined;
  const messageIds: QualifiedId[] = [];
  for (const [index, part] of parts.entries()) {
    // Only the first part quotes; the rest follow it.
    messageIds.push(await sendPart(ctx, chatJid, part, index === 0 ? quoted : undefined));
  }
  return { messageIds };
}

/** Edits the earlier parts in place; a longer text adds parts, a shorter one deletes the extra old parts. */
async function edit(ctx: SendContext, chatJid: string, message: OutboundMessage): Promise<DeliveryResult> {
  const earlier = message.editOf ?? [];
  if (earlier.length === 0) throw new DeliveryError('permanent', 'whatsapp edit without editOf');
  const parts = partsOf(message);
  const messageIds: QualifiedId[] = [];
  for (const [index, part] of parts.entries()) {
    const previousId = earlier[index];
    if (!previousId) {
      messageIds.push(await sendPart(ctx, chatJid, part));
      continue;
    }
    const previous = await findOwnMessage(ctx, previousId);
    if (!previous) throw new DeliveryError('permanent', 'whatsapp message to edit not found');
    const options = part.mentions.length > 0 ? { mentions: part.mentions } : {};
    // Message.edit resolves null when the message is not ours or is past WhatsApp's edit window.
    const edited = await call('edit', () => previous.edit(part.text, options));
    if (!edited) throw new DeliveryError('permanent', 'whatsapp message can no longer be edited');
    messageIds.push(previousId);
  }
  for (const extraId of earlier.slice(parts.length)) {
    const extra = await findOwnMessage(ctx, extraId);
    if (extra) await call('delete', () => extra.delete(true));
  }
  return { messageIds };
}

/**
 * Only a group admin may delete someone else's message for everyone. WhatsApp Web does not refuse otherwise: it
 * quietly deletes the message for us only, which would look like success. So the bot's admin status is checked first.
 */
async function checkMayDeleteOthers(ctx: SendContext, chatJid: string): Promise<void> {
  const chat = await call('getChatById', () => ctx.client.getChatById(chatJid));
  if (!chat) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  if (!chat.isGroup) throw new DeliveryError('permanent', "whatsapp cannot delete someone else's message in a private chat");
  const own = ctx.client.info?.wid._serialized;
  const participants = (chat as GroupChat).participants ?? [];
  const me = participants.find((p) => p.id._serialized === own);
  if (!me || !(me.isAdmin || me.isSuperAdmin)) {
    throw new DeliveryError('permanent', "not a whatsapp group admin: cannot delete someone else's message", { missingPermission: 'admin' });
  }
}

/** Deletes for everyone; a message already gone counts as deleted, so a retried job succeeds. */
async function remove(ctx: SendContext, chatJid: string, message: OutboundMessage): Promise<DeliveryResult> {
  let mayDeleteOthers = false;
  for (const id of message.editOf ?? []) {
    const found = await findOwnMessage(ctx, id);
    if (!found) continue;
    if (!found.fromMe && !mayDeleteOthers) {
      await checkMayDeleteOthers(ctx, chatJid);
      mayDeleteOthers = true;
    }
    await call('delete', () => found.delete(true));
  }
  return { messageIds: [] };
}

export async function sendWhatsApp(ctx: SendContext, message: OutboundMessage): Promise<DeliveryResult> {
  const chatJid = bareWhatsAppId(message.target, 'target');
  if (!CHAT_JID.test(chatJid)) throw new DeliveryError('permanent', `not a whatsapp chat id: ${message.target}`);
  if (!ctx.isReady()) throw new DeliveryError('transient', 'whatsapp session not connected');
  switch (message.action) {
    case 'send':
      return sendNew(ctx, chatJid, message);
    case 'edit':
      return edit(ctx, chatJid, message);
    case 'delete':
      return remove(ctx, chatJid, message);
    default:
      throw new DeliveryError('permanent', `unknown action ${String((message as { action: unknown }).action)}`);
  }
}
