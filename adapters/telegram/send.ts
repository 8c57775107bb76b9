// Turns one OutboundMessage into Bot API calls. Formatting goes as `entities`, never `parse_mode`, so nothing a
// user typed is ever read as markup. Long texts are split at 4096 UTF-16 code units. Errors become DeliveryErrors;
// retrying and pacing are the delivery layer's job. Files (uploads) go with the text as their caption when it fits.
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { splitChatMessageId, unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, isMemberAction, type Button, type DeliveryResult, type FormatSpan, type OutboundMessage, type Upload } from '../../src/core/outbound.js';
import { oneFilePerMessage, planEdit, planSend, postInOrder, withDelivered, type Post } from '../../src/queue/sending-plan.js';
import { splitText } from '../../src/text/split.js';
import { capSpans } from '../../src/text/spans.js';
import { toDeliveryError } from './errors.js';
import { postUpload, uploadMethod } from './files.js';
import { memberAction } from './members.js';
import { telegramMessageId } from './normalize.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
/** A caption is shorter than a text: 1024 UTF-16 code units, counted like the text limit. */
export const TELEGRAM_CAPTION_LIMIT = 1024;
const CALLBACK_DATA_MAX_BYTES = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY_TYPE: Record<FormatSpan['type'], MessageEntity['type']> = {
  bold: 'bold',
  italic: 'italic',
  code: 'code',
  pre: 'pre',
  link: 'text_link',
  strike: 'strikethrough',
};

function bareChatId(target: QualifiedId): number {
  const { platform, bare } = unqualify(target);
  if (platform !== 'telegram' || !/^-?\d+$/.test(bare)) throw new DeliveryError('permanent', `not a Telegram chat id: ${target}`);
  return Number(bare);
}

/** `telegram:<chat>/<message>` → its parts. */
export function parseMessageId(id: QualifiedId): { chatId: number; messageId: number } {
  const parts = splitChatMessageId(id);
  if (parts?.platform !== 'telegram' || !/^-?\d+$/.test(parts.chat) || !/^\d+$/.test(parts.message)) {
    throw new DeliveryError('permanent', `not a Telegram message id: ${id}`);
  }
  return { chatId: Number(parts.chat), messageId: Number(parts.message) };
}

/**
 * The text and entities to post: an identity prefix in bold, format spans and real mentions as entities. Spans that
 * fall outside the text or name no valid target are dropped rather than failing the whole message.
 */
export function renderText(message: Pick<OutboundMessage, 'text' | 'format' | 'mentions' | 'identity'>): { text: string; entities: MessageEntity[] } {
  const prefix = message.identity ? `${message.identity.name}: ` : '';
  // A lone surrogate is not valid UTF-8 and Telegram refuses the whole text; U+FFFD keeps every offset in place.
  const text = (prefix + message.text).replace(LONE_SURROGATE, '\uFFFD');
  const shift = prefix.length;
  const entities: MessageEntity[] = [];
  if (prefix) entities.push({ type: 'bold', offset: 0, length: prefix.length - 1 });
  const fits = (offset: number, length: number): boolean =>
    Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length > 0 && offset + length <= message.text.length;
  for (const span of capSpans(message.format ?? [], message.text.length)) {
    if (!fits(span.offset, span.length)) continue;
    const type = ENTITY_TYPE[span.type];
    if (!type) continue;
    if (type === 'text_link') {
      if (!span.url || !/^(https?|tg):\/\/\S+$/.test(span.url)) continue;
      entities.push({ type, offset: span.offset + shift, length: span.length, url: span.url });
    } else {
      entities.push({ type, offset: span.offset + shift, length: span.length } as MessageEntity);
    }
  }
  for (const mention of message.mentions ?? []) {
    if (!fits(mention.offset, mention.length)) continue;
    const { platform, bare } = unqualify(mention.userId);
    if (platform !== 'telegram' || !/^\d+$/.test(bare)) continue;
    const name = message.text.slice(mention.offset, mention.offset + mention.length);
    entities.push({
      type: 'text_mention',
      offset: mention.offset + shift,
      length: mention.length,
      user: { id: Number(bare), is_bot: false, first_name: name },
    });
  }
  entities.sort((a, b) => a.offset - b.offset);
  return { text, entities };
}

/**
 * Short choices (yes/no) sit side by side; anything longer gets a row each, readable on a phone. A button with a
 * start payload is a deep link into the private chat with the bot (`botUsername` names it).
 */
