// Turns one OutboundMessage into Bot API calls. Formatting goes as `entities`, never `parse_mode`, so nothing a
// user typed is ever read as markup. Long texts are split at 4096 UTF-16 code units. Errors become DeliveryErrors;
// retrying and pacing are the delivery layer's job. Files (uploads) go with the text as their caption when it fits.
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, isMemberAction, type Button, type DeliveryResult, type FormatSpan, type OutboundMessage, type Upload } from '../../src/core/outbound.js';
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
  const { platform, bare } = unqualify(id);
  const match = /^(-?\d+)\/(\d+)$/.exec(bare);
  if (platform !== 'telegram' || !match) throw new DeliveryError('permanent', `not a Telegram message id: ${id}`);
  return { chatId: Number(match[1]), messageId: Number(match[2]) };
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

/** One message of a send, in posting order: a piece of text, or a file with or without the text as its caption. */
type Part =
  | { type: 'text'; text: string; entities: MessageEntity[] }
  | { type: 'file'; upload: Upload; caption?: { text: string; entities: MessageEntity[] } };

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
 * What a send posts: the files with the text as the first one's caption when it fits; otherwise the text parts, then
 * the files without caption. Text that is only whitespace is no caption at all.
 */
function partsOf(message: OutboundMessage): Part[] {
  const rendered = renderText(message);
  const uploads = message.uploads ?? [];
  const text = rendered.text.trimEnd();
  if (uploads.length > 0 && text.length <= TELEGRAM_CAPTION_LIMIT) {
    const caption = text.trim() !== '' ? { text, entities: clipEntities(rendered.entities, text.length) } : undefined;
    return uploads.map((upload, i): Part => (i === 0 && caption ? { type: 'file', upload, caption } : { type: 'file', upload }));
  }
  const texts = textParts(rendered).map((p): Part => ({ type: 'text', text: p.text, entities: p.spans }));
  return [...texts, ...uploads.map((upload): Part => ({ type: 'file', upload }))];
}

async function postAll(api: Api, chatId: number, message: OutboundMessage, botUsername?: string): Promise<DeliveryResult> {
  const parts = partsOf(message);
  if (parts.length === 0) throw new DeliveryError('permanent', 'telegram: nothing to send (empty text)');
  const keyboard = buildKeyboard(message.buttons, botUsername);
  const threadId = topicOf(message);
  const replyTo = message.replyTo ? parseMessageId(message.replyTo) : undefined;

  const ids: QualifiedId[] = [];
  const fileOnlyIds: QualifiedId[] = [];
  const skip = message.resumeAfter ?? 0;
  for (const [i, part] of parts.entries()) {
    if (i < skip) continue; // posted by an earlier attempt of this delivery
    const common = {
      reply_markup: i === parts.length - 1 ? keyboard : undefined,
      message_thread_id: threadId,
      // Only the first part answers the message; the rest follow it.
      reply_parameters:
        i === 0 && replyTo && replyTo.chatId === chatId ? { message_id: replyTo.messageId, allow_sending_without_reply: true } : undefined,
    };
    let sentId: number;
    try {
      if (part.type === 'text') {
        sentId = (await api.sendMessage(chatId, part.text, { ...common, entities: nonEmpty(part.entities) })).message_id;
      } else {
        const options = { ...common, caption: part.caption?.text, caption_entities: nonEmpty(part.caption?.entities) };
        sentId = (await postUpload(api, chatId, part.upload, options)).message_id;
      }
    } catch (err) {
      throw withDelivered(toDeliveryError(err, part.type === 'text' ? 'sendMessage' : uploadMethod(part.upload)), ids, fileOnlyIds);
    }
    const id = telegramMessageId(chatId, sentId);
    ids.push(id);
    if (part.type === 'file' && !part.caption) fileOnlyIds.push(id);
    // The rest waits for the chat's next turn (partLimit): the delivery worker calls again with resumeAfter.
    if (message.partLimit && ids.length >= message.partLimit && i < parts.length - 1) {
      return { messageIds: ids, ...(fileOnlyIds.length > 0 ? { fileOnlyIds } : {}), more: true };
    }
  }
  return fileOnlyIds.length > 0 ? { messageIds: ids, fileOnlyIds } : { messageIds: ids };
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
  let used = parts.length;
  for (const [i, part] of parts.entries()) {
    if (i < skip) continue; // posted by an earlier attempt of this delivery
    const markup = i === parts.length - 1 ? keyboard : undefined;
    const old = previous[i];
    if (!old) {
      // The new text needs more parts than the old one had: the rest are new messages.
      try {
        const sent = await api.sendMessage(chatId, part.text, { entities: nonEmpty(part.spans), reply_markup: markup, message_thread_id: threadId });
        ids.push(telegramMessageId(chatId, sent.message_id));
      } catch (err) {
        throw withDelivered(toDeliveryError(err, 'sendMessage'), ids);
      }
      continue;
    }
    try {
      await api.editMessageText(chatId, old.messageId, part.text, { entities: nonEmpty(part.spans), reply_markup: markup });
    } catch (err) {
      if (isNoTextToEdit(err)) {
        const caption = captionFrom(rendered, part.offset);
        try {
          await api.editMessageCaption(chatId, old.messageId, { caption: caption.text, caption_entities: nonEmpty(caption.entities), reply_markup: keyboard });
        } catch (captionErr) {
          if (!isNotModified(captionErr)) throw withDelivered(toDeliveryError(captionErr, 'editMessageCaption'), ids);
        }
        ids.push(telegramMessageId(chatId, old.messageId));
        used = i + 1;
        break;
      }
      // Editing to the same content (a retried edit) is a success.
      if (!isNotModified(err)) throw withDelivered(toDeliveryError(err, 'editMessageText'), ids);
    }
    ids.push(telegramMessageId(chatId, old.messageId));
  }
  // The new text needs fewer parts than the old one: remove the rest.
  if (previous.length > used) {
    await deleteAll(api, chatId, previous.slice(used).map((m) => telegramMessageId(m.chatId, m.messageId)));
  }
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

/** Names the parts already posted when a later one fails, so the retry (resumeAfter) does not post them twice. */
function withDelivered(error: DeliveryError, ids: QualifiedId[], fileOnlyIds: QualifiedId[] = []): DeliveryError {
  return ids.length > 0 ? new DeliveryError(error.kind, error.message, { ...error.details, deliveredIds: [...ids], deliveredFileOnlyIds: [...fileOnlyIds] }) : error;
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
