// Turns one Telegram update into what Quartier understands: envelopes, or a roles/chat-gone signal. Pure: no I/O,
// no clock except the `now` it is given (a callback query carries no date of its own).
import type { Chat, ChatMemberUpdated, Message, MessageEntity, PhotoSize, Update, User } from 'grammy/types';
import { chatMessageId, qualify, type Attachment, type ChatRef, type Envelope, type Mention, type Person, type QualifiedId } from '../../src/core/envelope.js';

declare module '../../src/core/envelope.js' {
  interface RawEvents {
    telegram: Update;
  }
}

/** What normalize needs to know about the bot itself. */
export interface BotIdentity {
  id: number;
  username: string;
}

export type NormalizedUpdate =
  | { type: 'envelopes'; envelopes: Envelope[] }
  /** A member's status changed; `envelopes` holds the join when they came in (left or banned → in the chat). */
  | { type: 'rolesChanged'; chatId: QualifiedId; userId?: QualifiedId; envelopes?: Envelope[] }
  | { type: 'chatGone'; chatId: QualifiedId; reason: string };

/** Content keys of a user message without text or file we still report, so quiet hours can act on them. */
const OTHER_CONTENT = ['location', 'venue', 'contact', 'poll', 'dice', 'game', 'story', 'checklist', 'invoice'] as const;

/** How much of a replied-to message an envelope carries (a report quotes it). */
const QUOTED_TEXT_MAX = 1000;

export function telegramMessageId(chatId: number | string, messageId: number | string): QualifiedId {
  // Telegram message ids are per chat, so the chat is part of the id.
  return chatMessageId('telegram', chatId, messageId);
}

/**
 * Maps an update to envelopes (one per joined member for joins), to a roles/chat-gone signal (chat_member,
 * my_chat_member), or to null for anything Quartier does not handle (channel posts, inline queries, service
 * messages...). Throws only on updates too malformed to read; the adapter logs and skips them.
 */
export function normalizeUpdate(update: Update, me: BotIdentity, now: number): NormalizedUpdate | null {
  if (update.message) return fromMessage(update, update.message, 'message', me);
  if (update.edited_message) return fromMessage(update, update.edited_message, 'edit', me);
  if (update.callback_query) return fromCallbackQuery(update, now);
  if (update.my_chat_member) return fromMyChatMember(update, update.my_chat_member);
  if (update.chat_member) {
    const chat = chatRef(update.chat_member.chat);
    const userId = update.chat_member.new_chat_member?.user?.id;
    if (!chat || typeof userId !== 'number') return null;
    const join = memberJoin(update, update.chat_member, chat);
    return { type: 'rolesChanged', chatId: chat.id, userId: qualify('telegram', userId), ...(join ? { envelopes: [join] } : {}) };
  }
  return null;
}

/** In the chat: an owner, an admin, a member, or a restricted member who is still a member. */
function isIn(member: ChatMemberUpdated['new_chat_member'] | undefined): boolean {
  if (!member) return false;
  if (member.status === 'restricted') return member.is_member === true;
  return member.status === 'creator' || member.status === 'administrator' || member.status === 'member';
}

/**
 * A chat_member update that brings someone in (Telegram sends it to admin bots for every join, also where join
 * service messages are hidden): a join envelope. The same join may also come as a new_chat_members message; the
 * welcome feature counts the two as one.
 */
function memberJoin(update: Update, change: ChatMemberUpdated, chat: ChatRef): Envelope | undefined {
  const user = change.new_chat_member?.user;
  if (typeof user?.id !== 'number' || chat.type !== 'group') return undefined;
  if (isIn(change.old_chat_member) || !isIn(change.new_chat_member)) return undefined;
  return {
    id: envelopeId(update),
    platform: 'telegram',
    kind: 'join',
    chat,
    sender: person(user),
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: false,
    sentAt: (typeof change.date === 'number' ? change.date : 0) * 1000,
    raw: update,
  };
}

