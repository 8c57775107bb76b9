// The Baileys driver: WhatsApp over its WebSocket protocol, no browser. It serves the same WhatsAppClient interface as
// whatsapp-web.js (../client.ts), so the session (login, reconnect with backoff), sending, roles and files are the
// adapter's shared code; this file only translates.
//
// Life cycle, as the shared session drives it: initialize() opens a socket with the saved keys; destroy() closes it.
// - 'restartRequired' (right after the phone links the device) is the protocol's own restart: a new socket at once.
// - 'loggedOut' (the phone unlinked this device): the keys are useless and are cleared, 'disconnected' is told as
//   'LOGOUT', and a fresh socket offers a new QR code (as whatsapp-web.js does in its page).
// - anything else is told as 'disconnected' with the reason's name; the session reconnects with backoff and the saved
//   keys are kept, whatever the error.
//
// Baileys keeps no message store: the driver remembers the last messages it saw (bounded) so it can quote them, edit
// or delete them (a message it no longer remembers is still edited or deleted by its key) and fetch their files.
import { EventEmitter } from 'node:events';
import {
  DisconnectReason,
  WAMessageStubType,
  type AnyMessageContent,
  type BaileysEventMap,
  type GroupMetadata,
  type ParticipantAction,
  type UserFacingSocketConfig,
  type WAVersion,
  type WAMessage,
  type WAMessageKey,
  type WASocket,
} from '@whiskeysockets/baileys';
import type { MessageMedia, MessageSendOptions } from 'whatsapp-web.js';
import type pino from 'pino';
import type {
  WhatsAppChat,
  WhatsAppClient,
  WhatsAppClientEvents,
  WhatsAppEventName,
  WhatsAppGroupNotification,
  WhatsAppMessage,
} from '../client.js';
import { MessageMedia as Media } from '../media.js';
import type { WaMessageData } from '../raw.js';
import type { BaileysAuthStore } from './auth-store.js';
import { hasMedia, parseSerializedId, serializeKey, takesCaption, textOfContent, toBaileysJid, toWebJid, webMessageData } from './normalize.js';

/** The part of Baileys' socket the driver uses (the stand-in in tests/whatsapp/baileys-standin.ts serves the same). */
export type BaileysSocket = Pick<
  WASocket,
  'ev' | 'user' | 'sendMessage' | 'groupMetadata' | 'groupParticipantsUpdate' | 'requestPairingCode' | 'end' | 'updateMediaMessage'
>;

export interface BaileysDriverOptions {
  store: BaileysAuthStore;
  logger: pino.Logger;
  /** Log in with a pairing code sent to this phone number (international, digits only) instead of a QR code. */
  pairingPhone?: string;
  /** Opens a socket: Baileys' makeWASocket, or a stand-in in tests. */
  makeSocket(config: UserFacingSocketConfig): BaileysSocket;
  /** Fetches and decrypts a message's file: Baileys' downloadMediaMessage, or a stand-in in tests. */
  downloadMedia(message: WAMessage, socket: BaileysSocket): Promise<Buffer>;
  /** How many recent messages are remembered (quotes, edits, downloads). */
  recentMessages?: number;
  /**
   * The WhatsApp Web version to announce, asked before the first connection; undefined keeps the one Baileys ships.
   * WhatsApp refuses clients that announce a version too old, and Baileys' bundled one ages between releases.
   */
  latestVersion?: () => Promise<WAVersion | undefined>;
}

const RECENT_MESSAGES = 1_000;
/**
 * Group metadata is cached (every send to a group needs its participants) and kept in step by participant events;
 * it is also dropped at each reconnect (events missed while away) and refetched after this long in any case.
 */
const GROUP_METADATA_TTL_MS = 10 * 60_000;

/**
 * Baileys' own logger: its warnings and errors only (its info and debug lines are protocol chatter), and nothing the
 * bot's log level hides.
 */
export function libraryLogger(logger: pino.Logger): pino.Logger {
  return logger.child({ driver: 'baileys' }, { level: logger.levelVal > 40 ? logger.level : 'warn' });
}

