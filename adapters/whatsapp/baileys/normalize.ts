// Baileys' raw messages (WhatsApp's protobuf WebMessageInfo) turned into the shape the adapter's shared code reads:
// WhatsApp Web's serialised message model (raw.ts WaMessageData), with WhatsApp Web's ids. Both drivers then give
// the same envelopes, the same ids (a user is `…@c.us` on both, a message `false_<chat>_<id>_<author>`), and the same
// Envelope.raw, so switching drivers changes nothing for the features, the database or the people's ids.
import { getContentType, normalizeMessageContent, toNumber, type proto, type WAMessage, type WAMessageKey } from '@whiskeysockets/baileys';
import type { WaMessageData, WaMessageKey } from '../raw.js';

/** Baileys names a user `…@s.whatsapp.net` (with `:device` on our own id); WhatsApp Web and Quartier `…@c.us`. */
export function toWebJid(jid: string): string;
export function toWebJid(jid: string | null | undefined): string | undefined;
export function toWebJid(jid: string | null | undefined): string | undefined {
  if (!jid) return undefined;
  const at = jid.indexOf('@');
  if (at < 0) return jid;
  const user = jid.slice(0, at).split(':')[0]!;
  const server = jid.slice(at + 1);
  return `${user}@${server === 's.whatsapp.net' ? 'c.us' : server}`;
}

export function toBaileysJid(jid: string): string {
  return jid.endsWith('@c.us') ? `${jid.slice(0, -'@c.us'.length)}@s.whatsapp.net` : jid;
}

/** WhatsApp Web's serialised message id: `<fromMe>_<chat>_<id>`, plus `_<author>` for someone else's message in a group. */
export function serializeKey(key: WAMessageKey): string {
  const remote = toWebJid(key.remoteJid) ?? '';
  const base = `${Boolean(key.fromMe)}_${remote}_${key.id ?? ''}`;
  const author = toWebJid(key.participant);
  return remote.endsWith('@g.us') && author && !key.fromMe ? `${base}_${author}` : base;
}

/** The Baileys key behind a serialised id, or undefined when it is not one. */
export function parseSerializedId(serialized: string): WAMessageKey | undefined {
  const parts = serialized.split('_');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const [fromMe, remote, id, participant] = parts as [string, string, string, string | undefined];
  if ((fromMe !== 'true' && fromMe !== 'false') || !remote.includes('@') || !id) return undefined;
  const key: WAMessageKey = { remoteJid: toBaileysJid(remote), fromMe: fromMe === 'true', id };
  if (participant) key.participant = toBaileysJid(participant);
  return key;
}

type MediaContent = proto.Message.IImageMessage &
  proto.Message.IVideoMessage &
  proto.Message.IAudioMessage &
  proto.Message.IDocumentMessage &
  proto.Message.IStickerMessage;

/** WhatsApp Web's message type for a content, and the content's own part (text, media) under it. */
function typeOf(content: proto.IMessage | undefined): { type: string; part?: MediaContent & proto.Message.IExtendedTextMessage } {
  const kind = getContentType(content);
  if (!content || !kind) return { type: 'unknown' };
  const part = content[kind] as (MediaContent & proto.Message.IExtendedTextMessage) | undefined;
  switch (kind) {
    case 'conversation':
    case 'extendedTextMessage':
      return { type: 'chat', ...(part && typeof part === 'object' ? { part } : {}) };
    case 'imageMessage':
      return { type: 'image', part };
    case 'videoMessage':
      return { type: 'video', part };
    case 'audioMessage':
      return { type: part?.ptt ? 'ptt' : 'audio', part };
    case 'documentMessage':
      return { type: 'document', part };
    case 'stickerMessage':
      return { type: 'sticker', part };
    case 'protocolMessage':
      return { type: 'protocol' };
    case 'reactionMessage':
      return { type: 'reaction' };
    default:
      return { type: String(kind) };
  }
}

/**
 * The text a content carries: a text message's text, or a file's caption (what a WhatsApp user sees). Decoded
 * protobuf objects answer '' for any text field they do not have, so the content's type says which one to read.
 */
export function textOfContent(content: proto.IMessage | null | undefined): string {
  const inner = normalizeMessageContent(content);
  if (!inner) return '';
  if (getContentType(inner) === 'conversation') return inner.conversation ?? '';
  const { part } = typeOf(inner);
  return part?.text || part?.caption || '';
}

function webKey(key: WAMessageKey): WaMessageKey {
  const id: WaMessageKey = {
    fromMe: Boolean(key.fromMe),
    remote: toWebJid(key.remoteJid) ?? '',
    id: key.id ?? '',
    _serialized: serializeKey(key),
  };
  const participant = toWebJid(key.participant);
  if (participant) id.participant = participant;
  return id;
}

/**
 * A Baileys message as WhatsApp Web's model: `from` is the chat for someone else's message and `to` is us (the other
 * way round for ours), `author` the sender in a group, `body` a text's text, `caption` a file's caption.
 */
export function webMessageData(message: WAMessage, botId: string): WaMessageData {
  const key = message.key ?? {};
  const content = normalizeMessageContent(message.message);
  const { type, part } = typeOf(content);
  const chat = toWebJid(key.remoteJid) ?? '';
  const isGroup = chat.endsWith('@g.us');
  const data: WaMessageData = {
    id: webKey(key),
    type: message.messageStubType ? 'notification' : type,
    t: toNumber(message.messageTimestamp),
    from: key.fromMe ? botId : chat,
    to: key.fromMe ? chat : botId,
  };
  if (isGroup) {
    const author = key.fromMe ? botId : toWebJid(key.participant ?? message.participant);
    if (author) data.author = author;
  }
  if (message.pushName) data.notifyName = message.pushName;
  if (type === 'chat') data.body = textOfContent(content);
  else if (part?.caption) data.caption = part.caption;
  if (part && type !== 'chat' && type in MEDIA_TYPES) {
    if (part.directPath) data.directPath = part.directPath;
    if (part.mimetype) data.mimetype = part.mimetype;
    if (type === 'document' && part.fileName) data.filename = part.fileName;
    // 0 is also what a decoded message without a recorded size answers.
    const size = toNumber(part.fileLength);
    if (size > 0) data.size = size;
  }
  const context = part?.contextInfo;
  if (context) {
    if (context.mentionedJid?.length) data.mentionedJidList = context.mentionedJid.map((jid) => toWebJid(jid));
    if (context.isForwarded) {
      data.isForwarded = true;
      // How many times it travelled: from 5, WhatsApp (and the forwards note) say "forwarded many times".
      if (context.forwardingScore) data.forwardingScore = context.forwardingScore;
    }
    if (context.stanzaId) {
      data.quotedStanzaID = context.stanzaId;
      const quotedAuthor = toWebJid(context.participant);
      if (quotedAuthor) data.quotedParticipant = quotedAuthor;
      const quoted = typeOf(normalizeMessageContent(context.quotedMessage));
      data.quotedMsg = { type: quoted.type, body: textOfContent(context.quotedMessage) };
    }
  }
  return data;
}

const MEDIA_TYPES = { image: true, video: true, audio: true, ptt: true, document: true, sticker: true } as const;

/** True for a message that carries a file we can fetch. */
export function hasMedia(message: WAMessage): boolean {
  const { type, part } = typeOf(normalizeMessageContent(message.message));
  return type in MEDIA_TYPES && Boolean(part?.directPath || part?.url);
}

/** WhatsApp Web's types whose caption is shown (and may be edited). */
export function takesCaption(type: string): boolean {
  return type === 'image' || type === 'video' || type === 'document';
}