/** Convenience for callers that only want envelopes. */
export function normalizeToEnvelopes(update: Update, me: BotIdentity, now: number): Envelope[] {
  const result = normalizeUpdate(update, me, now);
  return result?.type === 'envelopes' || result?.type === 'rolesChanged' ? (result.envelopes ?? []) : [];
}

function envelopeId(update: Update): string {
  return `telegram:u${update.update_id}`;
}

function chatRef(chat: Chat): ChatRef | null {
  if (typeof chat?.id !== 'number') return null; // malformed
  if (chat.type !== 'private' && chat.type !== 'group' && chat.type !== 'supergroup') return null; // channels: broadcasts
  const ref: ChatRef = { id: qualify('telegram', chat.id), type: chat.type === 'private' ? 'private' : 'group' };
  if (chat.type !== 'private' && typeof chat.title === 'string') ref.title = chat.title;
  return ref;
}

function person(user: User): Person {
  const p: Person = { id: qualify('telegram', user.id), name: displayName(user.first_name, user.last_name) };
  if (user.username) p.username = user.username;
  if (user.language_code) p.language = user.language_code;
  if (user.is_bot) p.isBot = true;
  return p;
}

function displayName(first: unknown, last: unknown): string {
  const parts = [first, last].filter((s): s is string => typeof s === 'string' && s.length > 0);
  return parts.join(' ');
}

/** The author: the chat the message was sent as (anonymous admin, linked channel) when there is one, else `from`. */
function sender(message: Message): Person | null {
  if (message.sender_chat) {
    const c = message.sender_chat;
    if (typeof c.id !== 'number') return null;
    const name = 'title' in c && typeof c.title === 'string' ? c.title : displayName('first_name' in c ? c.first_name : '', undefined);
    const p: Person = { id: qualify('telegram', c.id), name };
    if ('username' in c && c.username) p.username = c.username;
    return p;
  }
  return typeof message.from?.id === 'number' ? person(message.from) : null;
}

