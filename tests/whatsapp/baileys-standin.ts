// A stand-in for Baileys' socket: no WebSocket, no WhatsApp, but Baileys' own event emitter (makeEventBuffer), its
// own protobuf messages (proto.WebMessageInfo) and the events Baileys emits for each thing that happens, in the order
// it emits them: 'messages.upsert' for a new message (and for the protocol message behind an edit or a deletion),
// 'messages.update' for the edit or deletion itself, 'group-participants.update', 'connection.update' with a QR code,
// 'open', or 'close' and its reason (a Boom with the status code, as Baileys' DisconnectReason numbers them), and
// 'creds.update' when the phone links the device.
//
// It plays the world too (groups, people, what they post) through the same methods as the whatsapp-web.js stand-in
// (standin.ts), so the adapter tests run unchanged against both drivers. It refuses what WhatsApp would not take:
// malformed ids, texts over 65,536 characters, mentions that are not user ids, empty or oversized files, captions
// WhatsApp would not show, sending while the socket is closed, deleting someone else's message without being a
// group admin.
import { randomBytes } from 'node:crypto';
import { Boom } from '@hapi/boom';
import {
  DisconnectReason,
  makeEventBuffer,
  proto,
  type AnyMessageContent,
  type GroupMetadata,
  type MiscMessageGenerationOptions,
  type ParticipantAction,
  type UserFacingSocketConfig,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys';
import pino from 'pino';
import type { BaileysSocket } from '../../adapters/whatsapp/baileys/client.js';
import { serializeKey, toBaileysJid, toWebJid } from '../../adapters/whatsapp/baileys/normalize.js';
import {
  WHATSAPP_CAPTION_LIMIT,
  WHATSAPP_DOCUMENT_LIMIT,
  WHATSAPP_MEDIA_LIMIT,
  WHATSAPP_TEXT_LIMIT,
  type IncomingMedia,
  type MediaType,
  type SentMedia,
  type SentRecord,
  type StandinParticipant,
} from './standin.js';

const USER_JID = /^[0-9]{5,20}@(s\.whatsapp\.net|lid)$/;
const CHAT_JID = /^([0-9]{5,20}@(s\.whatsapp\.net|lid)|[0-9]{10,25}(-[0-9]+)?@g\.us)$/;
const CAPTIONED = new Set<string>(['image', 'video', 'document']);
const DEFAULT_MIME_TYPES: Record<MediaType, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/mpeg',
  ptt: 'audio/ogg; codecs=opus',
  document: 'application/pdf',
  sticker: 'image/webp',
};
/** The reasons whatsapp-web.js gives a disconnect, as Baileys numbers them (the tests speak the web driver's names). */
const REASONS: Record<string, number> = {
  LOGOUT: DisconnectReason.loggedOut,
  CONFLICT: DisconnectReason.connectionReplaced,
  TIMEOUT: DisconnectReason.timedOut,
  UNPAIRED_IDLE: DisconnectReason.connectionClosed,
};

let counter = 0;
function newStanzaId(): string {
  counter += 1;
  return `3EB1${counter.toString(16).toUpperCase().padStart(16, '0')}`;
}

interface Group {
  name: string;
  participants: Required<StandinParticipant>[];
}

interface Stored {
  message: WAMessage;
  revoked: boolean;
}

type MediaPart = 'imageMessage' | 'videoMessage' | 'audioMessage' | 'documentMessage' | 'stickerMessage';
const PART_OF: Record<MediaType, MediaPart> = {
  image: 'imageMessage',
  video: 'videoMessage',
  audio: 'audioMessage',
  ptt: 'audioMessage',
  document: 'documentMessage',
  sticker: 'stickerMessage',
};

class StandinSocket implements BaileysSocket {
  readonly ev = makeEventBuffer(pino({ level: 'silent' }));
  user: BaileysSocket['user'];
  closed = false;

  constructor(
    private readonly world: BaileysStandin,
    readonly config: UserFacingSocketConfig,
  ) {}

