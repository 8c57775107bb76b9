// Turns one OutboundMessage into Bot API calls. Formatting goes as `entities`, never `parse_mode`, so nothing a
// user typed is ever read as markup. Long texts are split at 4096 UTF-16 code units. Errors become DeliveryErrors;
// retrying and pacing are the delivery layer's job.
import { GrammyError, HttpError, type Api } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { unqualify, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, type Button, type DeliveryResult, type FormatSpan, type OutboundMessage } from '../../src/core/outbound.js';
import { splitText } from '../../src/text/split.js';
import { telegramMessageId } from './normalize.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
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
  for (const span of message.format ?? []) {
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

/** Short choices (yes/no) sit side by side; anything longer gets a row each, readable on a phone. */
export function buildKeyboard(buttons: Button[] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  const keys = buttons.map((b) => {
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

/** Maps a grammY error to what the delivery layer acts on. */
export function toDeliveryError(err: unknown, method: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const what = `telegram ${method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 429) {
      return new DeliveryError('rate-limited', what, { retryAfterMs: (err.parameters.retry_after ?? 1) * 1000 });
    }
    // 403: kicked from the group, blocked by the user, no longer a member.
    if (err.error_code === 403) return new DeliveryError('permanent', what, { chatGone: true });
    if (err.error_code === 400) {
      // A group upgraded to a supergroup has a new id (parameters.migrate_to_chat_id); the old one is gone.
      if (/chat not found|PEER_ID_INVALID|upgraded to a supergroup/i.test(err.description) || err.parameters.migrate_to_chat_id) {
        return new DeliveryError('permanent', what, { chatGone: true });
      }
      // Without the "delete messages" right, Telegram refuses to delete others' messages with this wording.
      if (method === 'deleteMessage' && /message can't be deleted/i.test(err.description)) {
        return new DeliveryError('permanent', what, { missingPermission: 'delete_messages' });
      }
      if (/not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i.test(err.description)) {
        return new DeliveryError('permanent', what, { missingPermission: 'send_messages' });
      }
      return new DeliveryError('permanent', what);
    }
    // 401 (bad token) and 404 (no such method) will not fix themselves either.
    if (err.error_code === 401 || err.error_code === 404) return new DeliveryError('permanent', what);
    return new DeliveryError('transient', what);
  }
  if (err instanceof HttpError) return new DeliveryError('transient', `telegram ${method}: network error: ${err.message}`);
  return new DeliveryError('transient', `telegram ${method}: ${err instanceof Error ? err.message : String(err)}`);
}

function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

function isAlreadyDeleted(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message to delete not found/i.test(err.description);
}

export async function sendOutbound(api: Api, message: OutboundMessage): Promise<DeliveryResult> {
  const chatId = bareChatId(message.target);
  if (message.action === 'delete') return deleteAll(api, chatId, message.editOf ?? []);

  const rendered = renderText(message);
  const parts = splitText(rendered.text, TELEGRAM_TEXT_LIMIT, rendered.entities).filter((p) => p.text.trim() !== '');
  if (parts.length === 0) throw new DeliveryError('permanent', 'telegram: nothing to send (empty text)');
  const keyboard = buildKeyboard(message.buttons);
  const threadId = message.threadId && /^\d+$/.test(message.threadId) ? Number(message.threadId) : undefined;
  const replyTo = message.replyTo ? parseMessageId(message.replyTo) : undefined;

  const previous = message.action === 'edit' ? (message.editOf ?? []).map(parseMessageId).filter((m) => m.chatId === chatId) : [];
  if (message.action === 'edit' && previous.length === 0) throw new DeliveryError('permanent', 'telegram: edit without a message to edit');

  const ids: QualifiedId[] = [];
  const skip = message.resumeAfter ?? 0;
  for (const [i, part] of parts.entries()) {
    if (i < skip) continue; // posted by an earlier attempt of this delivery
    const isLast = i === parts.length - 1;
    const entities = part.spans.length > 0 ? part.spans : undefined;
    const markup = isLast ? keyboard : undefined;
    const old = previous[i];
    if (old) {
      try {
        await api.editMessageText(chatId, old.messageId, part.text, { entities, reply_markup: markup });
      } catch (err) {
        // Editing to the same content (a retried edit) is a success.
        if (!isNotModified(err)) throw withDelivered(toDeliveryError(err, 'editMessageText'), ids);
      }
      ids.push(telegramMessageId(chatId, old.messageId));
      continue;
    }
    try {
      const sent = await api.sendMessage(chatId, part.text, {
        entities,
        reply_markup: markup,
        message_thread_id: threadId,
        // Only the first part answers the message; the rest follow it.
        reply_parameters:
          i === 0 && replyTo && replyTo.chatId === chatId && message.action === 'send'
            ? { message_id: replyTo.messageId, allow_sending_without_reply: true }
            : undefined,
      });
      ids.push(telegramMessageId(chatId, sent.message_id));
    } catch (err) {
      throw withDelivered(toDeliveryError(err, 'sendMessage'), ids);
    }
  }
  // The new text needs fewer parts than the old one: remove the rest.
  if (previous.length > parts.length) {
    await deleteAll(api, chatId, previous.slice(parts.length).map((m) => telegramMessageId(m.chatId, m.messageId)));
  }
  return { messageIds: ids };
}

/** Names the parts already posted when a later one fails, so the retry (resumeAfter) does not post them twice. */
function withDelivered(error: DeliveryError, ids: QualifiedId[]): DeliveryError {
  return ids.length > 0 ? new DeliveryError(error.kind, error.message, { ...error.details, deliveredIds: [...ids] }) : error;
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