function fromMessage(update: Update, message: Message, kind: 'message' | 'edit', me: BotIdentity): NormalizedUpdate | null {
  const chat = chatRef(message.chat);
  if (!chat || typeof message.message_id !== 'number' || typeof message.date !== 'number') return null;
  if (message.is_topic_message && message.message_thread_id !== undefined) chat.threadId = String(message.message_thread_id);
  const base = {
    platform: 'telegram' as const,
    chat,
    messageId: telegramMessageId(message.chat.id, message.message_id),
    mentions: [] as Mention[],
    attachments: [] as Attachment[],
    sentAt: (kind === 'edit' && message.edit_date ? message.edit_date : message.date) * 1000,
    raw: update,
  };

  if (message.new_chat_members && message.new_chat_members.length > 0) {
    const members = message.new_chat_members.filter((u) => typeof u?.id === 'number');
    const envelopes = members.map((user): Envelope => ({
      ...base,
      id: members.length === 1 ? envelopeId(update) : `${envelopeId(update)}:${user.id}`,
      kind: 'join',
      sender: person(user),
      text: '',
      addressedToBot: user.id === me.id,
    }));
    return { type: 'envelopes', envelopes };
  }
  if (typeof message.left_chat_member?.id === 'number') {
    const user = message.left_chat_member;
    // The bot itself leaving arrives as my_chat_member too; that one drives chatGone.
    return {
      type: 'envelopes',
      envelopes: [{ ...base, id: envelopeId(update), kind: 'leave', sender: person(user), text: '', addressedToBot: false }],
    };
  }

  const from = sender(message);
  if (!from) return null;
  const attachments = attachmentsOf(message);
  const rawText = typeof message.text === 'string' ? message.text : typeof message.caption === 'string' ? message.caption : '';
  const entities: MessageEntity[] = (message.text !== undefined ? message.entities : message.caption_entities) ?? [];
  if (rawText === '' && attachments.length === 0) return null; // a service message (pin, title change...)

  const { text, shift, shiftFrom, command } = rewriteCommand(rawText, me);
  let addressedToBot = chat.type === 'private' || command === 'ours';
  const mentions: Mention[] = [];
  for (const e of Array.isArray(entities) ? entities : []) {
    if (typeof e?.offset !== 'number' || typeof e.length !== 'number') continue;
    // Entities after the rewritten `/cmd@OurBot` move left with the text.
    const offset = e.offset >= shiftFrom ? e.offset - shift : e.offset;
    if (offset < 0 || offset + e.length > text.length) continue;
    if (e.type === 'mention') {
      const name = text.slice(offset + 1, offset + e.length);
      if (name.toLowerCase() === me.username.toLowerCase()) addressedToBot = true;
      // A @username mention names no user id; the text at offset holds the name.
      mentions.push({ kind: 'user', offset, length: e.length });
    } else if (e.type === 'text_mention' && e.user && typeof e.user.id === 'number') {
      if (e.user.id === me.id) addressedToBot = true;
      mentions.push({ kind: 'user', id: qualify('telegram', e.user.id), offset, length: e.length });
    }
  }

  const envelope: Envelope = {
    ...base,
    id: envelopeId(update),
    kind,
    sender: from,
    text,
    mentions,
    attachments,
    addressedToBot,
  };
  const reply = message.reply_to_message;
  // In a forum topic every message "replies" to the topic's creation message; that is not a reply.
  const isTopicRoot = message.is_topic_message && reply?.message_id === message.message_thread_id;
  if (reply && typeof reply.message_id === 'number' && !isTopicRoot) {
    envelope.replyTo = { messageId: telegramMessageId(message.chat.id, reply.message_id) };
    if (reply.from) envelope.replyTo.senderId = qualify('telegram', reply.from.id);
    if (reply.from) envelope.replyTo.senderName = [reply.from.first_name, reply.from.last_name].filter(Boolean).join(' ');
    const quoted = reply.text ?? reply.caption;
    if (quoted) envelope.replyTo.text = quoted.slice(0, QUOTED_TEXT_MAX);
    if (reply.from?.id === me.id) envelope.addressedToBot = true;
  }
  if (message.forward_origin) {
    envelope.forwarded = true;
    const origin = message.forward_origin;
    if (origin.type === 'chat') envelope.forward = { fromChat: qualify('telegram', origin.sender_chat.id) };
    if (origin.type === 'channel') envelope.forward = { fromChat: qualify('telegram', origin.chat.id) };
  }
  return { type: 'envelopes', envelopes: [envelope] };
}

/**
 * `/cmd@OurBot args` becomes `/cmd args`; `/cmd@OtherBot` stays as it is. Returns how far later offsets move.
 */
function rewriteCommand(text: string, me: BotIdentity): { text: string; shift: number; shiftFrom: number; command: 'ours' | 'other' | 'none' } {
  const match = /^\/([A-Za-z0-9_]{1,64})@([A-Za-z0-9_]{1,64})(?![A-Za-z0-9_@])/.exec(text);
  if (!match) return { text, shift: 0, shiftFrom: Infinity, command: 'none' };
  if (match[2]!.toLowerCase() !== me.username.toLowerCase()) return { text, shift: 0, shiftFrom: Infinity, command: 'other' };
  const cut = 1 + match[2]!.length; // "@OurBot"
  return { text: `/${match[1]}${text.slice(match[0].length)}`, shift: cut, shiftFrom: match[0].length, command: 'ours' };
}

/**
 * The files of a message, with what Telegram says of them (size, type, name), so a file too large for a bridge target
 * can be refused without fetching it. Where Telegram gives no mime_type, the type is known from the kind.
 */