  sendMessage = (jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions) => this.world.send(this, jid, content, options);
  groupMetadata = (jid: string) => this.world.metadata(this, jid);
  groupParticipantsUpdate = async (jid: string, participants: string[], action: ParticipantAction) => {
    this.world.assertOpen(this);
    // WhatsApp answers each participant with a status: 403 when we are not a group admin.
    if (!this.world.isAdmin(toWebJid(jid))) return participants.map((p) => ({ status: '403', jid: p, content: { tag: 'participant', attrs: { jid: p } } }));
    const people = participants.map((p) => toWebJid(p));
    if (action === 'remove') {
      for (const userId of people) if (this.world.isParticipant(toWebJid(jid), userId)) this.world.removals.push({ groupId: toWebJid(jid), userId });
    }
    this.world.changeParticipants(jid, this.world.botId, people, action);
    return participants.map((p) => ({ status: '200', jid: p, content: { tag: 'participant', attrs: { jid: p } } }));
  };
  requestPairingCode = async (phoneNumber: string) => {
    if (!/^[0-9]{6,15}$/.test(phoneNumber)) throw new Error('stand-in: the phone number must be digits only');
    this.world.pairingRequests.push(phoneNumber);
    return 'QRTR5TND';
  };
  updateMediaMessage = async (message: proto.IWebMessageInfo) => message;
  end = (error: Error | undefined) => {
    if (this.closed) return;
    this.closed = true;
    // Baileys tells the close even when it was asked for.
    this.ev.emit('connection.update', {
      connection: 'close',
      lastDisconnect: { error: error ?? new Boom('Connection Closed', { statusCode: DisconnectReason.connectionClosed }), date: new Date() },
    });
  };
}

