// Performs one delivery on WhatsApp: send (text, and files given as `uploads`), edit, delete or a member action
// (members.ts). Runs only in the process that holds the session (sendsFromGatewayOnly). Never retries or sleeps: every
// failure becomes a DeliveryError for the delivery layer; a send that fails part-way names the parts it posted
// (deliveredIds), and the retry skips them (resumeAfter).
//
// Not supported by WhatsApp Web and therefore ignored: buttons (WhatsApp removed them for non-business accounts),
// threads, interactions, ephemeral replies, avatars (identity becomes a bold name prefix).
import { qualify, unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, type DeliveryResult, type OutboundMessage, type Upload } from '../../src/core/outbound.js';
import { oneFilePerMessage, planEdit, planSend, postInOrder, type Post } from '../../src/queue/sending-plan.js';
import wa from 'whatsapp-web.js';
import type { GroupChat, Message, MessageSendOptions } from 'whatsapp-web.js';
import type { WhatsAppClient } from './client.js';
import { renderParts, WHATSAPP_TEXT_LIMIT, type RenderedPart } from './format.js';
import { memberAction } from './members.js';

/**
 * The longest caption we put on a file. WhatsApp does not publish a caption limit for WhatsApp Web; 1,024 characters
 * is the one its Business Platform documents, so a longer text goes as text messages before the file instead.
 */
export const WHATSAPP_CAPTION_LIMIT = 1_024;

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
export async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
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

function partsOf(message: OutboundMessage, limit = WHATSAPP_TEXT_LIMIT): RenderedPart[] {
  const parts = renderParts(message.text, message.format, message.mentions, message.identity?.name, limit);
  if (parts.length === 0) throw new DeliveryError('permanent', 'empty whatsapp message');
  return parts;
}