function attachmentsOf(message: Message): Attachment[] {
  const out: Attachment[] = [];
  type FileLike = { file_id?: unknown; file_size?: number; mime_type?: string; file_name?: string };
  const add = (kind: Attachment['kind'], file: FileLike | undefined, mimeType?: string): void => {
    if (!file || typeof file.file_id !== 'string') return;
    const a: Attachment = { kind, fileRef: file.file_id };
    if (file.file_name) a.fileName = file.file_name;
    const mime = file.mime_type || mimeType;
    if (mime) a.mimeType = mime;
    if (typeof file.file_size === 'number') a.size = file.file_size;
    out.push(a);
  };
  // Photos come in several sizes; the largest carries the picture. Telegram stores every photo as a JPEG.
  if (Array.isArray(message.photo) && message.photo.length > 0) add('photo', largest(message.photo), 'image/jpeg');
  if (message.animation) add('video', message.animation);
  else if (message.video) add('video', message.video);
  else if (message.video_note) add('video', message.video_note, 'video/mp4');
  // An animation also arrives as a document; report it once.
  if (!message.animation) add('document', message.document);
  add('audio', message.audio);
  add('voice', message.voice, 'audio/ogg');
  if (message.sticker) {
    const s = message.sticker;
    add('sticker', s, s.is_animated ? 'application/x-tgsticker' : s.is_video ? 'video/webm' : 'image/webp');
  }
  if (out.length === 0) {
    for (const key of OTHER_CONTENT) {
      if (message[key] !== undefined) out.push({ kind: 'other', fileRef: key });
    }
  }
  return out;
}

/** The size with the most pixels (the last one, as Telegram orders them, when sizes are missing). */
function largest(sizes: PhotoSize[]): PhotoSize {
  const area = (p: PhotoSize): number => (Number(p?.width) || 0) * (Number(p?.height) || 0);
  return sizes.reduce((best, p) => (area(p) > area(best) ? p : best), sizes[sizes.length - 1]!);
}

function fromCallbackQuery(update: Update, now: number): NormalizedUpdate | null {
  const query = update.callback_query!;
  // Inline-mode buttons have no message; games have no data. Quartier uses neither.
  if (!query.message || typeof query.data !== 'string' || typeof query.from?.id !== 'number') return null;
  if (typeof query.message.message_id !== 'number') return null;
  const chat = chatRef(query.message.chat);
  if (!chat) return null;
  const message = query.message;
  if ('is_topic_message' in message && message.is_topic_message && message.message_thread_id !== undefined) {
    chat.threadId = String(message.message_thread_id);
  }
  return {
    type: 'envelopes',
    envelopes: [
      {
        id: envelopeId(update),
        platform: 'telegram',
        kind: 'button',
        chat,
        sender: person(query.from),
        messageId: telegramMessageId(message.chat.id, message.message_id),
        text: '',
        mentions: [],
        attachments: [],
        addressedToBot: true,
        buttonData: query.data,
        sentAt: now,
        raw: update,
      },
    ],
  };
}

/**
 * The bot's own status changed: removed (chatGone), or its rights changed; added to a group, also a join addressed to
 * the bot (the setup's cue; Telegram may report the same arrival as a new_chat_members message too).
 */
function fromMyChatMember(update: Update, change: ChatMemberUpdated): NormalizedUpdate | null {
  const chat = chatRef(change.chat);
  if (!chat || typeof change.new_chat_member?.user?.id !== 'number') return null;
  const status = change.new_chat_member.status;
  if (status === 'left' || status === 'kicked') return { type: 'chatGone', chatId: chat.id, reason: `bot ${status}` };
  const userId = qualify('telegram', change.new_chat_member.user.id);
  const joined = chat.type === 'group' && !isIn(change.old_chat_member) && isIn(change.new_chat_member);
  if (!joined) return { type: 'rolesChanged', chatId: chat.id, userId };
  const join: Envelope = {
    id: envelopeId(update),
    platform: 'telegram',
    kind: 'join',
    chat,
    sender: person(change.new_chat_member.user),
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: true,
    sentAt: (typeof change.date === 'number' ? change.date : 0) * 1000,
    raw: update,
  };
  return { type: 'rolesChanged', chatId: chat.id, userId, envelopes: [join] };
}
