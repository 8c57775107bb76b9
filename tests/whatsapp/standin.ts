// A stand-in for whatsapp-web.js's Client: no browser, no WhatsApp Web, but the same events, the same objects (real
// whatsapp-web.js Message, GroupChat, PrivateChat and GroupNotification instances built from raw data, as the Client
// builds them) and the same run-time answers (undefined for an unknown chat, null for an unknown message, a thrown
// error when the browser is closed). Like the real Client it drives its auth strategy, so a real LocalAuth creates
// and keeps its session folder here too.
//
// It rejects what a real session would not deliver: malformed ids, texts over WhatsApp's 65,536 characters,
// mentions that are not user ids, unknown send options (a misspelt option would silently do nothing for real), files
// that are empty or over WhatsApp's limits, and captions WhatsApp would not show.
//
// Files: sendMessage takes a real MessageMedia and records the bytes (SentRecord.media); receiveGroupMedia() makes a
// user post a photo, voice note, document or sticker, whose Message.downloadMedia() gives the bytes back.
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wa from 'whatsapp-web.js';
import type { AuthStrategy, Chat, ClientOptions, Message, MessageMedia, MessageSendOptions } from 'whatsapp-web.js';
import type { WhatsAppClient, WhatsAppClientEvents, WhatsAppEventName } from '../../adapters/whatsapp/client.js';
import type { WaMessageData } from '../../adapters/whatsapp/raw.js';
import { realChat, realGroupNotification, realMessage } from './fixtures.js';

export const WHATSAPP_TEXT_LIMIT = 65_536;
/** The caption limit WhatsApp's Business Platform documents; held to here so an adapter relying on more shows up. */
export const WHATSAPP_CAPTION_LIMIT = 1_024;
/** WhatsApp's limits on files: 16 MB for media (photos, videos, audio, voice notes, stickers), 100 MB for documents. */
export const WHATSAPP_MEDIA_LIMIT = 16 * 1024 * 1024;
export const WHATSAPP_DOCUMENT_LIMIT = 100 * 1024 * 1024;
/** WhatsApp's message types for files. `ptt` ("push to talk") is a voice note. */
export type MediaType = 'image' | 'video' | 'audio' | 'ptt' | 'document' | 'sticker';
/** The types WhatsApp shows a caption on (and lets the sender edit it); voice notes, audio and stickers have none. */
const CAPTIONED = new Set<string>(['image', 'video', 'document']);
/** What WhatsApp Web keeps in `body` for a photo, video or document: a base64 JPEG thumbnail (a stand-in one here). */
const THUMBNAIL = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQ';
const SEND_OPTIONS = new Set([
  'linkPreview', 'sendAudioAsVoice', 'sendVideoAsGif', 'sendMediaAsSticker', 'sendMediaAsDocument', 'sendMediaAsHd',
  'isViewOnce', 'parseVCards', 'caption', 'quotedMessageId', 'mentions', 'groupMentions', 'sendSeen',
  'invokedBotWid', 'media', 'extra', 'stickerName', 'stickerAuthor', 'stickerCategories', 'ignoreQuoteErrors',
  'waitUntilMsgSent',
]);
const USER_JID = /^[0-9]{5,20}@(c\.us|lid)$/;
const CHAT_JID = /^([0-9]{5,20}@(c\.us|lid)|[0-9]{10,25}(-[0-9]+)?@g\.us)$/;

export interface StandinParticipant {
  id: string;
  isAdmin?: boolean;
  isSuperAdmin?: boolean;
}

interface StandinGroup {
  name: string;
  participants: Required<StandinParticipant>[];
}

/** A file the bot sent, as WhatsApp would show it. */
export interface SentMedia {
  /** The message type WhatsApp made of it: image, video, audio, ptt (voice note), document or sticker. */
  type: MediaType;
  /** As sent; a sticker is image/webp (whatsapp-web.js converts the image; the stand-in keeps the bytes as they came). */
  mimetype: string;
  /** The MessageMedia's file name; WhatsApp shows it on documents only. */
  filename?: string;
  /** The decoded bytes. */
  data: Buffer;
  /** The send options that chose the type, as passed. */
  sendAudioAsVoice: boolean;
  sendMediaAsDocument: boolean;
  sendMediaAsSticker: boolean;
}