function statusOf(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: number } } | undefined)?.output;
  return output?.statusCode;
}

function reasonName(status: number | undefined): string {
  if (status === undefined) return 'connectionClosed';
  return (DisconnectReason as unknown as Record<number, string>)[status] ?? `status ${status}`;
}

/** Keeps what a later download, quote or edit needs, without the inline thumbnails. */
function lean(message: WAMessage): WAMessage {
  const copy = structuredClone(message);
  const content = copy.message;
  if (content) {
    for (const part of Object.values(content) as ({ jpegThumbnail?: unknown } | null | undefined)[]) {
      if (part && typeof part === 'object' && 'jpegThumbnail' in part) delete part.jpegThumbnail;
    }
  }
  return copy;
}

export class BaileysClient extends EventEmitter implements WhatsAppClient {
  info: { wid: { _serialized: string } } | undefined;
  private socket: BaileysSocket | undefined;
  private readonly recent = new Map<string, WAMessage>();
  private readonly revoked = new Set<string>();
  private readonly groups = new Map<string, GroupMetadata & { fetchedAt?: number }>();
  private readonly limit: number;
  private version: WAVersion | undefined;

  constructor(private readonly options: BaileysDriverOptions) {
    super();
    this.limit = options.recentMessages ?? RECENT_MESSAGES;
  }