export function buildKeyboard(buttons: Button[] | undefined, botUsername?: string): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  const keys = buttons.map((b): { text: string; callback_data: string } | { text: string; url: string } => {
    if (b.startPayload !== undefined) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(b.startPayload) || !botUsername) {
        throw new DeliveryError('permanent', 'telegram: a start payload needs 1-64 of [A-Za-z0-9_-] and the bot username');
      }
      const label = b.label.replace(LONE_SURROGATE, '\uFFFD').trim() || '•';
      return { text: label, url: `https://t.me/${botUsername}?start=${b.startPayload}` };
    }
    const bytes = Buffer.byteLength(b.data);
    if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
      throw new DeliveryError('permanent', `button data must be 1-${CALLBACK_DATA_MAX_BYTES} bytes, got ${bytes}`);
    }
    const label = b.label.replace(LONE_SURROGATE, '\uFFFD').trim() || '•';
    return { text: label, callback_data: b.data };
  });
  const sideBySide = keys.length <= 3 && keys.every((k) => k.text.length <= 12);
  return { inline_keyboard: sideBySide ? [keys] : keys.map((k) => [k]) };
}

function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

/** Telegram's answer to editMessageText on a photo, document or voice note: its text is a caption. */
function isNoTextToEdit(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /there is no text in the message to edit/i.test(err.description);
}

function isAlreadyDeleted(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message to delete not found/i.test(err.description);
}

/** A piece of text with its entities: a text message, or a file's caption. */
type Rendered = { text: string; entities: MessageEntity[] };

/** `botUsername` is asked only for a message with a deep-link button. */
export async function sendOutbound(api: Api, message: OutboundMessage, botUsername?: () => Promise<string>): Promise<DeliveryResult> {
  const chatId = bareChatId(message.target);
  if (isMemberAction(message.action)) return memberAction(api, chatId, { ...message, action: message.action });
  if (message.action === 'delete') return deleteAll(api, chatId, message.editOf ?? []);
  const username = message.buttons?.some((b) => b.startPayload !== undefined) ? await botUsername?.() : undefined;
  if (message.action === 'edit') return editAll(api, chatId, message, username);
  return postAll(api, chatId, message, username);
}

function textParts(rendered: { text: string; entities: MessageEntity[] }) {
  return splitText(rendered.text, TELEGRAM_TEXT_LIMIT, rendered.entities).filter((p) => p.text.trim() !== '');
}

/**
 * What a send posts (the shared plan, one file a message): the files with the whole text as the first one's caption
 * when it fits a caption; otherwise the text parts, then the files without caption. Text that is only whitespace is
 * no caption at all.
 */
function postsOf(message: OutboundMessage): Post<Rendered, Upload>[] {
  const rendered = renderText(message);
  const texts = textParts(rendered).map((p): Rendered => ({ text: p.text, entities: p.spans }));
  return planSend(texts, oneFilePerMessage(message.uploads ?? []), {
    where: 'caption',
    captionOf: () => {
      const text = rendered.text.trimEnd();
      if (text.length > TELEGRAM_CAPTION_LIMIT || text.trim() === '') return undefined;
      return { text, entities: clipEntities(rendered.entities, text.length) };
    },
  });
}

async function postAll(api: Api, chatId: number, message: OutboundMessage, botUsername?: string): Promise<DeliveryResult> {
  const posts = postsOf(message);
  if (posts.length === 0) throw new DeliveryError('permanent', 'telegram: nothing to send (empty text)');
  const keyboard = buildKeyboard(message.buttons, botUsername);
  const threadId = topicOf(message);
  const replyTo = message.replyTo ? parseMessageId(message.replyTo) : undefined;
  return postInOrder(message, posts, {
    async post(post, i) {
      const common = {
        reply_markup: i === posts.length - 1 ? keyboard : undefined,
        message_thread_id: threadId,
        // Only the first part answers the message; the rest follow it.
        reply_parameters:
          i === 0 && replyTo && replyTo.chatId === chatId ? { message_id: replyTo.messageId, allow_sending_without_reply: true } : undefined,
      };
      const [upload] = post.files;
      const sent = upload
        ? await postUpload(api, chatId, upload, { ...common, caption: post.text?.text, caption_entities: nonEmpty(post.text?.entities) })
        : await api.sendMessage(chatId, post.text!.text, { ...common, entities: nonEmpty(post.text!.entities) });
      return telegramMessageId(chatId, sent.message_id);
    },
    fileOnly: (post) => post.files.length > 0 && !post.text,
    failure: (err, post) => toDeliveryError(err, post.files[0] ? uploadMethod(post.files[0]) : 'sendMessage'),
  });
}

/**
 * Edits the copies that carry text, part by part. A copy that is a file with a caption has no text to edit: its
 * caption takes the rest of the text, cut to fit (a caption cannot be split), and nothing after it is needed.
 */