/** One message the bot sent, as the stand-in recorded it. */
export interface SentRecord {
  id: string;
  chatId: string;
  /** The text, or a file's caption ('' for a file without one): what Message.body shows. */
  body: string;
  /** Set when the message is a file. */
  media?: SentMedia;
  /** The quoted message id, when the quote was applied (an unknown id is dropped, as ignoreQuoteErrors does). */
  quotedMessageId?: string;
  mentions: string[];
  /** Each edit's new text (or new caption), in order. */
  edits: string[];
  revoked: boolean;
  /** When it was sent, by the stand-in's clock (Date.now(), so fake timers apply). */
  at: number;
}

type Phase = 'closed' | 'waiting-login' | 'ready';

/** A file a user posts (receiveGroupMedia). */
export interface IncomingMedia {
  type: MediaType;
  data: Buffer;
  /** Defaults: image/jpeg, video/mp4, audio/mpeg, `audio/ogg; codecs=opus` for ptt, application/pdf, image/webp. */
  mimetype?: string;
  /** Kept on documents only, as WhatsApp does. */
  filename?: string;
  /** Shown on image, video and document only. */
  caption?: string;
}

const DEFAULT_MIME_TYPES: Record<MediaType, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/mpeg',
  ptt: 'audio/ogg; codecs=opus',
  document: 'application/pdf',
  sticker: 'image/webp',
};

/** A message deleted for everyone: its text and file are gone, its id stays. */
function revokedData(data: WaMessageData): WaMessageData {
  const { directPath: _path, mediaKey: _key, caption: _caption, mimetype: _mime, filename: _name, size: _size, ...rest } = data;
  return { ...rest, type: 'revoked', body: '', protocolMessageKey: data.id };
}

/** The message type WhatsApp Web makes of a file, as its media preparation picks it from the options and mime type. */
function mediaTypeOf(mimetype: string, options: MessageSendOptions): MediaType {
  if (options.sendMediaAsSticker) return 'sticker';
  if (options.sendMediaAsDocument) return 'document';
  const top = mimetype.split('/')[0];
  if (top === 'image') return 'image';
  if (top === 'video') return 'video';
  if (top === 'audio') return options.sendAudioAsVoice ? 'ptt' : 'audio';
  return 'document';
}

let counter = 0;
function newStanzaId(): string {
  counter += 1;
  return `3EB0${counter.toString(16).toUpperCase().padStart(16, '0')}`;
}

export class StandinClient extends EventEmitter implements WhatsAppClient {
  readonly options: ClientOptions & { puppeteer: Record<string, unknown> };
  info: { wid: { server: string; user: string; _serialized: string }; pushname: string } | undefined;
  readonly sent: SentRecord[] = [];
  /** How many times the "browser" was launched. */
  initializeCount = 0;
  destroyCount = 0;
  qrCount = 0;
  /** Every initialize() call fails with this error while set (a browser that cannot launch). */
  failInitialize: Error | undefined;
  /** How many times a Message's downloadMedia() reached WhatsApp (a file refused by its size never does). */
  downloadCount = 0;
  /** Ids of messages deleted for everyone, as the world saw them go. */
  readonly revokedForEveryone: string[] = [];

  private phase: Phase = 'closed';
  private readonly groups = new Map<string, StandinGroup>();
  private readonly contacts = new Set<string>();
  /** Raw data of every message this session has seen, by serialised id. */
  private readonly messages = new Map<string, WaMessageData>();
  private readonly sentById = new Map<string, SentRecord>();
  /** The file behind each media message this session has seen, by serialised id, while WhatsApp still has it. */
  private readonly mediaBytes = new Map<string, Buffer>();
  private sendFailure: { after: number; error: Error } | undefined;
  private loggedIn = false;
  /** People the bot removed from a group, in order. */
  readonly removals: { groupId: string; userId: string }[] = [];
  /**
   * The browser page, as far as the library's own GroupChat methods use it: GroupChat.removeParticipants() runs
   * WhatsApp Web's participant action through pupPage.evaluate(), and that is what the stand-in answers here.
   */
  readonly pupPage = { evaluate: (fn: unknown, ...args: unknown[]): Promise<unknown> => this.evaluateInPage(fn, args) };