  override on<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override removeListener<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): this {
    return super.removeListener(event, listener as (...args: unknown[]) => void);
  }

  private tell<E extends WhatsAppEventName>(event: E, ...args: Parameters<WhatsAppClientEvents[E]>): void {
    this.emit(event, ...args);
  }

  private get botId(): string {
    return this.info?.wid._serialized ?? toWebJid(this.socket?.user?.id) ?? '';
  }

  // ---- life cycle ----

  async initialize(): Promise<void> {
    if (!this.version && this.options.latestVersion) {
      this.version = await this.options.latestVersion().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, "whatsapp: asking WhatsApp Web's version failed; using Baileys' own");
        return undefined;
      });
    }
    this.open();
  }

  async destroy(): Promise<void> {
    this.close();
    await this.options.store.flush();
  }

  private open(): void {
    const socket = this.options.makeSocket({
      auth: this.options.store.state,
      ...(this.version ? { version: this.version } : {}),
      logger: libraryLogger(this.options.logger),
      // The session prints the QR code itself (terminal and /whatsapp/qr).
      printQRInTerminal: false,
      // A bot answers; it does not need to look online, nor to receive the account's whole history.
      markOnlineOnConnect: false,
      syncFullHistory: false,
      shouldSyncHistoryMessage: () => false,
      cachedGroupMetadata: async (jid) => this.cachedGroup(jid),
      getMessage: async (key) => this.recent.get(serializeKey(key))?.message ?? undefined,
    });
    this.socket = socket;
    let pairingAsked = false;
    // Every handler checks that its socket is still the current one: a closed socket's late events are ignored.
    const current = () => this.socket === socket;
    socket.ev.on('creds.update', (update) => {
      if (!current()) return;
      this.options.store.saveCreds(update).catch((error: unknown) => this.options.logger.error({ err: error }, 'whatsapp: saving the login failed'));
    });
    socket.ev.on('connection.update', (update) => {
      if (!current()) return;
      if (update.qr) {
        if (this.options.pairingPhone && !this.options.store.registered) {
          if (pairingAsked) return;
          pairingAsked = true;
          socket
            .requestPairingCode(this.options.pairingPhone.replace(/[^0-9]/g, ''))
            .then((code) => current() && this.tell('code', code))
            .catch((error: unknown) => this.options.logger.warn({ err: error }, 'whatsapp: asking for a pairing code failed'));
        } else {
          this.tell('qr', update.qr);
        }
      }
      if (update.connection === 'open') this.onOpen(socket);
      if (update.connection === 'close') this.onClose(statusOf(update.lastDisconnect?.error));
    });
    socket.ev.on('messages.upsert', (upsert) => current() && this.onUpsert(upsert));
    socket.ev.on('chats.upsert', (chats) => current() && this.knowChats(chats.map((chat) => chat.id)));
    socket.ev.on('messaging-history.set', ({ chats }) => current() && this.knowChats(chats.map((chat) => chat.id)));
    socket.ev.on('messages.update', (updates) => current() && this.onUpdates(updates));
    socket.ev.on('group-participants.update', (update) => current() && this.onParticipants(update));
    socket.ev.on('groups.update', (updates) => {
      if (!current()) return;
      for (const update of updates) {
        const known = update.id ? this.groups.get(update.id) : undefined;
        if (known) Object.assign(known, { ...update, participants: known.participants });
      }
    });
  }

  private close(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.info = undefined;
    if (!socket) return;
    try {
      socket.end(undefined);
    } catch (error) {
      this.options.logger.debug({ err: error }, 'whatsapp: closing the socket failed');
    }
  }

  private cachedGroup(jid: string): GroupMetadata | undefined {
    const cached = this.groups.get(jid);
    if (cached && Date.now() - (cached.fetchedAt ?? 0) > GROUP_METADATA_TTL_MS) {
      this.groups.delete(jid);
      return undefined;
    }
    return cached;
  }

  private onOpen(socket: BaileysSocket): void {
    this.groups.clear();
    this.info = { wid: { _serialized: toWebJid(socket.user?.id) ?? '' } };
    this.tell('authenticated');
    this.tell('ready');
  }

  private onClose(status: number | undefined): void {
    this.close();
    if (status === DisconnectReason.restartRequired) {
      this.open();
      return;
    }
    if (status === DisconnectReason.loggedOut) {
      this.groups.clear();
      this.recent.clear();
      this.tell('disconnected', 'LOGOUT');
      this.options.store
        .clear()
        .then(() => this.open())
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'whatsapp: clearing the logged-out session failed'));
      return;
    }
    this.tell('disconnected', reasonName(status));
  }

  // ---- inbound ----

  private remember(message: WAMessage): void {
    if (!message.key) return;
    const id = serializeKey(message.key);
    this.recent.delete(id);
    this.recent.set(id, lean(message));
    while (this.recent.size > this.limit) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Remembers the one-to-one chats the account has: only those are written to, as with whatsapp-web.js. */
  private knowChats(jids: (string | null | undefined)[]): void {
    const users = jids.map((jid) => toWebJid(jid)).filter((jid): jid is string => jid !== undefined && (jid.endsWith('@c.us') || jid.endsWith('@lid')));
    this.options.store.addChats(users).catch((error: unknown) => this.options.logger.error({ err: error }, 'whatsapp: saving the chat list failed'));
  }

  /** Deleted message ids are remembered as long as messages are (bounded the same way). */
  private markRevoked(id: string): void {
    this.revoked.delete(id);
    this.revoked.add(id);
    while (this.revoked.size > this.limit) this.revoked.delete(this.revoked.values().next().value!);
  }

  private onUpsert({ messages, type }: BaileysEventMap['messages.upsert']): void {
    for (const message of messages) {
      if (!message.key?.remoteJid) continue;
      if (!message.key.remoteJid.endsWith('@g.us')) this.knowChats([message.key.remoteJid]);
      // Edits and deletions arrive again as 'messages.update'; reactions are not for Quartier.
      const content = message.message;
      if (content?.protocolMessage || content?.reactionMessage) continue;
      this.remember(message);
      const handle = this.handle(message);
      this.tell('message_create', handle);
      // 'append' is what this socket sent itself or history; only live messages from others are news.
      if (type === 'notify' && !message.key.fromMe) this.tell('message', handle);
    }
  }

  private onUpdates(updates: BaileysEventMap['messages.update']): void {
    for (const { key, update } of updates) {
      const id = serializeKey(key);
      const known = this.recent.get(id);
      const edited = update.message?.editedMessage?.message;
      if (edited) {
        const before = known ?? { key, message: edited, messageTimestamp: update.messageTimestamp };
        const prevBody = textOfContent(known?.message);
        const after: WAMessage = { ...before, message: this.withNewText(before.message ?? edited, edited) };
        this.remember(after);
        const handle = this.handle(after);
        const data = handle.rawData as WaMessageData;
        if (update.messageTimestamp) data.latestEditSenderTimestampMs = Number(update.messageTimestamp) * 1000;
        this.tell('message_edit', handle, textOfContent(edited), prevBody);
      } else if (update.message === null && update.messageStubType === WAMessageStubType.REVOKE) {
        this.markRevoked(id);
        const before = known ? this.handle(known) : undefined;
        const original = known ?? { key };
        const gone = this.handle({ ...original, message: undefined }, { revoked: true });
        this.tell('message_revoke_everyone', gone, before ?? null);
      }
    }
  }

  /** The earlier content with the edited text or caption in it (an edit carries the new text only). */
  private withNewText(earlier: NonNullable<WAMessage['message']>, edited: NonNullable<WAMessage['message']>): WAMessage['message'] {
    const text = textOfContent(edited);
    const copy = structuredClone(earlier);
    if (typeof copy.conversation === 'string' || (!copy.extendedTextMessage && !copy.imageMessage && !copy.videoMessage && !copy.documentMessage)) {
      return edited;
    }
    if (copy.extendedTextMessage) copy.extendedTextMessage.text = text;
    for (const media of [copy.imageMessage, copy.videoMessage, copy.documentMessage]) if (media) media.caption = text;
    return copy;
  }

  private onParticipants(update: BaileysEventMap['group-participants.update']): void {
    const group = toWebJid(update.id) ?? update.id;
    const recipients = update.participants.map((jid) => toWebJid(jid));
    const author = toWebJid(update.author);
    this.applyToCache(update.id, update.participants, update.action);
    // A member who removes themselves left; anyone else was removed.
    const type: string =
      update.action === 'remove' ? (recipients.length === 1 && recipients[0] === author ? 'leave' : 'remove') : update.action;
    const at = Math.floor(Date.now() / 1000);
    const stanza = `${at}-${Math.random().toString(36).slice(2, 10)}`;
    const notification: WhatsAppGroupNotification = {
      id: { fromMe: false, remote: group, id: stanza, _serialized: `false_${group}_${stanza}${author ? `_${author}` : ''}` },
      type,
      body: '',
      timestamp: at,
      chatId: group,
      recipientIds: recipients,
      ...(author ? { author } : {}),
    };
    if (update.action === 'add') this.tell('group_join', notification);
    else if (update.action === 'remove') this.tell('group_leave', notification);
    else if (update.action === 'promote' || update.action === 'demote') this.tell('group_admin_changed', notification);
  }

  /** Keeps the cached group metadata in step with a participant change (so sends and roles see it at once). */
  private applyToCache(groupJid: string, participants: string[], action: ParticipantAction): void {
    const metadata = this.groups.get(groupJid);
    if (!metadata) return;
    const same = (a: string, b: string) => toWebJid(a) === toWebJid(b);
    for (const jid of participants) {
      const index = metadata.participants.findIndex((p) => same(p.id, jid));
      if (action === 'add' && index < 0) metadata.participants.push({ id: jid, admin: null });
      else if (action === 'remove' && index >= 0) metadata.participants.splice(index, 1);
      else if ((action === 'promote' || action === 'demote') && index >= 0) {
        metadata.participants[index] = { ...metadata.participants[index]!, admin: action === 'promote' ? 'admin' : null };
      }
    }
    metadata.size = metadata.participants.length;
  }

  // ---- message handles, as whatsapp-web.js's Message ----

  private handle(message: WAMessage, state: { revoked?: boolean } = {}): WhatsAppMessage {
    const key = message.key ?? {};
    const id = serializeKey(key);
    const data = webMessageData(message, this.botId);
    const revoked = state.revoked === true || this.revoked.has(id);
    if (revoked) {
      Object.assign(data, { type: 'revoked', body: '', protocolMessageKey: data.id });
      for (const field of ['caption', 'directPath', 'mimetype', 'filename', 'size'] as const) delete data[field];
    }
    const withFile = !revoked && hasMedia(message);
    return {
      id: { _serialized: id },
      fromMe: Boolean(key.fromMe),
      hasMedia: withFile,
      rawData: data,
      edit: (content, options = {}) => this.editMessage(key, data.type, content, options.mentions ?? []),
      delete: (everyone) => this.deleteMessage(key, everyone === true),
      downloadMedia: () => this.download(id),
    };
  }

  private live(): BaileysSocket {
    // Same words as a closed whatsapp-web.js page: the shared code turns a throw into a transient failure.
    if (!this.socket || !this.info) throw new Error('whatsapp socket not connected');
    return this.socket;
  }

  private async editMessage(key: WAMessageKey, type: string, text: string, mentions: string[]): Promise<WhatsAppMessage | null> {
    const id = serializeKey(key);
    // As whatsapp-web.js: null for someone else's message, a deleted one, or a file whose type shows no caption.
    if (!key.fromMe || this.revoked.has(id) || (type !== 'chat' && type !== 'unknown' && !takesCaption(type))) return null;
    const socket = this.live();
    await socket.sendMessage(key.remoteJid!, { text, edit: key, ...(mentions.length > 0 ? { mentions: mentions.map(toBaileysJid) } : {}) });
    const known = this.recent.get(id);
    if (!known) return this.handle({ key, message: { conversation: text } });
    const after = { ...known, message: this.withNewText(known.message ?? {}, { conversation: text }) };
    this.remember(after);
    return this.handle(after);
  }

  private async deleteMessage(key: WAMessageKey, everyone: boolean): Promise<void> {
    // Deleting for ourselves only has no meaning for a bot with no screen: only deletion for everyone is sent.
    if (!everyone) return;
    const socket = this.live();
    await socket.sendMessage(key.remoteJid!, { delete: key });
    this.markRevoked(serializeKey(key));
  }

  private async download(id: string): Promise<MessageMedia> {
    const socket = this.live();
    const message = this.recent.get(id);
    if (!message || this.revoked.has(id) || !hasMedia(message)) return undefined as unknown as MessageMedia;
    const data = webMessageData(message, this.botId);
    let bytes: Buffer;
    try {
      bytes = await this.options.downloadMedia(message, socket);
    } catch (error) {
      // Gone from WhatsApp's servers (404/410) even after asking the sender's phone to upload it again.
      const status = statusOf(error) ?? (error as { status?: number }).status;
      if (status === 404 || status === 410) return undefined as unknown as MessageMedia;
      throw error;
    }
    return new Media(data.mimetype ?? 'application/octet-stream', bytes.toString('base64'), data.filename ?? null, bytes.length);
  }

  // ---- the API the adapter calls ----

  async sendMessage(chatId: string, content: string | MessageMedia, options: MessageSendOptions = {}): Promise<WhatsAppMessage> {
    const socket = this.live();
    const jid = toBaileysJid(chatId);
    const mentions = (options.mentions ?? []).filter((m): m is string => typeof m === 'string').map(toBaileysJid);
    const quoted = options.quotedMessageId ? this.recent.get(options.quotedMessageId) : undefined;
    const message = typeof content === 'string' ? { text: content, ...(mentions.length > 0 ? { mentions } : {}) } : this.mediaContent(content, options, mentions);
    // An unknown quote is dropped and the message still goes, as whatsapp-web.js does by default.
    const sent = await socket.sendMessage(jid, message, quoted && quoted.key?.remoteJid === jid ? { quoted } : {});
    if (!sent) return undefined as unknown as WhatsAppMessage;
    this.remember(sent);
    return this.handle(sent);
  }

  /** The Baileys content for a file, by the same rules whatsapp-web.js applies to its send options. */
  private mediaContent(media: MessageMedia, options: MessageSendOptions, mentions: string[]): AnyMessageContent {
    const data = Buffer.from(media.data, 'base64');
    const mimetype = media.mimetype;
    const top = mimetype.split('/')[0];
    const caption = options.caption ? { caption: options.caption } : {};
    const mentioned = mentions.length > 0 ? { mentions } : {};
    if (options.sendMediaAsSticker) {
      // Baileys sends a sticker as given and WhatsApp shows only WebP ones; without an image converter, any other
      // image goes as a photo so it still arrives.
      if (mimetype.startsWith('image/webp')) return { sticker: data, mimetype: 'image/webp' };
      return { image: data, mimetype };
    }
    if (options.sendMediaAsDocument || !['image', 'video', 'audio'].includes(top ?? '')) {
      const context = mentions.length > 0 ? { contextInfo: { mentionedJid: mentions } } : {};
      return { document: data, mimetype, fileName: media.filename ?? 'file', ...caption, ...context };
    }
    if (top === 'image') return { image: data, mimetype, ...caption, ...mentioned };
    if (top === 'video') return { video: data, mimetype, ...caption, ...mentioned };
    return { audio: data, mimetype, ptt: options.sendAudioAsVoice === true };
  }

  async getChatById(chatId: string): Promise<WhatsAppChat> {
    const socket = this.live();
    // Writing first to someone who never wrote to the account is what WhatsApp bans numbers for: as whatsapp-web.js,
    // a one-to-one chat the account does not have is not found.
    if (!chatId.endsWith('@g.us')) return (this.options.store.hasChat(chatId) ? { isGroup: false, isReadOnly: false } : undefined) as WhatsAppChat;
    let metadata = this.cachedGroup(chatId);
    if (!metadata) {
      try {
        metadata = await socket.groupMetadata(chatId);
      } catch (error) {
        // WhatsApp answers 404 for a group that does not exist and 403 for one we are not in (or were removed from).
        const status = statusOf(error) ?? (error as { data?: number }).data;
        if (status === 404 || status === 403) return undefined as unknown as WhatsAppChat;
        throw error;
      }
      this.groups.set(chatId, { ...metadata, fetchedAt: Date.now() });
    }
    const own = this.botId;
    const ownLid = toWebJid(socket.user?.lid);
    const participants = metadata.participants.map((p) => {
      const id = toWebJid(p.id);
      return {
        // A group that names members by their LID names us by ours: shared code knows us by our phone id.
        id: { _serialized: ownLid !== undefined && id === ownLid ? own : id },
        isAdmin: p.admin === 'admin' || p.admin === 'superadmin' || p.isAdmin === true,
        isSuperAdmin: p.admin === 'superadmin' || p.isSuperAdmin === true,
      };
    });
    return {
      isGroup: true,
      isReadOnly: !participants.some((p) => p.id._serialized === own),
      participants,
      removeParticipants: (ids: string[]) => this.removeParticipants(chatId, ids),
    };
  }

  async getMessageById(messageId: string): Promise<WhatsAppMessage> {
    this.live();
    const key = parseSerializedId(messageId);
    if (!key) throw new Error('Invalid serialized message id specified');
    const known = this.recent.get(messageId);
    // A message no longer remembered can still be edited or deleted by its key; its content and file are unknown.
    return known ? this.handle(known) : this.handle({ key });
  }

  /**
   * Removes members from a group (the bot must be a group admin). WhatsApp answers a status per member rather than
   * failing; a refusal throws, as whatsapp-web.js's removeParticipants does ('not-authorized' for a non-admin), so the
   * adapter never takes a refused removal for a done one.
   */
  async removeParticipants(chatId: string, userIds: string[]): Promise<Record<string, { code: number }>> {
    const socket = this.live();
    const results = await socket.groupParticipantsUpdate(chatId, userIds.map(toBaileysJid), 'remove');
    const codes: Record<string, { code: number }> = Object.fromEntries(results.map((r) => [toWebJid(r.jid), { code: Number(r.status) }]));
    const refused = Object.entries(codes).filter(([, { code }]) => code !== 200);
    if (refused.length > 0) {
      const reason = refused.every(([, { code }]) => code === 403) ? 'not-authorized' : `status ${refused.map(([, { code }]) => code).join(', ')}`;
      throw new Error(`whatsapp refused removing ${refused.length} of ${userIds.length} member(s): ${reason}`);
    }
    return codes;
  }
}