async function editAll(api: Api, chatId: number, message: OutboundMessage, botUsername?: string): Promise<DeliveryResult> {
  const rendered = renderText(message);
  const parts = textParts(rendered);
  if (parts.length === 0) throw new DeliveryError('permanent', 'telegram: nothing to send (empty text)');
  const previous = (message.editOf ?? []).map(parseMessageId).filter((m) => m.chatId === chatId);
  if (previous.length === 0) throw new DeliveryError('permanent', 'telegram: edit without a message to edit');
  const keyboard = buildKeyboard(message.buttons, botUsername);
  const threadId = topicOf(message);

  const ids: QualifiedId[] = [];
  const skip = message.resumeAfter ?? 0;
  const markupOf = (i: number) => (i === parts.length - 1 ? keyboard : undefined);
  const plan = planEdit(parts, previous);
  let drop = plan.drop;
  let captioned = false;
  for (const { part, previous: old, index: i } of plan.change) {
    if (i < skip) continue; // posted by an earlier attempt of this delivery
    try {
      await api.editMessageText(chatId, old.messageId, part.text, { entities: nonEmpty(part.spans), reply_markup: markupOf(i) });
    } catch (err) {
      if (isNoTextToEdit(err)) {
        const caption = captionFrom(rendered, part.offset);
        try {
          await api.editMessageCaption(chatId, old.messageId, { caption: caption.text, caption_entities: nonEmpty(caption.entities), reply_markup: keyboard });
        } catch (captionErr) {
          if (!isNotModified(captionErr)) throw withDelivered(toDeliveryError(captionErr, 'editMessageCaption'), ids);
        }
        ids.push(telegramMessageId(chatId, old.messageId));
        // The caption took the rest of the text: no later copy is needed.
        drop = previous.slice(i + 1);
        captioned = true;
        break;
      }
      // Editing to the same content (a retried edit) is a success.
      if (!isNotModified(err)) throw withDelivered(toDeliveryError(err, 'editMessageText'), ids);
    }
    ids.push(telegramMessageId(chatId, old.messageId));
  }
  // The new text needs more parts than the old one had: the rest are new messages.
  for (const { part, index: i } of captioned ? [] : plan.add) {
    if (i < skip) continue;
    try {
      const sent = await api.sendMessage(chatId, part.text, { entities: nonEmpty(part.spans), reply_markup: markupOf(i), message_thread_id: threadId });
      ids.push(telegramMessageId(chatId, sent.message_id));
    } catch (err) {
      throw withDelivered(toDeliveryError(err, 'sendMessage'), ids);
    }
  }
  // The new text needs fewer parts than the old one: remove the rest.
  if (drop.length > 0) await deleteAll(api, chatId, drop.map((m) => telegramMessageId(m.chatId, m.messageId)));
  return { messageIds: ids };
}

function topicOf(message: OutboundMessage): number | undefined {
  return message.threadId && /^\d+$/.test(message.threadId) ? Number(message.threadId) : undefined;
}

function nonEmpty(entities: MessageEntity[] | undefined): MessageEntity[] | undefined {
  return entities && entities.length > 0 ? entities : undefined;
}

/** Entities cut to the first `length` code units of their text. */
function clipEntities(entities: MessageEntity[], length: number): MessageEntity[] {
  return entities
    .filter((e) => e.offset < length)
    .map((e) => (e.offset + e.length > length ? { ...e, length: length - e.offset } : e));
}

/** The rendered text from `offset` on, as a caption: cut with an ellipsis when it is longer than a caption may be. */
function captionFrom(rendered: { text: string; entities: MessageEntity[] }, offset: number): { text: string; entities: MessageEntity[] } {
  const rest = rendered.text.slice(offset).trimEnd();
  const entities = rendered.entities
    .filter((e) => e.offset + e.length > offset)
    .map((e) => (e.offset < offset ? { ...e, offset: 0, length: e.offset + e.length - offset } : { ...e, offset: e.offset - offset }));
  if (rest.length <= TELEGRAM_CAPTION_LIMIT) return { text: rest, entities: clipEntities(entities, rest.length) };
  let cut = TELEGRAM_CAPTION_LIMIT - 1;
  // Never cut between the two halves of a surrogate pair (an emoji).
  if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
  const kept = rest.slice(0, cut).trimEnd();
  return { text: `${kept}…`, entities: clipEntities(entities, kept.length) };
}

async function deleteAll(api: Api, chatId: number, ids: QualifiedId[]): Promise<DeliveryResult> {
  for (const id of ids) {
    const { chatId: messageChat, messageId } = parseMessageId(id);
    if (messageChat !== chatId) continue;
    try {
      await api.deleteMessage(chatId, messageId);
    } catch (err) {
      // Already gone (deleted by a moderator, or a retried delete) is what we wanted.
      if (!isAlreadyDeleted(err)) throw toDeliveryError(err, 'deleteMessage');
    }
  }
  return { messageIds: [] };
}