  constructor(
    readonly botId: string,
    options: ClientOptions = {},
  ) {
    super();
    this.options = { ...options, puppeteer: { ...(options.puppeteer ?? {}) } };
    this.auth?.setup(this as unknown as wa.Client);
  }

  private get auth(): AuthStrategy | undefined {
    return this.options.authStrategy;
  }

  /** Where LocalAuth keeps the browser profile, once initialize() has run. */
  get userDataDir(): string | undefined {
    return this.options.puppeteer.userDataDir as string | undefined;
  }

  private get sessionMarker(): string | undefined {
    return this.userDataDir ? join(this.userDataDir, 'Default', 'standin-session') : undefined;
  }

  /** A saved login exists: in the LocalAuth folder when there is one, in memory otherwise. */
  private hasSavedSession(): boolean {
    const marker = this.sessionMarker;
    return marker ? existsSync(marker) : this.loggedIn;
  }

  override on<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override removeListener<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): this {
    return super.removeListener(event, listener as (...args: unknown[]) => void);
  }

  // ---- lifecycle, as Client.initialize/destroy do it ----

  async initialize(): Promise<void> {
    if (this.phase !== 'closed') throw new Error('stand-in: initialize() while the browser is already running');
    this.initializeCount += 1;
    await this.auth?.beforeBrowserInitialized();
    if (this.failInitialize) throw this.failInitialize;
    this.phase = 'waiting-login';
    await this.auth?.afterBrowserInitialized();
    // The real initialize() resolves once WhatsApp Web is loaded; login events follow.
    setImmediate(() => {
      if (this.phase !== 'waiting-login') return;
      if (this.hasSavedSession()) this.becomeReady();
      else this.askForLogin();
    });
  }

  async destroy(): Promise<void> {
    this.destroyCount += 1;
    this.phase = 'closed';
    await this.auth?.destroy();
  }

  private askForLogin(): void {
    const pairing = this.options.pairWithPhoneNumber;
    if (pairing?.phoneNumber) {
      this.emit('code', 'QRTR5TND');
    } else {
      this.qrCount += 1;
      this.emit('qr', `2@standin${this.qrCount},c3RhbmQtaW4=,a2V5,aWQ=`);
    }
  }

  private becomeReady(): void {
    this.phase = 'ready';
    const [user = '', server = ''] = this.botId.split('@');
    this.info = { wid: { server, user, _serialized: this.botId }, pushname: 'Quartier' };
    this.emit('authenticated');
    this.emit('ready');
  }

  /** The phone scanned the QR code (or typed the pairing code): the login is saved in the session folder. */
  scanQr(): void {
    if (this.phase !== 'waiting-login') throw new Error('stand-in: no QR code is showing');
    this.loggedIn = true;
    const marker = this.sessionMarker;
    if (marker) {
      mkdirSync(join(marker, '..'), { recursive: true });
      writeFileSync(marker, 'logged in\n');
    }
    this.becomeReady();
  }

  /**
   * What the real Client does when WhatsApp Web leaves an accepted state (CONFLICT, UNPAIRED, TIMEOUT…): tell the auth
   * strategy, emit 'disconnected', close the browser without waiting. 'LOGOUT' (unlinked from the phone) instead
   * deletes the LocalAuth folder and shows a new QR code in the same browser, as Client's framenavigated handler does.
   */
  async simulateDisconnect(reason = 'CONFLICT'): Promise<void> {
    if (reason === 'LOGOUT') {
      this.emit('disconnected', 'LOGOUT');
      await this.auth?.logout();
      this.loggedIn = false;
      this.phase = 'waiting-login';
      this.askForLogin();
      return;
    }
    await this.auth?.disconnect();
    this.emit('disconnected', reason);
    void this.destroy();
  }

  get isReady(): boolean {
    return this.phase === 'ready';
  }

  private assertBrowser(): void {
    // The real Client calls pupPage.evaluate(); with the browser closed that rejects like this.
    if (this.phase !== 'ready') throw new Error('Protocol error (Runtime.callFunctionOn): Session closed.');
  }

  // ---- the world the bot lives in ----

  addGroup(id: string, name: string, participants: StandinParticipant[], options: { withBot?: boolean } = {}): void {
    if (!CHAT_JID.test(id) || !id.endsWith('@g.us')) throw new Error(`stand-in: bad group id ${id}`);
    const members = participants.map((p) => ({ id: p.id, isAdmin: p.isAdmin ?? false, isSuperAdmin: p.isSuperAdmin ?? false }));
    if (options.withBot !== false) members.push({ id: this.botId, isAdmin: false, isSuperAdmin: false });
    this.groups.set(id, { name, participants: members });
  }

  addContact(id: string): void {
    this.contacts.add(id);
  }

  setAdmin(groupId: string, userId: string, admin: boolean): void {
    const member = this.groups.get(groupId)?.participants.find((p) => p.id === userId);
    if (member) member.isAdmin = admin;
  }

  /** Lets `after` more sendMessage() calls through, then fails one as the page would (a crashed tab), once. */
  failSendAfter(after: number, error = new Error('Protocol error (Runtime.callFunctionOn): Target closed.')): void {
    this.sendFailure = { after, error };
  }

  /** WhatsApp no longer has this message's file (expired from its servers): downloadMedia() resolves undefined. */
  expireMedia(serializedId: string): void {
    this.mediaBytes.delete(serializedId);
  }

  private isMember(groupId: string): boolean {
    return this.groups.get(groupId)?.participants.some((p) => p.id === this.botId) ?? false;
  }

  // ---- inbound events ----

  /** Someone else posts in a group: 'message_create' then 'message', as the Client emits them. Returns the raw data. */
  receiveGroupMessage(
    groupId: string,
    authorId: string,
    body: string,
    extra: Partial<WaMessageData> & { notifyName?: string; replyTo?: string } = {},
  ): WaMessageData {
    const { replyTo, ...fields } = extra;
    // A forwarding score is only on a forwarded message.
    if (fields.forwardingScore !== undefined) fields.isForwarded ??= fields.forwardingScore > 0;
    const data = this.groupMessageData(groupId, authorId, { body, type: 'chat', ...fields });
    // A reply quotes the message by its own id and author, as WhatsApp Web's model holds it.
    const quoted = replyTo ? this.messages.get(replyTo) : undefined;
    if (quoted) {
      data.quotedStanzaID = quoted.id.id;
      data.quotedParticipant = quoted.author ?? quoted.from;
      data.quotedMsg = { type: quoted.type, body: quoted.body ?? '' };
    }
    this.deliver(data);
    return data;
  }

  /**
   * Someone else posts a file in a group, delivered as whatsapp-web.js delivers it: a Message with hasMedia, its type
   * (image, video, audio, ptt, document, sticker), and rawData with mimetype, filename, size and caption; its
   * downloadMedia() gives `media.data` back. `extra` overrides raw fields (e.g. `{ size }` to claim a larger file).
   */
  receiveGroupMedia(
    groupId: string,
    authorId: string,
    media: IncomingMedia,
    extra: Partial<WaMessageData> & { notifyName?: string } = {},
  ): WaMessageData {
    const mimetype = media.mimetype ?? DEFAULT_MIME_TYPES[media.type];
    const fields = this.mediaFields(media.type, media.data, mimetype, media.filename, media.caption);
    const data = this.groupMessageData(groupId, authorId, { ...fields, ...extra });
    this.mediaBytes.set(data.id._serialized, media.data);
    this.deliver(data);
    return data;
  }

  private groupMessageData(groupId: string, authorId: string, fields: Partial<WaMessageData> & { type: string }): WaMessageData {
    const stanza = newStanzaId();
    return {
      id: { fromMe: false, remote: groupId, id: stanza, participant: authorId, _serialized: `false_${groupId}_${stanza}_${authorId}` },
      t: Math.floor(Date.now() / 1000),
      notifyName: fields.notifyName ?? authorId.split('@')[0],
      from: groupId,
      to: this.botId,
      author: authorId,
      ack: 1,
      isNewMsg: true,
      broadcast: false,
      mentionedJidList: [],
      groupMentions: [],
      isForwarded: false,
      links: [],
      ...fields,
    };
  }

  /**
   * The fields WhatsApp Web's message model has for a file. `directPath` is what makes whatsapp-web.js's Message say
   * hasMedia; `body` holds a thumbnail for photos, videos and documents; documents keep their file name.
   */
  private mediaFields(type: MediaType, data: Buffer, mimetype: string, filename?: string, caption?: string): Partial<WaMessageData> & { type: string } {
    const fields: Partial<WaMessageData> & { type: string } = {
      type,
      body: CAPTIONED.has(type) ? THUMBNAIL : '',
      directPath: `/v/t62.7118-24/${randomBytes(8).toString('hex')}.enc?ccb=11-4`,
      mimetype,
      size: data.length,
      filehash: createHash('sha256').update(data).digest('base64'),
      mediaKey: randomBytes(32).toString('base64'),
      mediaKeyTimestamp: Math.floor(Date.now() / 1000),
      isViewOnce: false,
    };
    if (type === 'document' && filename) fields.filename = filename;
    if (caption) fields.caption = caption;
    return fields;
  }

  /** A direct message to the bot. */
  receivePrivateMessage(fromId: string, body: string, extra: Partial<WaMessageData> = {}): WaMessageData {
    const stanza = newStanzaId();
    const data: WaMessageData = {
      id: { fromMe: false, remote: fromId, id: stanza, _serialized: `false_${fromId}_${stanza}` },
      body,
      type: 'chat',
      t: Math.floor(Date.now() / 1000),
      notifyName: fromId.split('@')[0],
      from: fromId,
      to: this.botId,
      ack: 1,
      isNewMsg: true,
      mentionedJidList: [],
      links: [],
      ...extra,
    };
    this.contacts.add(fromId);
    this.deliver(data);
    return data;
  }

  /** Emits a message the way the Client's onAddMessageEvent does. */
  deliver(data: WaMessageData): void {
    this.messages.set(data.id._serialized, data);
    const message = this.wrap(data);
    this.emit('message_create', message);
    if (!data.id.fromMe) this.emit('message', message);
  }

  editIncoming(serializedId: string, newBody: string): void {
    const data = this.messages.get(serializedId);
    if (!data) throw new Error(`stand-in: no message ${serializedId}`);
    const prevBody = data.body ?? '';
    data.body = newBody;
    data.latestEditSenderTimestampMs = Date.now();
    this.emit('message_edit', this.wrap(data), newBody, prevBody);
  }

  revokeIncoming(serializedId: string): void {
    const data = this.messages.get(serializedId);
    if (!data) throw new Error(`stand-in: no message ${serializedId}`);
    const before = structuredClone(data);
    const revoked = revokedData(data);
    this.messages.set(serializedId, revoked);
    this.mediaBytes.delete(serializedId);
    this.revokedForEveryone.push(serializedId);
    this.emit('message_revoke_everyone', this.wrap(revoked), this.wrap(before));
  }

  /**
   * WhatsApp Web's participant removal, as GroupChat.removeParticipants() calls it: ids that are not participants are
   * skipped; only a group admin may remove anyone, and nobody may remove the group's creator (the server answers
   * not-authorized, which the page throws). Removed people get the 'remove' notification, authored by the bot.
   */
  private async evaluateInPage(fn: unknown, args: unknown[]): Promise<unknown> {
    this.assertBrowser();
    const source = String(fn);
    if (!(source.includes('WAWebModifyParticipantsGroupAction') && source.includes('.removeParticipants('))) {
      throw new Error('stand-in: only GroupChat.removeParticipants is emulated in the page');
    }
    const [chatId, ids] = args as [string, string[]];
    const group = this.groups.get(chatId);
    if (!group || !this.isMember(chatId)) throw new Error(`Evaluation failed: Error: chat ${chatId} not found`);
    const found = group.participants.filter((p) => ids.includes(p.id));
    const weAreAdmin = group.participants.some((p) => p.id === this.botId && (p.isAdmin || p.isSuperAdmin));
    if (found.length > 0 && (!weAreAdmin || found.some((p) => p.isSuperAdmin))) throw new Error('Evaluation failed: Error: not-authorized');
    if (found.length === 0) return { status: 200 };
    for (const p of found) this.removals.push({ groupId: chatId, userId: p.id });
    this.groupEvent(chatId, 'remove', this.botId, found.map((p) => p.id));
    return { status: 200 };
  }

  /** Whether someone is in a group now. */
  isParticipant(groupId: string, userId: string): boolean {
    return this.groups.get(groupId)?.participants.some((p) => p.id === userId) ?? false;
  }

  /** What a WhatsApp user sees of a message: its type, whether it has a file, its text or caption. */
  async messageState(serializedId: string): Promise<{ type: string; hasMedia: boolean; body: string } | null> {
    const message = await this.getMessageById(serializedId);
    return message ? { type: message.type, hasMedia: message.hasMedia, body: message.body } : null;
  }

  /** A gp2 notification (add, invite, remove, leave, promote, demote), applied to the group and emitted. */
  groupEvent(groupId: string, subtype: string, authorId: string, recipients: string[]): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`stand-in: no group ${groupId}`);
    for (const recipient of recipients) {
      const index = group.participants.findIndex((p) => p.id === recipient);
      if ((subtype === 'add' || subtype === 'invite') && index < 0) {
        group.participants.push({ id: recipient, isAdmin: false, isSuperAdmin: false });
      } else if ((subtype === 'remove' || subtype === 'leave') && index >= 0) {
        group.participants.splice(index, 1);
      } else if ((subtype === 'promote' || subtype === 'demote') && index >= 0) {
        group.participants[index]!.isAdmin = subtype === 'promote';
      }
    }
    const stanza = `${Math.floor(Date.now() / 1000)}-${newStanzaId()}`;
    const raw = {
      id: { fromMe: false, remote: groupId, id: stanza, participant: authorId, _serialized: `false_${groupId}_${stanza}_${authorId}` },
      type: 'gp2',
      subtype,
      t: Math.floor(Date.now() / 1000),
      body: '',
      from: groupId,
      to: this.botId,
      author: authorId,
      recipients,
    };
    const event = subtype === 'add' || subtype === 'invite' ? 'group_join'
      : subtype === 'remove' || subtype === 'leave' ? 'group_leave'
        : 'group_admin_changed';
    this.emit(event, realGroupNotification(this, raw));
  }

  // ---- the API the adapter calls ----

  async sendMessage(chatId: string, content: string | MessageMedia, options: MessageSendOptions = {}): Promise<Message> {
    this.assertBrowser();
    if (this.sendFailure) {
      const failure = this.sendFailure;
      failure.after -= 1;
      if (failure.after < 0) {
        this.sendFailure = undefined;
        throw failure.error;
      }
    }
    if (typeof chatId !== 'string' || !CHAT_JID.test(chatId)) throw new Error(`Evaluation failed: invalid wid ${String(chatId)}`);
    for (const key of Object.keys(options)) {
      if (!SEND_OPTIONS.has(key)) throw new Error(`stand-in: unknown send option ${key}`);
    }
    // The Client tells a file by `instanceof MessageMedia`: a look-alike object would be sent as text.
    const file = content instanceof wa.MessageMedia ? this.checkMedia(content, options) : undefined;
    if (!file) {
      if (typeof content !== 'string') throw new Error('stand-in: content must be a text or a MessageMedia');
      if (content.length === 0) throw new Error('stand-in: empty message');
      if (content.length > WHATSAPP_TEXT_LIMIT) throw new Error(`stand-in: text of ${content.length} characters is over ${WHATSAPP_TEXT_LIMIT}`);
    }
    const mentions = options.mentions ?? [];
    if (!Array.isArray(mentions) || mentions.some((m) => typeof m !== 'string' || !USER_JID.test(m))) {
      throw new Error(`stand-in: mentions must be user ids, got ${JSON.stringify(mentions)}`);
    }
    // The real getChat() finds nothing for a chat this account does not have: sendMessage resolves to undefined.
    if (chatId.endsWith('@g.us') ? !this.groups.has(chatId) : !this.contacts.has(chatId)) {
      return undefined as unknown as Message;
    }
    if (chatId.endsWith('@g.us') && !this.isMember(chatId)) {
      throw new Error('Evaluation failed: not a participant of this group');
    }

    let quoted: WaMessageData | undefined;
    if (options.quotedMessageId !== undefined) {
      quoted = this.messages.get(options.quotedMessageId);
      // ignoreQuoteErrors defaults to true: an unknown quote is dropped, the message still goes.
      if (quoted && (quoted.id.remote as string) !== chatId) quoted = undefined;
      if (!quoted && options.ignoreQuoteErrors === false) throw new Error('Evaluation failed: quoted message not found');
    }

    const stanza = newStanzaId();
    const caption = file ? (options.caption ?? '') : '';
    const data: WaMessageData = {
      id: { fromMe: true, remote: chatId, id: stanza, _serialized: `true_${chatId}_${stanza}` },
      body: typeof content === 'string' ? content : '',
      type: 'chat',
      t: Math.floor(Date.now() / 1000),
      from: this.botId,
      to: chatId,
      author: chatId.endsWith('@g.us') ? this.botId : undefined,
      ack: 0,
      isNewMsg: true,
      mentionedJidList: [...mentions],
      links: [],
      ...(file ? this.mediaFields(file.type, file.data, file.mimetype, file.filename, caption) : {}),
    };
    if (quoted) {
      data.quotedStanzaID = quoted.id.id;
      data.quotedParticipant = quoted.author ?? quoted.from;
      data.quotedMsg = { type: quoted.type, body: quoted.directPath ? (quoted.caption ?? '') : (quoted.body ?? '') };
    }
    const record: SentRecord = {
      id: data.id._serialized,
      chatId,
      body: file ? caption : (content as string),
      mentions: [...mentions],
      edits: [],
      revoked: false,
      at: Date.now(),
    };
    if (file) {
      record.media = file;
      this.mediaBytes.set(record.id, file.data);
    }
    if (quoted) record.quotedMessageId = quoted.id._serialized;
    this.sent.push(record);
    this.sentById.set(record.id, record);
    // Our own messages come back as 'message_create' only, as they do for real.
    this.deliver(data);
    return this.wrap(data);
  }

  /** Refuses a file WhatsApp would not take, and says what WhatsApp would make of it. */
  private checkMedia(media: MessageMedia, options: MessageSendOptions): SentMedia {
    if (typeof media.mimetype !== 'string' || !/^[a-z]+\/[^\s/]+/i.test(media.mimetype)) {
      throw new Error(`stand-in: bad mime type ${String(media.mimetype)}`);
    }
    if (typeof media.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(media.data)) throw new Error('stand-in: media data is not base64');
    const data = Buffer.from(media.data, 'base64');
    // WhatsApp Web cannot prepare an empty file (no file hash): the send fails.
    if (data.length === 0) throw new Error('Evaluation failed: media-fault: sendToChat filehash undefined');
    // whatsapp-web.js converts images (and, with ffmpeg, videos) to stickers; anything else throws.
    if (options.sendMediaAsSticker && !media.mimetype.startsWith('image/')) throw new Error('Invalid media format');
    const type = mediaTypeOf(media.mimetype, options);
    const limit = type === 'document' ? WHATSAPP_DOCUMENT_LIMIT : WHATSAPP_MEDIA_LIMIT;
    if (data.length > limit) throw new Error(`Evaluation failed: ${type} of ${data.length} bytes is over WhatsApp's ${limit}`);
    const caption = options.caption;
    if (caption !== undefined) {
      if (typeof caption !== 'string') throw new Error('stand-in: caption must be a string');
      // A caption on a voice note, audio or sticker is not shown anywhere: it would be silently lost.
      if (caption !== '' && !CAPTIONED.has(type)) throw new Error(`stand-in: WhatsApp shows no caption on ${type} messages`);
      if (caption.length > WHATSAPP_CAPTION_LIMIT) {
        throw new Error(`stand-in: caption of ${caption.length} characters is over ${WHATSAPP_CAPTION_LIMIT}`);
      }
    }
    const sent: SentMedia = {
      type,
      mimetype: type === 'sticker' ? 'image/webp' : media.mimetype,
      data,
      sendAudioAsVoice: options.sendAudioAsVoice === true,
      sendMediaAsDocument: options.sendMediaAsDocument === true,
      sendMediaAsSticker: options.sendMediaAsSticker === true,
    };
    if (media.filename) sent.filename = media.filename;
    return sent;
  }

  async getChatById(chatId: string): Promise<Chat> {
    this.assertBrowser();
    if (!CHAT_JID.test(chatId)) throw new Error(`Evaluation failed: invalid wid ${chatId}`);
    const group = this.groups.get(chatId);
    const base = { id: this.widOf(chatId), t: Math.floor(Date.now() / 1000), unreadCount: 0, archive: false, isMuted: false, muteExpiration: 0 };
    if (group) {
      return realChat(this, {
        ...base,
        formattedTitle: group.name,
        isGroup: true,
        // A group we were removed from stays in the chat list, read-only.
        isReadOnly: !this.isMember(chatId),
        groupMetadata: {
          id: this.widOf(chatId),
          participants: group.participants.map((p) => ({ id: this.widOf(p.id), isAdmin: p.isAdmin, isSuperAdmin: p.isSuperAdmin })),
        },
      });
    }
    if (this.contacts.has(chatId)) {
      return realChat(this, { ...base, formattedTitle: chatId.split('@')[0], isGroup: false, isReadOnly: false });
    }
    return undefined as unknown as Chat;
  }

  async getMessageById(messageId: string): Promise<Message> {
    this.assertBrowser();
    const parts = messageId.split('_');
    if (parts.length !== 3 && parts.length !== 4) throw new Error('Evaluation failed: Invalid serialized message id specified');
    const data = this.messages.get(messageId);
    return (data ? this.wrap(data) : null) as Message;
  }

  private widOf(jid: string): { server: string; user: string; _serialized: string } {
    const [user = '', server = ''] = jid.split('@');
    return { server, user, _serialized: jid };
  }

  /** A real Message, with edit() and delete() answered by the stand-in instead of the browser. */
  private wrap(data: WaMessageData): Message {
    const message = realMessage(this, data);
    const id = data.id._serialized;
    message.edit = async (content, options = {}) => {
      this.assertBrowser();
      const stored = this.messages.get(id);
      const record = this.sentById.get(id);
      // Client's edit() resolves null for a message that is not ours or can no longer be edited.
      if (!stored || !stored.id.fromMe || stored.type === 'revoked' || !record) return null;
      // On a file, WhatsApp edits the caption (canEditCaption); voice notes, audio and stickers have none to edit.
      const isFile = Boolean(stored.directPath);
      if (isFile && !CAPTIONED.has(stored.type)) return null;
      const limit = isFile ? WHATSAPP_CAPTION_LIMIT : WHATSAPP_TEXT_LIMIT;
      if (typeof content !== 'string' || content.length === 0 || content.length > limit) {
        throw new Error('stand-in: bad edit text');
      }
      const prevBody = (isFile ? stored.caption : stored.body) ?? '';
      if (isFile) stored.caption = content;
      else stored.body = content;
      stored.mentionedJidList = options.mentions ?? [];
      record.body = content;
      record.mentions = options.mentions ?? [];
      record.edits.push(content);
      this.emit('message_edit', this.wrap(stored), content, prevBody);
      return this.wrap(stored);
    };
    message.downloadMedia = async () => {
      if (!message.hasMedia) return undefined as unknown as MessageMedia;
      this.assertBrowser();
      this.downloadCount += 1;
      const stored = this.messages.get(id);
      const bytes = this.mediaBytes.get(id);
      // Resolves undefined, as the real one does, when WhatsApp no longer has the file (expired, 404).
      if (!stored?.mimetype || !bytes) return undefined as unknown as MessageMedia;
      return new wa.MessageMedia(stored.mimetype, bytes.toString('base64'), stored.filename, stored.size);
    };
    message.delete = async (everyone) => {
      this.assertBrowser();
      const stored = this.messages.get(id);
      if (!stored) return;
      if (everyone) {
        const group = this.groups.get(stored.id.remote as string);
        const weAreAdmin = group?.participants.some((p) => p.id === this.botId && (p.isAdmin || p.isSuperAdmin)) ?? false;
        // WhatsApp only lets the sender (or a group admin) delete for everyone; otherwise it is deleted for us only.
        if (stored.id.fromMe || weAreAdmin) {
          const revoked = revokedData(stored);
          this.messages.set(id, revoked);
          this.mediaBytes.delete(id);
          const record = this.sentById.get(id);
          if (record) record.revoked = true;
          this.revokedForEveryone.push(id);
          this.emit('message_revoke_everyone', this.wrap(revoked), this.wrap(stored));
          return;
        }
      }
      this.messages.delete(id);
    };
    return message;
  }
}