export class BaileysStandin {
  readonly sent: SentRecord[] = [];
  /** Ids of messages deleted for everyone, as the world saw them go. */
  readonly revokedForEveryone: string[] = [];
  readonly sockets: StandinSocket[] = [];
  readonly pairingRequests: string[] = [];
  readonly removals: { groupId: string; userId: string }[] = [];
  qrCount = 0;
  downloadCount = 0;
  /** How many times a socket asked WhatsApp for a group's metadata. */
  metadataCount = 0;
  /** The next this-many sockets fail to connect (WhatsApp unreachable): Baileys closes them with connectionLost. */
  failConnections = 0;
  /** When each socket was opened (Date.now()). */
  readonly openedAt: number[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly contacts = new Set<string>();
  private readonly messages = new Map<string, Stored>();
  private readonly sentById = new Map<string, SentRecord>();
  private readonly mediaBytes = new Map<string, Buffer>();
  private sendFailure: { after: number; error: Error } | undefined;

  constructor(readonly botId: string) {}

  /** Our id as Baileys gives it: the phone number with this device's number. */
  get botBaileysId(): string {
    return `${this.botId.split('@')[0]}:7@s.whatsapp.net`;
  }

  get initializeCount(): number {
    return this.sockets.length;
  }

  private get socket(): StandinSocket | undefined {
    const last = this.sockets.at(-1);
    return last && !last.closed ? last : undefined;
  }

  // ---- the library side: makeWASocket and downloadMediaMessage ----

  /** Baileys' makeWASocket: connects with the saved login, or offers a QR code to link the device. */
  readonly makeSocket = (config: UserFacingSocketConfig): BaileysSocket => {
    const socket = new StandinSocket(this, config);
    this.sockets.push(socket);
    this.openedAt.push(Date.now());
    const fails = this.failConnections > 0;
    if (fails) this.failConnections -= 1;
    setImmediate(() => {
      if (socket.closed) return;
      if (fails) {
        this.closeWith(socket, DisconnectReason.connectionLost, 'Connection Failure');
        return;
      }
      socket.ev.emit('connection.update', { connection: 'connecting', receivedPendingNotifications: false, qr: undefined });
      if (config.auth?.creds.me) {
        socket.user = { id: this.botBaileysId, name: 'Quartier' };
        socket.ev.emit('connection.update', { connection: 'open' });
        // The account's chats, as WhatsApp syncs them after a login.
        if (this.contacts.size > 0) socket.ev.emit('chats.upsert', [...this.contacts].map((id) => ({ id: toBaileysJid(id) })));
      } else {
        this.qrCount += 1;
        socket.ev.emit('connection.update', { qr: `2@standin${this.qrCount},c3RhbmQtaW4=,a2V5,aWQ=` });
      }
    });
    return socket;
  };

  /** Baileys' downloadMediaMessage: the file's bytes, or a 404 Boom once WhatsApp no longer has it. */
  readonly download = async (message: WAMessage, socket: BaileysSocket): Promise<Buffer> => {
    this.assertOpen(socket as unknown as StandinSocket);
    this.downloadCount += 1;
    const bytes = message.key ? this.mediaBytes.get(serializeKey(message.key)) : undefined;
    if (!bytes) throw new Boom('Failed to fetch stream', { statusCode: 404 });
    return bytes;
  };

  assertOpen(socket: StandinSocket): void {
    if (socket.closed || !socket.user) throw new Boom('Connection Closed', { statusCode: DisconnectReason.connectionClosed });
  }

  /** The phone scans the QR code (or types the pairing code): Baileys saves the login, then WhatsApp asks for a restart. */
  scanQr(): void {
    const socket = this.socket;
    if (!socket || socket.user) throw new Error('stand-in: no QR code is showing');
    socket.ev.emit('creds.update', { me: { id: this.botBaileysId, name: 'Quartier' }, registered: true, platform: 'android' });
    socket.ev.emit('connection.update', { isNewLogin: true, qr: undefined });
    this.closeWith(socket, DisconnectReason.restartRequired, 'Stream Errored (restart required)');
  }

  /**
   * WhatsApp closes the connection: `reason` is whatsapp-web.js's name ('LOGOUT', the phone unlinked us, is Baileys'
   * loggedOut) or a Baileys DisconnectReason number.
   */
  async simulateDisconnect(reason: string | number = 'CONFLICT'): Promise<void> {
    const socket = this.socket;
    if (!socket) throw new Error('stand-in: no open socket');
    const status = typeof reason === 'number' ? reason : (REASONS[reason] ?? DisconnectReason.connectionLost);
    this.closeWith(socket, status, String(reason));
  }

  private closeWith(socket: StandinSocket, statusCode: number, message: string): void {
    socket.closed = true;
    socket.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error: new Boom(message, { statusCode }), date: new Date() } });
  }

  // ---- the world ----

  addGroup(id: string, name: string, participants: StandinParticipant[], options: { withBot?: boolean } = {}): void {
    if (!CHAT_JID.test(id) || !id.endsWith('@g.us')) throw new Error(`stand-in: bad group id ${id}`);
    const members = participants.map((p) => ({ id: p.id, isAdmin: p.isAdmin ?? false, isSuperAdmin: p.isSuperAdmin ?? false }));
    if (options.withBot !== false) members.push({ id: this.botId, isAdmin: false, isSuperAdmin: false });
    this.groups.set(id, { name, participants: members });
  }

  /** The person has a chat with the bot's account: WhatsApp syncs it to the device ('chats.upsert'). */
  addContact(id: string): void {
    this.contacts.add(id);
    const socket = this.socket;
    if (socket?.user) socket.ev.emit('chats.upsert', [{ id: toBaileysJid(id) }]);
  }

  /** A group admin promotes or demotes someone: WhatsApp tells the group (Baileys: 'group-participants.update'). */
  setAdmin(groupId: string, userId: string, admin: boolean): void {
    const group = this.groups.get(groupId);
    const by = group?.participants.find((p) => p.id !== userId && (p.isAdmin || p.isSuperAdmin))?.id ?? userId;
    this.changeParticipants(groupId, by, [userId], admin ? 'promote' : 'demote');
  }

  failSendAfter(after: number, error: Error = new Boom('Timed Out', { statusCode: DisconnectReason.timedOut })): void {
    this.sendFailure = { after, error };
  }

  expireMedia(serializedId: string): void {
    this.mediaBytes.delete(serializedId);
  }

  /** What a WhatsApp user sees of a message: its type, whether it has a file, its text or caption. */
  async messageState(serializedId: string): Promise<{ type: string; hasMedia: boolean; body: string } | null> {
    const stored = this.messages.get(serializedId);
    if (!stored) return null;
    if (stored.revoked) return { type: 'revoked', hasMedia: false, body: '' };
    const content = stored.message.message ?? {};
    for (const [type, part] of Object.entries(PART_OF) as [MediaType, MediaPart][]) {
      const media = content[part];
      if (media) return { type: type === 'audio' && (media as proto.Message.IAudioMessage).ptt ? 'ptt' : type, hasMedia: this.mediaBytes.has(serializedId), body: (media as { caption?: string }).caption ?? '' };
    }
    return { type: 'chat', hasMedia: false, body: content.conversation || content.extendedTextMessage?.text || '' };
  }

  isAdmin(groupId: string, userId = this.botId): boolean {
    return this.groups.get(groupId)?.participants.some((p) => p.id === userId && (p.isAdmin || p.isSuperAdmin)) ?? false;
  }

  /** Whether someone is in a group now. */
  isParticipant(groupId: string, userId: string): boolean {
    return this.isMember(groupId, userId);
  }

  private isMember(groupId: string, userId = this.botId): boolean {
    return this.groups.get(groupId)?.participants.some((p) => p.id === userId) ?? false;
  }

  private emit(event: 'messages.upsert' | 'messages.update' | 'group-participants.update', data: never): void {
    const socket = this.socket;
    if (socket?.user) socket.ev.emit(event, data);
  }

  private deliver(message: WAMessage, type: 'notify' | 'append' = 'notify'): void {
    this.messages.set(serializeKey(message.key!), { message, revoked: false });
    this.emit('messages.upsert', { messages: [message], type } as never);
  }

  receiveGroupMessage(
    groupId: string,
    authorId: string,
    body: string,
    extra: { notifyName?: string; replyTo?: string; forwardingScore?: number } = {},
  ): { id: { _serialized: string } } {
    // A reply carries the quoted message's id, author and content in its context info; a forward, its score there.
    const quoted = extra.replyTo ? this.messages.get(extra.replyTo)?.message : undefined;
    const contextInfo: proto.IContextInfo = {};
    if (quoted?.key) {
      contextInfo.stanzaId = quoted.key.id;
      contextInfo.participant = quoted.key.fromMe ? this.botBaileysId.replace(/:\d+@/, '@') : (quoted.key.participant ?? quoted.key.remoteJid);
      contextInfo.quotedMessage = quoted.message;
    }
    if (extra.forwardingScore !== undefined && extra.forwardingScore > 0) {
      contextInfo.isForwarded = true;
      contextInfo.forwardingScore = extra.forwardingScore;
    }
    const content: proto.IMessage = Object.keys(contextInfo).length > 0 ? { extendedTextMessage: { text: body, contextInfo } } : { conversation: body };
    const message = this.incoming(groupId, authorId, content, extra.notifyName);
    this.deliver(message);
    return { id: { _serialized: serializeKey(message.key!) } };
  }

  receivePrivateMessage(fromId: string, body: string): { id: { _serialized: string } } {
    this.contacts.add(fromId);
    const message = this.incoming(fromId, undefined, { conversation: body });
    this.deliver(message);
    return { id: { _serialized: serializeKey(message.key!) } };
  }

  receiveGroupMedia(groupId: string, authorId: string, media: IncomingMedia, extra: { notifyName?: string; size?: number | undefined } = {}): { id: { _serialized: string } } {
    const mimetype = media.mimetype ?? DEFAULT_MIME_TYPES[media.type];
    const part: Record<string, unknown> = {
      url: `https://mmg.whatsapp.net/v/t62.7118-24/${randomBytes(8).toString('hex')}.enc`,
      directPath: `/v/t62.7118-24/${randomBytes(8).toString('hex')}.enc?ccb=11-4`,
      mediaKey: randomBytes(32),
      mimetype,
      fileLength: 'size' in extra ? extra.size : media.data.length,
    };
    if (media.type === 'ptt') part.ptt = true;
    if (media.type === 'document' && media.filename) part.fileName = media.filename;
    if (media.caption && CAPTIONED.has(media.type)) part.caption = media.caption;
    const message = this.incoming(groupId, authorId, { [PART_OF[media.type]]: part }, extra.notifyName);
    this.mediaBytes.set(serializeKey(message.key!), media.data);
    this.deliver(message);
    return { id: { _serialized: serializeKey(message.key!) } };
  }

  private incoming(chatId: string, authorId: string | undefined, content: proto.IMessage, pushName?: string): WAMessage {
    const key: WAMessageKey = { remoteJid: toBaileysJid(chatId), fromMe: false, id: newStanzaId() };
    if (authorId) key.participant = toBaileysJid(authorId);
    return proto.WebMessageInfo.fromObject({
      key,
      message: content,
      messageTimestamp: Math.floor(Date.now() / 1000),
      pushName: pushName ?? (authorId ?? chatId).split('@')[0],
    });
  }

  /** The author edits: a protocol message arrives, then Baileys' 'messages.update' with the new content. */
  editIncoming(serializedId: string, newBody: string): void {
    const stored = this.messages.get(serializedId);
    if (!stored) throw new Error(`stand-in: no message ${serializedId}`);
    const key = stored.message.key!;
    stored.message = { ...stored.message, message: { conversation: newBody } };
    this.protocol(key, { type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT, key, editedMessage: { conversation: newBody } });
    this.emit('messages.update', [
      { key, update: { message: { editedMessage: { message: { conversation: newBody } } }, messageTimestamp: Math.floor(Date.now() / 1000) } },
    ] as never);
  }

  /** The author deletes for everyone. */
  revokeIncoming(serializedId: string): void {
    const stored = this.messages.get(serializedId);
    if (!stored) throw new Error(`stand-in: no message ${serializedId}`);
    this.revoke(stored, stored.message.key!);
  }

  private revoke(stored: Stored, by: WAMessageKey): void {
    const key = stored.message.key!;
    stored.revoked = true;
    this.mediaBytes.delete(serializeKey(key));
    this.revokedForEveryone.push(serializeKey(key));
    const record = this.sentById.get(serializeKey(key));
    if (record) record.revoked = true;
    this.protocol(by, { type: proto.Message.ProtocolMessage.Type.REVOKE, key });
    this.emit('messages.update', [
      { key: { ...by, id: key.id }, update: { message: null, messageStubType: proto.WebMessageInfo.StubType.REVOKE, key: by } },
    ] as never);
  }

  /** The protocol message an edit or deletion travels in, upserted as Baileys does before its 'messages.update'. */
  private protocol(by: WAMessageKey, protocolMessage: proto.Message.IProtocolMessage): void {
    const key: WAMessageKey = { ...by, id: newStanzaId() };
    const message = proto.WebMessageInfo.fromObject({ key, message: { protocolMessage }, messageTimestamp: Math.floor(Date.now() / 1000) });
    this.emit('messages.upsert', { messages: [message], type: by.fromMe ? 'append' : 'notify' } as never);
  }

  /** A participant change (add, invite, remove, leave, promote, demote), applied to the group and emitted. */
  groupEvent(groupId: string, subtype: string, authorId: string, recipients: string[]): void {
    const action: ParticipantAction =
      subtype === 'add' || subtype === 'invite' ? 'add' : subtype === 'remove' || subtype === 'leave' ? 'remove' : (subtype as ParticipantAction);
    this.changeParticipants(groupId, authorId, recipients, action);
  }

  changeParticipants(groupId: string, authorId: string, recipients: string[], action: ParticipantAction): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`stand-in: no group ${groupId}`);
    for (const recipient of recipients) {
      const index = group.participants.findIndex((p) => p.id === recipient);
      if (action === 'add' && index < 0) group.participants.push({ id: recipient, isAdmin: false, isSuperAdmin: false });
      else if (action === 'remove' && index >= 0) group.participants.splice(index, 1);
      else if ((action === 'promote' || action === 'demote') && index >= 0) group.participants[index]!.isAdmin = action === 'promote';
    }
    this.emit('group-participants.update', {
      id: groupId,
      author: toBaileysJid(authorId),
      participants: recipients.map(toBaileysJid),
      action,
    } as never);
  }

  // ---- the socket's API ----

  async metadata(socket: StandinSocket, jid: string): Promise<GroupMetadata> {
    this.assertOpen(socket);
    this.metadataCount += 1;
    const group = this.groups.get(jid);
    if (!group) throw new Boom('item-not-found', { statusCode: 404, data: 404 });
    if (!this.isMember(jid)) throw new Boom('forbidden', { statusCode: 403, data: 403 });
    return {
      id: jid,
      owner: undefined,
      subject: group.name,
      size: group.participants.length,
      participants: group.participants.map((p) => ({
        id: toBaileysJid(p.id),
        admin: p.isSuperAdmin ? 'superadmin' : p.isAdmin ? 'admin' : null,
      })),
    };
  }

  async send(socket: StandinSocket, jid: string, content: AnyMessageContent, options: MiscMessageGenerationOptions = {}): Promise<proto.WebMessageInfo | undefined> {
    this.assertOpen(socket);
    if (this.sendFailure) {
      const failure = this.sendFailure;
      failure.after -= 1;
      if (failure.after < 0) {
        this.sendFailure = undefined;
        throw failure.error;
      }
    }
    if (!CHAT_JID.test(jid)) throw new Error(`stand-in: invalid jid ${jid}`);
    const chatId = toWebJid(jid);
    // Relaying to a group fetches its participants: a group we are not in cannot be written to.
    if (jid.endsWith('@g.us')) {
      if (!this.groups.has(chatId)) throw new Boom('item-not-found', { statusCode: 404, data: 404 });
      if (!this.isMember(chatId)) throw new Boom('forbidden', { statusCode: 403, data: 403 });
    }
    if ('delete' in content) return this.sendDelete(jid, content.delete);
    if ('edit' in content && content.edit) return this.sendEdit(jid, content);

    const mentions = 'mentions' in content && content.mentions ? content.mentions : [];
    const contextMentions = ('contextInfo' in content && content.contextInfo?.mentionedJid) || [];
    const allMentions = [...mentions, ...contextMentions];
    if (allMentions.some((m) => typeof m !== 'string' || !USER_JID.test(m))) throw new Error(`stand-in: mentions must be user jids, got ${JSON.stringify(allMentions)}`);
    const known = new Set(['text', 'mentions', 'image', 'video', 'audio', 'document', 'sticker', 'caption', 'mimetype', 'fileName', 'ptt', 'contextInfo']);
    for (const field of Object.keys(content)) if (!known.has(field)) throw new Error(`stand-in: unexpected content field ${field}`);

    let body = '';
    let media: (SentMedia & { caption?: string }) | undefined;
    let message: proto.IMessage;
    const contextInfo: proto.IContextInfo = {};
    if (allMentions.length > 0) contextInfo.mentionedJid = allMentions;
    const quoted = options.quoted;
    if (quoted?.key) {
      contextInfo.stanzaId = quoted.key.id;
      contextInfo.participant = quoted.key.fromMe ? this.botBaileysId.replace(/:\d+@/, '@') : (quoted.key.participant ?? quoted.key.remoteJid);
      contextInfo.quotedMessage = quoted.message;
    }
    if ('text' in content) {
      if (typeof content.text !== 'string' || content.text.length === 0) throw new Error('stand-in: empty message');
      if (content.text.length > WHATSAPP_TEXT_LIMIT) throw new Error(`stand-in: text of ${content.text.length} characters is over ${WHATSAPP_TEXT_LIMIT}`);
      body = content.text;
      message = { extendedTextMessage: { text: content.text, contextInfo } };
    } else {
      const file = this.checkMedia(content);
      media = file;
      body = file.caption ?? '';
      const part: Record<string, unknown> = {
        url: `https://mmg.whatsapp.net/v/t62.7118-24/${randomBytes(8).toString('hex')}.enc`,
        directPath: `/v/t62.7118-24/${randomBytes(8).toString('hex')}.enc?ccb=11-4`,
        mediaKey: randomBytes(32),
        mimetype: file.mimetype,
        fileLength: file.data.length,
        contextInfo,
      };
      if (file.type === 'ptt') part.ptt = true;
      if (file.caption) part.caption = file.caption;
      if (file.filename && file.type === 'document') part.fileName = file.filename;
      message = { [PART_OF[file.type]]: part };
    }
    const key: WAMessageKey = { remoteJid: jid, fromMe: true, id: newStanzaId() };
    const sent = proto.WebMessageInfo.fromObject({ key, message, messageTimestamp: Math.floor(Date.now() / 1000), status: proto.WebMessageInfo.Status.PENDING });
    const id = serializeKey(key);
    const record: SentRecord = {
      id,
      chatId,
      body,
      mentions: allMentions.map((m) => toWebJid(m)),
      edits: [],
      revoked: false,
      at: Date.now(),
    };
    if (media) {
      const { caption: _caption, ...rest } = media;
      record.media = rest;
      this.mediaBytes.set(id, media.data);
    }
    if (quoted?.key) record.quotedMessageId = serializeKey(quoted.key);
    this.sent.push(record);
    this.sentById.set(id, record);
    // Baileys emits what the socket itself sent as an 'append' upsert (emitOwnEvents).
    this.deliver(sent, 'append');
    return sent;
  }

  /** What WhatsApp makes of a file; refuses what it would not take. */
  private checkMedia(content: AnyMessageContent): SentMedia & { caption?: string } {
    const c = content as Record<string, unknown>;
    const [field] = ['image', 'video', 'audio', 'document', 'sticker'].filter((f) => f in c);
    if (!field) throw new Error('stand-in: no content to send');
    const data = c[field];
    if (!Buffer.isBuffer(data)) throw new Error('stand-in: media must be a Buffer');
    if (data.length === 0) throw new Error('stand-in: empty file');
    const type: MediaType = field === 'audio' ? (c.ptt ? 'ptt' : 'audio') : (field as MediaType);
    const mimetype = typeof c.mimetype === 'string' ? c.mimetype : DEFAULT_MIME_TYPES[type];
    if (type === 'sticker' && mimetype !== 'image/webp') throw new Error('stand-in: WhatsApp shows only WebP stickers');
    if (type === 'document' && typeof c.mimetype !== 'string') throw new Error('stand-in: a document needs its mime type');
    const limit = type === 'document' ? WHATSAPP_DOCUMENT_LIMIT : WHATSAPP_MEDIA_LIMIT;
    if (data.length > limit) throw new Error(`stand-in: ${type} of ${data.length} bytes is over WhatsApp's ${limit}`);
    const caption = c.caption;
    if (caption !== undefined) {
      if (typeof caption !== 'string') throw new Error('stand-in: caption must be a string');
      if (!CAPTIONED.has(type)) throw new Error(`stand-in: WhatsApp shows no caption on ${type} messages`);
      if (caption.length > WHATSAPP_CAPTION_LIMIT) throw new Error(`stand-in: caption of ${caption.length} characters is over ${WHATSAPP_CAPTION_LIMIT}`);
    }
    const sent: SentMedia & { caption?: string } = {
      type,
      mimetype,
      data,
      sendAudioAsVoice: type === 'ptt',
      sendMediaAsDocument: type === 'document',
      sendMediaAsSticker: type === 'sticker',
    };
    if (typeof c.fileName === 'string') sent.filename = c.fileName;
    if (typeof caption === 'string' && caption !== '') sent.caption = caption;
    return sent;
  }

  private async sendEdit(jid: string, content: AnyMessageContent): Promise<proto.WebMessageInfo> {
    const key = (content as { edit: WAMessageKey }).edit;
    const id = serializeKey(key);
    const stored = this.messages.get(id);
    const record = this.sentById.get(id);
    if (!stored || !record || !key.fromMe || stored.revoked) throw new Error('stand-in: WhatsApp refuses to edit this message');
    if (!('text' in content) || typeof content.text !== 'string' || content.text.length === 0) throw new Error('stand-in: bad edit text');
    const state = await this.messageState(id);
    const isFile = state !== null && state.type !== 'chat';
    if (isFile && !CAPTIONED.has(state.type)) throw new Error(`stand-in: WhatsApp shows no caption on ${state.type} messages`);
    if (content.text.length > (isFile ? WHATSAPP_CAPTION_LIMIT : WHATSAPP_TEXT_LIMIT)) throw new Error('stand-in: edit text too long');
    const mentions = 'mentions' in content && content.mentions ? content.mentions : [];
    const inner = stored.message.message ?? {};
    const part = inner.imageMessage ?? inner.videoMessage ?? inner.documentMessage;
    if (part) part.caption = content.text;
    else stored.message = { ...stored.message, message: { extendedTextMessage: { text: content.text } } };
    record.body = content.text;
    record.mentions = mentions.map((m) => toWebJid(m));
    record.edits.push(content.text);
    this.protocol({ remoteJid: jid, fromMe: true, id: key.id }, { type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT, key, editedMessage: { conversation: content.text } });
    this.emit('messages.update', [{ key, update: { message: { editedMessage: { message: { conversation: content.text } } } } }] as never);
    return proto.WebMessageInfo.fromObject({ key: { remoteJid: jid, fromMe: true, id: newStanzaId() }, message: { protocolMessage: { key, type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT } } });
  }

  private async sendDelete(jid: string, key: WAMessageKey): Promise<proto.WebMessageInfo> {
    const id = serializeKey(key);
    const stored = this.messages.get(id);
    const by: WAMessageKey = { remoteJid: jid, fromMe: true, id: newStanzaId() };
    if (stored && !stored.revoked) {
      const group = this.groups.get(toWebJid(jid));
      const weAreAdmin = group?.participants.some((p) => p.id === this.botId && (p.isAdmin || p.isSuperAdmin)) ?? false;
      if (!key.fromMe && !weAreAdmin) throw new Boom('not-authorized', { statusCode: 403, data: 403 });
      this.revoke(stored, by);
    }
    return proto.WebMessageInfo.fromObject({ key: by, message: { protocolMessage: { key, type: proto.Message.ProtocolMessage.Type.REVOKE } } });
  }
}