const STICKER_IMAGES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * How WhatsApp should present a file. whatsapp-web.js turns a png/jpeg/webp image into a WhatsApp sticker itself;
 * other stickers (Telegram's animated .tgs and video .webm ones) cannot become WhatsApp stickers, and go as documents
 * so the file still arrives. Without an option WhatsApp picks the message type from the mime type.
 */
function mediaOptionsOf(upload: Upload): MessageSendOptions {
  const mime = upload.mimeType.split(';')[0]!.trim().toLowerCase();
  const asSticker = upload.kind === 'sticker' && STICKER_IMAGES.has(mime);
  return {
    sendAudioAsVoice: upload.kind === 'voice',
    sendMediaAsDocument: upload.kind === 'document' || upload.kind === 'other' || (upload.kind === 'sticker' && !asSticker),
    sendMediaAsSticker: asSticker,
  };
}

/** WhatsApp shows a caption under photos, videos and documents (anything sent as one); voice notes, audio and stickers have none. */
function takesCaption(upload: Upload): boolean {
  return upload.kind === 'photo' || upload.kind === 'video' || mediaOptionsOf(upload).sendMediaAsDocument === true;
}

/**
 * Everything a send posts, in order (the shared plan, one file a message): the text alone (split if long), or the
 * files with the text as the first one's caption when it fits, or else the text parts first and the files after them
 * without caption.
 */
function postsOf(message: OutboundMessage): Post<RenderedPart, Upload>[] {
  const uploads = message.uploads ?? [];
  if (uploads.length === 0) return partsOf(message).map((text) => ({ text, files: [] }));
  const parts = renderParts(message.text, message.format, message.mentions, message.identity?.name).filter((p) => p.text.trim() !== '');
  return planSend(parts, oneFilePerMessage(uploads), {
    where: 'caption',
    captionOf: (texts, [first]) => {
      const caption = texts.length === 1 ? texts[0]! : undefined;
      return caption && caption.text.length <= WHATSAPP_CAPTION_LIMIT && first && takesCaption(first) ? caption : undefined;
    },
  });
}

async function sendPart(ctx: SendContext, chatJid: string, part: RenderedPart, quotedMessageId?: string): Promise<QualifiedId> {
  const options: MessageSendOptions = {};
  if (quotedMessageId) options.quotedMessageId = quotedMessageId;
  if (part.mentions.length > 0) options.mentions = part.mentions;
  const sent: Message | undefined = await call('sendMessage', () => ctx.client.sendMessage(chatJid, part.text, options));
  if (!sent) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  return qualify('whatsapp', sent.id._serialized);
}

async function sendFile(ctx: SendContext, chatJid: string, upload: Upload, caption?: RenderedPart, quotedMessageId?: string): Promise<QualifiedId> {
  const media = new wa.MessageMedia(upload.mimeType, upload.data.toString('base64'), upload.fileName, upload.data.length);
  const options = mediaOptionsOf(upload);
  if (caption) options.caption = caption.text;
  if (quotedMessageId) options.quotedMessageId = quotedMessageId;
  if (caption && caption.mentions.length > 0) options.mentions = caption.mentions;
  const sent: Message | undefined = await call('sendMessage', () => ctx.client.sendMessage(chatJid, media, options));
  if (!sent) throw new DeliveryError('permanent', 'whatsapp chat not found', { chatGone: true });
  return qualify('whatsapp', sent.id._serialized);
}

async function findOwnMessage(ctx: SendContext, id: QualifiedId): Promise<Message | null> {
  const bare = bareWhatsAppId(id, 'message id');
  return (await call('getMessageById', () => ctx.client.getMessageById(bare))) ?? null;
}

async function sendNew(ctx: SendContext, chatJid: string, message: OutboundMessage): Promise<DeliveryResult> {
  const posts = postsOf(message);
  await checkChat(ctx, chatJid);
  const quoted = message.replyTo ? bareWhatsAppId(message.replyTo, 'replyTo') : undefined;
  return postInOrder(message, posts, {
    post(post, index) {
      // Only the first part quotes; the rest follow it.
      const quote = index === 0 ? quoted : undefined;
      const [upload] = post.files;
      return upload ? sendFile(ctx, chatJid, upload, post.text, quote) : sendPart(ctx, chatJid, post.text!, quote);
    },
    fileOnly: (post) => post.files.length > 0 && !post.text,
    // What is not a DeliveryError yet (a bug) goes up as it is.
    failure: (error) => (error instanceof DeliveryError ? error : undefined),
  });
}

/**
 * Edits the earlier parts in place; a longer text adds parts, a shorter one deletes the extra old parts. A copy that
 * is a file with its caption gets a new caption (Message.edit edits the caption of a media message): the text is then
 * split to the caption limit, so what does not fit the caption follows as new messages.
 */
async function edit(ctx: SendContext, chatJid: string, message: OutboundMessage): Promise<DeliveryResult> {
  const earlier = message.editOf ?? [];
  if (earlier.length === 0) throw new DeliveryError('permanent', 'whatsapp edit without editOf');
  const first = await findOwnMessage(ctx, earlier[0]!);
  if (!first) throw new DeliveryError('permanent', 'whatsapp message to edit not found');
  const parts = partsOf(message, first.hasMedia ? WHATSAPP_CAPTION_LIMIT : WHATSAPP_TEXT_LIMIT);
  const messageIds: QualifiedId[] = [];
  const plan = planEdit(parts, earlier);
  for (const { part, previous: previousId, index } of plan.change) {
    const previous = index === 0 ? first : await findOwnMessage(ctx, previousId);
    if (!previous) throw new DeliveryError('permanent', 'whatsapp message to edit not found');
    const options = part.mentions.length > 0 ? { mentions: part.mentions } : {};
    // Message.edit resolves null when the message is not ours or is past WhatsApp's edit window.
    const edited = await call('edit', () => previous.edit(part.text, options));
    if (!edited) throw new DeliveryError('permanent', 'whatsapp message can no longer be edited');
    messageIds.push(previousId);
  }
  for (const { part } of plan.add) messageIds.push(await sendPart(ctx, chatJid, part));
  for (const extraId of plan.drop) {
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
    case 'restrict':
    case 'unrestrict':
    case 'remove':
      return memberAction(ctx, chatJid, { ...message, action: message.action });
    default:
      throw new DeliveryError('permanent', `unknown action ${String((message as { action: unknown }).action)}`);
  }
}
