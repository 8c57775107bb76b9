// A local stand-in of the Telegram Bot API (https://core.telegram.org/bots/api) for tests: grammY talks to it over
// real HTTP on 127.0.0.1. It implements the methods Quartier uses, validates every call against the official
// specification, enforces the real send limits (scalable), takes file uploads (multipart/form-data) and serves files
// back (getFile, /file/bot<token>/<path>), and offers test controls to push updates, to have users post text or files
// and to change chat membership.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, ChatMember, Message, MessageEntity, Update, User } from 'grammy/types';
import { isKnownMethod, ParamError, validateParams } from './spec.js';
import { SlidingWindow } from './rate-limit.js';
import { FileStore, isPicture, type MediaKind, type StoredFile } from './files.js';
import { boundaryOf, MultipartError, parseMultipart, type FormPart } from './multipart.js';

export interface StandinOptions {
  token?: string;
  bot?: { id: number; first_name: string; username: string };
  /** Sends per group per window (Telegram: 20 a minute). */
  groupLimit?: number;
  groupWindowMs?: number;
  /** Sends overall per window (Telegram: about 30 a second). */
  globalLimit?: number;
  globalWindowMs?: number;
  /** Upper bound on how long a getUpdates long poll is held, so a forgotten poll cannot stall a test run. */
  maxPollMs?: number;
  /** Largest file a bot may upload (Telegram: 50 MB); a test may lower it to see a 413 without moving 50 MB. */
  maxUploadBytes?: number;
}

export type { MediaKind, StoredFile } from './files.js';

export interface StandinChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  is_forum?: boolean;
  /** Forum topic ids that exist in this chat. */
  topics?: number[];
}

interface ChatState {
  chat: StandinChat;
  nextMessageId: number;
  messages: Map<number, Message>;
  members: Map<number, ChatMember>;
  botKicked: boolean;
}

export interface SentRecord {
  method: string;
  chatId: number;
  messageId: number;
  /** The text, or the caption of a file ('' when it has none). */
  text: string;
  params: Record<string, unknown>;
  at: number;
  /** sendPhoto/sendDocument/...: the file the message carries, with its bytes as received. */
  file?: StoredFile;
}

export interface RequestRecord {
  method: string;
  params: Record<string, unknown>;
  status: number;
  description?: string;
}

/** Thrown by the test controls when a user tries what their Telegram client would not let them do. */
export class PostRefused extends Error {}

/** The permission fields of a restricted member (ChatMemberRestricted), all false unless granted. */
const RESTRICTED_PERMISSIONS = [
  'can_send_messages', 'can_send_audios', 'can_send_documents', 'can_send_photos', 'can_send_videos', 'can_send_video_notes',
  'can_send_voice_notes', 'can_send_polls', 'can_send_other_messages', 'can_add_web_page_previews', 'can_change_info',
  'can_invite_users', 'can_pin_messages', 'can_manage_topics',
];

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

const ENTITY_TYPES = new Set([
  'mention', 'hashtag', 'cashtag', 'bot_command', 'url', 'email', 'phone_number', 'bold', 'italic', 'underline',
  'strikethrough', 'spoiler', 'blockquote', 'expandable_blockquote', 'code', 'pre', 'text_link', 'text_mention',
  'custom_emoji', 'date_time',
]);
const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
const MEDIA_METHODS: Record<string, MediaKind> = {
  sendPhoto: 'photo',
  sendDocument: 'document',
  sendVideo: 'video',
  sendAudio: 'audio',
  sendVoice: 'voice',
};
const FAULTY_METHODS = new Set(['sendMessage', 'editMessageText', 'editMessageCaption', 'deleteMessage', 'sendChatAction', ...Object.keys(MEDIA_METHODS)]);
const MB = 1024 * 1024;
/** Multipart uploads: 10 MB for a photo; getFile serves files of up to 20 MB. */
const PHOTO_UPLOAD_LIMIT = 10 * MB;
const DOWNLOAD_LIMIT = 20 * MB;
/** Room for the non-file fields of a multipart body on top of the file limit. */
const FORM_FIELDS_SLACK = MB;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Fault {
  status: 500 | 429;
  retryAfter?: number;
  chatIds?: number[];
  /** Let this many calls through before the fault starts (a failure part-way through a split message). */
  after?: number;
}

interface Poller {
  resolve: (updates: Update[] | ApiError) => void;
}

export class TelegramStandin {
  readonly token: string;
  readonly bot: User;
  /** Accepted sendMessage and sendPhoto/sendDocument/... calls (sent), editMessageText/editMessageCaption calls (edits), in order. */
  readonly sent: SentRecord[] = [];
  readonly edits: SentRecord[] = [];
  readonly deletions: { chatId: number; messageId: number }[] = [];
  /** Every 429 the stand-in answered. */
  readonly rateLimited: { method: string; chatId: number; retryAfter: number; at: number }[] = [];
  /** Every request, with its answer's status. */
  readonly requests: RequestRecord[] = [];
  /** Accepted bans and unbans (restrictions are read through memberStatus()). */
  readonly memberActions: { method: 'banChatMember' | 'unbanChatMember'; chatId: number; userId: number }[] = [];
  readonly answeredCallbacks: { id: string; text?: string }[] = [];
  readonly commands = new Map<string, { command: string; description: string }[]>();
  /** Every file path fetched through /file/bot<token>/<path>, answered or not. */
  readonly fileDownloads: string[] = [];
  webhook: { url: string; secret?: string; allowedUpdates?: string[] } | undefined;

  private readonly server: http.Server;
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, User>();
  private queue: Update[] = [];
  private nextUpdateId = 1000;
  private readonly pendingCallbacks = new Set<string>();
  private nextCallbackId = 1;
  private poller: Poller | undefined;
  private readonly groupWindow: SlidingWindow;
  private readonly globalWindow: SlidingWindow;
  private readonly maxPollMs: number;
  private port = 0;
  private fault: Fault | undefined;
  private downloadFault: number | undefined;
  private readonly files = new FileStore();
  private readonly maxUploadBytes: number;

  private constructor(options: StandinOptions) {
    this.token = options.token ?? '123456:TEST-token_abcdefghijklmnopqrstuv';
    this.bot = { id: 777000111, is_bot: true, first_name: 'Quartier', username: 'QuartierBot', ...options.bot };
    this.groupWindow = new SlidingWindow(options.groupLimit ?? 20, options.groupWindowMs ?? 60_000);
    this.globalWindow = new SlidingWindow(options.globalLimit ?? 30, options.globalWindowMs ?? 1_000);
    this.maxPollMs = options.maxPollMs ?? 60_000;
    this.maxUploadBytes = options.maxUploadBytes ?? 50 * MB;
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: StandinOptions = {}): Promise<TelegramStandin> {
    const standin = new TelegramStandin(options);
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
    standin.port = (standin.server.address() as AddressInfo).port;
    return standin;
  }

  /** The apiRoot to give grammY. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.poller?.resolve([]);
    this.poller = undefined;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- test controls

  addChat(chat: StandinChat): void {
    if (!this.chats.has(chat.id)) {
      this.chats.set(chat.id, { chat, nextMessageId: 1, messages: new Map(), members: new Map(), botKicked: false });
    }
  }

  /** Sets a user's status in a chat (creator, administrator with rights, member, left, kicked...). */
  setMember(chatId: number, user: User, status: ChatMember['status'], rights: Record<string, boolean> = {}): void {
    const state = this.chatState(chatId);
    this.users.set(user.id, user);
    state.members.set(user.id, memberObject(user, status, rights));
  }

  /**
   * Fault switch (chaos tests): until cleared with undefined, every send/edit/delete (about `chatIds` only, when given)
   * answers this status instead of doing anything: 500 as a failing server would, 429 with `retryAfter` seconds.
   */
  fail(fault: Fault | undefined): void {
    this.fault = fault ? { ...fault } : undefined;
  }

  /** From now on, every call about this chat answers 403 as Telegram does once the bot is removed. */
  kickBot(chatId: number): void {
    this.chatState(chatId).botKicked = true;
  }

  /** Pending (unconfirmed) updates, as getUpdates would serve them. */
  get pendingUpdates(): readonly Update[] {
    return this.queue;
  }

  /**
   * Queues an update (served by getUpdates) or, when a webhook is set, POSTs it there with the secret header and
   * returns the webhook's HTTP status. Messages in it are remembered so later replies to them are found.
   */
  async pushUpdate(partial: Omit<Update, 'update_id'>): Promise<{ update: Update; webhookStatus?: number }> {
    const update = { update_id: this.nextUpdateId++, ...partial } as Update;
    this.remember(update);
    if (this.webhook) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.webhook.secret) headers['x-telegram-bot-api-secret-token'] = this.webhook.secret;
      const res = await fetch(this.webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
      await res.arrayBuffer();
      return { update, webhookStatus: res.status };
    }
    this.queue.push(update);
    this.wakePoller();
    return { update };
  }

  /** Builds and pushes a message from a user, with the bot_command entity Telegram adds to a leading /command. */
  async userMessage(options: {
    chat: StandinChat;
    from: User;
    text: string;
    replyTo?: number;
    threadId?: number;
    entities?: MessageEntity[];
  }): Promise<{ update: Update; message: Message; webhookStatus?: number }> {
    const entities = [...(options.entities ?? [])];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(options.text);
    if (command) entities.unshift({ type: 'bot_command', offset: 0, length: command[0].length });
    const message = {
      ...this.userMessageBase(options),
      text: options.text,
      ...(entities.length ? { entities } : {}),
    } as Message;
    const { update, webhookStatus } = await this.pushUpdate({ message } as Omit<Update, 'update_id'>);
    return { update, message, webhookStatus };
  }

  /**
   * Builds and pushes a message in which a user posts a file (photo, voice note, document, audio, video, sticker),
   * with an optional caption and caption_entities. The bytes are stored: getFile and the file URL serve them under
   * the message's file_id (for a photo, the largest size's). `mimeType` defaults to what the bytes or the name say.
   */
  async userFile(options: {
    chat: StandinChat;
    from: User;
    kind: MediaKind;
    data: Buffer;
    fileName?: string;
    mimeType?: string;
    caption?: string;
    captionEntities?: MessageEntity[];
    replyTo?: number;
    threadId?: number;
    /** Seconds, for voice, audio and video (default 1). */
    duration?: number;
  }): Promise<{ update: Update; message: Message; file: StoredFile; webhookStatus?: number }> {
    // A Telegram client cannot produce these; a test asking for them is mistaken.
    if (options.caption !== undefined && options.kind === 'sticker') throw new Error('stand-in: a sticker has no caption');
    if ((options.caption?.length ?? 0) > 1024) throw new Error('stand-in: a caption is at most 1024 characters');
    const file = this.files.add(options.kind, options.data, options.fileName, options.mimeType);
    const message = {
      ...this.userMessageBase(options),
      ...this.files.mediaFields(file, { duration: options.duration }),
      ...(options.caption !== undefined ? { caption: options.caption } : {}),
      ...(options.captionEntities?.length ? { caption_entities: options.captionEntities } : {}),
    } as Message;
    const { update, webhookStatus } = await this.pushUpdate({ message } as Omit<Update, 'update_id'>);
    return { update, message, file, webhookStatus };
  }

  /** What every user message has: id, author, chat, date, topic and the message it replies to. */
  private userMessageBase(options: { chat: StandinChat; from: User; replyTo?: number; threadId?: number }): Partial<Message> {
    this.addChat(options.chat);
    const state = this.chatState(options.chat.id);
    this.users.set(options.from.id, options.from);
    if (!state.members.has(options.from.id)) state.members.set(options.from.id, memberObject(options.from, 'member', {}));
    // A Telegram client does not let a restricted or banned user post: a test asking for it is mistaken.
    const status = this.currentMember(state, options.from.id);
    if (status?.status === 'kicked' || (status?.status === 'restricted' && !status.can_send_messages)) {
      throw new PostRefused(`stand-in: user ${options.from.id} may not post in chat ${options.chat.id} (${status.status})`);
    }
    const replyTo = options.replyTo !== undefined ? state.messages.get(options.replyTo) : undefined;
    return {
      message_id: state.nextMessageId++,
      from: options.from,
      chat: chatObject(options.chat),
      date: Math.floor(Date.now() / 1000),
      ...(options.threadId ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    } as Partial<Message>;
  }

  /** Pushes a callback_query for a button under one of the bot's messages. */
  async pressButton(options: { chatId: number; from: User; messageId: number; data: string }): Promise<{ update: Update; webhookStatus?: number }> {
    const state = this.chatState(options.chatId);
    const message = state.messages.get(options.messageId);
    if (!message) throw new Error(`no message ${options.messageId} in chat ${options.chatId}`);
    const id = String(this.nextCallbackId++);
    this.pendingCallbacks.add(id);
    return this.pushUpdate({
      callback_query: { id, from: options.from, message, chat_instance: `ci${options.chatId}`, data: options.data },
    } as Omit<Update, 'update_id'>);
  }

  /** The text of a message as it is now in the chat (after edits), or undefined once deleted. */
  messageText(chatId: number, messageId: number): string | undefined {
    return this.chatState(chatId).messages.get(messageId)?.text;
  }

  /** The caption of a file message as it is now in the chat (after edits), or undefined once deleted. */
  messageCaption(chatId: number, messageId: number): string | undefined {
    return this.chatState(chatId).messages.get(messageId)?.caption;
  }

  /** A message as it is now in the chat (after edits), or undefined once deleted. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.chatState(chatId).messages.get(messageId);
  }

  /** A stored file by file_id: its bytes, name and mime type, whether a user posted it or the bot uploaded it. */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /**
   * Stores bytes under a new file_id with no message around them (for getFile and download tests). `sizeUnknown`:
   * getFile says no file_size and the bytes come without content-length, so only counting them can stop a download.
   */
  addFile(kind: MediaKind, data: Buffer, options: { fileName?: string; mimeType?: string; sizeUnknown?: boolean } = {}): StoredFile {
    const file = this.files.add(kind, data, options.fileName, options.mimeType);
    if (options.sizeUnknown) file.sizeUnknown = true;
    return file;
  }

  /** Until cleared with undefined, the file route (/file/bot<token>/<path>) answers this HTTP status instead of the bytes. */
  failDownloads(status: number | undefined): void {
    this.downloadFault = status;
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let method = '';
    let params: Record<string, unknown> = {};
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/file/')) return this.serveFile(url.pathname, req, res);
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) throw new ApiError(404, 'Not Found');
      if (match[1] !== this.token) throw new ApiError(401, 'Unauthorized');
      method = match[2]!;
      if (!isKnownMethod(method) || !(method in this.handlers)) throw new ApiError(404, 'Not Found');
      const body = await readRequest(req, url, this.maxUploadBytes + FORM_FIELDS_SLACK);
      params = body.params;
      const files = body.files;
      if (files.some((f) => f.data.length > this.maxUploadBytes)) throw new ApiError(413, 'Request Entity Too Large');
      // A file part sent under the field's own name stands for that field, as an attach:// reference would.
      for (const f of files) if (params[f.name] === undefined) params[f.name] = `attach://${f.name}`;
      let typed: Record<string, unknown>;
      try {
        typed = validateParams(method, params);
      } catch (err) {
        if (err instanceof ParamError) throw new ApiError(400, err.message);
        throw err;
      }
      this.injectFault(method, typed);
      const result = await this.handlers[method]!(typed, res, files);
      this.requests.push({ method, params, status: 200 });
      send(res, 200, { ok: true, result });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(500, `Internal Server Error: ${String(err)}`);
      this.requests.push({ method, params, status: apiError.code, description: apiError.description });
      send(res, apiError.code, {
        ok: false,
        error_code: apiError.code,
        description: apiError.description,
        ...(apiError.parameters ? { parameters: apiError.parameters } : {}),
      });
    }
  }

  /** GET /file/bot<token>/<file_path>: the bytes of a stored file, as Telegram's file server answers. */
  private serveFile(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    req.resume();
    const match = /^\/file\/bot([^/]+)\/(.+)$/.exec(pathname);
    this.fileDownloads.push(match?.[2] ?? pathname);
    const file = match && match[1] === this.token ? this.files.atPath(decodeURIComponent(match[2]!)) : undefined;
    if (this.downloadFault !== undefined) {
      send(res, this.downloadFault, { ok: false, error_code: this.downloadFault, description: 'Internal Server Error' });
      return;
    }
    if (!file) {
      send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (file.sizeUnknown) {
      // Chunked: the client learns the size only by reading.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let at = 0; at < file.data.length; at += 64 * 1024) res.write(file.data.subarray(at, at + 64 * 1024));
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
    res.end(file.data);
  }

  private readonly handlers: Record<string, (p: Record<string, unknown>, res: http.ServerResponse, files: FormPart[]) => unknown> = {
    getMe: () => ({ ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    getUpdates: (p, res) => this.getUpdates(p, res),
    setWebhook: (p) => {
      const url = p.url as string;
      if (url === '') {
        this.webhook = undefined;
        return true;
      }
      const parsed = URL.canParse(url) ? new URL(url) : undefined;
      // Telegram demands HTTPS; the stand-in also accepts plain HTTP on the loopback interface, where tests listen.
      if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1'))) {
        throw new ApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      }
      const secret = p.secret_token as string | undefined;
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
      }
      if (p.drop_pending_updates) this.queue = [];
      this.webhook = { url, secret, allowedUpdates: p.allowed_updates as string[] | undefined };
      return true;
    },
    deleteWebhook: (p) => {
      this.webhook = undefined;
      if (p.drop_pending_updates) this.queue = [];
      return true;
    },
    getWebhookInfo: () => ({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length }),
    getChatMember: (p) => {
      const state = this.reachableChat(p.chat_id);
      const userId = p.user_id as number;
      const member = state.members.get(userId);
      if (member) return member;
      const user = this.users.get(userId);
      if (!user) throw new ApiError(400, 'Bad Request: user not found');
      return memberObject(user, 'left', {});
    },
    getChatAdministrators: (p) => {
      const state = this.reachableChat(p.chat_id);
      return [...state.members.values()].filter((m) => m.status === 'creator' || m.status === 'administrator');
    },
    sendMessage: (p) => this.sendMessage(p),
    sendPhoto: (p, _res, files) => this.sendMedia('sendPhoto', p, files),
    sendDocument: (p, _res, files) => this.sendMedia('sendDocument', p, files),
    sendVideo: (p, _res, files) => this.sendMedia('sendVideo', p, files),
    sendAudio: (p, _res, files) => this.sendMedia('sendAudio', p, files),
    sendVoice: (p, _res, files) => this.sendMedia('sendVoice', p, files),
    editMessageText: (p) => this.editMessageText(p),
    editMessageCaption: (p) => this.editMessageCaption(p),
    getFile: (p) => {
      const file = this.files.get(p.file_id as string);
      if (!file) throw new ApiError(400, 'Bad Request: wrong file_id or the file is temporarily unavailable');
      if (file.data.length > DOWNLOAD_LIMIT) throw new ApiError(400, 'Bad Request: file is too big');
      return { file_id: file.fileId, file_unique_id: file.uniqueId, ...(file.sizeUnknown ? {} : { file_size: file.data.length }), file_path: file.path };
    },
    deleteMessage: (p) => {
      const state = this.reachableChat(p.chat_id);
      const messageId = p.message_id as number;
      if (!state.messages.has(messageId)) throw new ApiError(400, 'Bad Request: message to delete not found');
      state.messages.delete(messageId);
      this.deletions.push({ chatId: state.chat.id, messageId });
      return true;
    },
    answerCallbackQuery: (p) => {
      const id = p.callback_query_id as string;
      const text = p.text as string | undefined;
      if (!this.pendingCallbacks.has(id)) {
        throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      }
      if (text !== undefined && text.length > 200) throw new ApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
      this.pendingCallbacks.delete(id);
      this.answeredCallbacks.push({ id, text });
      return true;
    },
    setMyCommands: (p) => {
      const commands = p.commands as { command: string; description: string }[];
      if (commands.length > 100) throw new ApiError(400, 'Bad Request: too many commands');
      for (const c of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
        if (c.description.length < 1 || c.description.length > 256) {
          throw new ApiError(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      this.commands.set(commandsKey(p), commands.map((c) => ({ command: c.command, description: c.description })));
      return true;
    },
    getMyCommands: (p) => this.commands.get(commandsKey(p)) ?? [],
    restrictChatMember: (p) => this.restrictChatMember(p),
    banChatMember: (p) => this.banChatMember(p),
    unbanChatMember: (p) => this.unbanChatMember(p),
    sendChatAction: (p) => {
      this.reachableChat(p.chat_id);
      if (!CHAT_ACTIONS.has(p.action as string)) throw new ApiError(400, 'Bad Request: wrong parameter action in request');
      return true;
    },
  };

  // ---------------------------------------------------------------- members

  /**
   * What Telegram checks before any restrict, ban or unban: the bot is the owner, or an administrator with
   * can_restrict_members ("ban users"); an administrator or the owner cannot be acted on.
   */
  private checkMemberAction(state: ChatState, userId: number, verb: 'restrict' | 'remove'): void {
    const bot = state.members.get(this.bot.id);
    const mayRestrict = bot?.status === 'creator' || (bot?.status === 'administrator' && bot.can_restrict_members);
    if (!mayRestrict) throw new ApiError(400, 'Bad Request: not enough rights to restrict/unrestrict chat member');
    if (userId === this.bot.id) throw new ApiError(400, verb === 'restrict' ? "Bad Request: can't restrict self" : "Bad Request: can't remove self");
    const target = state.members.get(userId);
    if (!target && !this.users.has(userId)) throw new ApiError(400, 'Bad Request: user not found');
    if (target?.status === 'creator') throw new ApiError(400, "Bad Request: can't remove chat owner");
    if (target?.status === 'administrator') throw new ApiError(400, 'Bad Request: user is an administrator of the chat');
  }

  /**
   * An until_date less than 30 seconds or more than 366 days from now means "forever" (0), as the Bot API documents.
   */
  private untilDate(value: unknown): number {
    if (typeof value !== 'number' || value === 0) return 0;
    const ahead = value - Date.now() / 1000;
    return ahead < 30 || ahead > 366 * 86_400 ? 0 : value;
  }

  private restrictChatMember(p: Record<string, unknown>): boolean {
    const state = this.reachableChat(p.chat_id);
    if (state.chat.type !== 'supergroup') throw new ApiError(400, 'Bad Request: method is available only for supergroups');
    const userId = p.user_id as number;
    this.checkMemberAction(state, userId, 'restrict');
    const user = this.users.get(userId)!;
    const current = this.currentMember(state, userId);
    const isMember = current ? current.status === 'member' || (current.status === 'restricted' && current.is_member) : false;
    const permissions = p.permissions as Record<string, boolean>;
    const values = Object.values(permissions);
    // Every permission granted lifts the restriction; anything less is a restriction.
    if (values.length > 0 && values.every((v) => v === true)) {
      if (current?.status === 'restricted') state.members.set(userId, memberObject(user, isMember ? 'member' : 'left', {}));
      return true;
    }
    state.members.set(userId, {
      status: 'restricted',
      user,
      is_member: isMember,
      ...Object.fromEntries(RESTRICTED_PERMISSIONS.map((name) => [name, permissions[name] === true])),
      until_date: this.untilDate(p.until_date),
    } as ChatMember);
    return true;
  }

  private banChatMember(p: Record<string, unknown>): boolean {
    const state = this.reachableChat(p.chat_id);
    if (state.chat.type === 'private') throw new ApiError(400, 'Bad Request: chat member status can\'t be changed in private chats');
    const userId = p.user_id as number;
    this.checkMemberAction(state, userId, 'remove');
    state.members.set(userId, { status: 'kicked', user: this.users.get(userId)!, until_date: this.untilDate(p.until_date) } as ChatMember);
    this.memberActions.push({ method: 'banChatMember', chatId: state.chat.id, userId });
    return true;
  }

  private unbanChatMember(p: Record<string, unknown>): boolean {
    const state = this.reachableChat(p.chat_id);
    if (state.chat.type !== 'supergroup') throw new ApiError(400, 'Bad Request: method is available for supergroup and channel chats only');
    const userId = p.user_id as number;
    this.checkMemberAction(state, userId, 'remove');
    const current = this.currentMember(state, userId);
    if (p.only_if_banned && current?.status !== 'kicked') return true;
    // Without only_if_banned, a member is removed too: afterwards the person is not in the chat but may join.
    state.members.set(userId, memberObject(this.users.get(userId)!, 'left', {}));
    this.memberActions.push({ method: 'unbanChatMember', chatId: state.chat.id, userId });
    return true;
  }

  /** A member's status now: a restriction or ban whose until_date has passed has ended. */
  private currentMember(state: ChatState, userId: number): ChatMember | undefined {
    const member = state.members.get(userId);
    if (!member || (member.status !== 'restricted' && member.status !== 'kicked')) return member;
    if (member.until_date === 0 || member.until_date * 1000 > Date.now()) return member;
    const ended = member.status === 'kicked' || !member.is_member ? memberObject(member.user, 'left', {}) : memberObject(member.user, 'member', {});
    state.members.set(userId, ended);
    return ended;
  }

  /** A user's status in a chat as Telegram would answer getChatMember now (test control). */
  memberStatus(chatId: number, userId: number): ChatMember | undefined {
    return this.currentMember(this.chatState(chatId), userId);
  }

  /**
   * A user joins a group (by link or added by someone): the member list changes, the service message with
   * new_chat_members arrives and, for an administrator bot, one chat_member update per person. A banned user cannot
   * join, as on Telegram.
   */
  async userJoins(options: { chat: StandinChat; users: User[] }): Promise<{ update: Update; message: Message }> {
    this.addChat(options.chat);
    const state = this.chatState(options.chat.id);
    for (const user of options.users) {
      if (this.currentMember(state, user.id)?.status === 'kicked') throw new Error(`stand-in: user ${user.id} is banned from chat ${options.chat.id}`);
    }
    const changes: { old: ChatMember; now: ChatMember }[] = [];
    for (const user of options.users) {
      this.users.set(user.id, user);
      const current = this.currentMember(state, user.id) ?? memberObject(user, 'left', {});
      const now = current.status === 'restricted' ? ({ ...current, is_member: true } as ChatMember) : memberObject(user, 'member', {});
      state.members.set(user.id, now);
      changes.push({ old: current, now });
    }
    const message = {
      message_id: state.nextMessageId++,
      from: options.users[0]!,
      chat: chatObject(options.chat),
      date: Math.floor(Date.now() / 1000),
      new_chat_members: options.users,
    } as Message;
    const { update } = await this.pushUpdate({ message } as Omit<Update, 'update_id'>);
    // An administrator bot also gets a chat_member update for each of them (allowed_updates must name it).
    const bot = state.members.get(this.bot.id);
    if (bot?.status === 'administrator' || bot?.status === 'creator') {
      for (const change of changes) {
        await this.pushUpdate({
          chat_member: { chat: chatObject(options.chat), from: change.now.user, date: message.date, old_chat_member: change.old, new_chat_member: change.now },
        } as Omit<Update, 'update_id'>);
      }
    }
    return { update, message };
  }

  // ---------------------------------------------------------------- methods

  private getUpdates(p: Record<string, unknown>, res: http.ServerResponse): Promise<Update[]> | Update[] {
    if (this.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = p.offset as number | undefined;
    if (offset !== undefined && offset < 0) this.queue = this.queue.slice(offset);
    else if (offset !== undefined) this.queue = this.queue.filter((u) => u.update_id >= offset); // confirmed: dropped
    const limit = Math.min(100, Math.max(1, (p.limit as number | undefined) ?? 100));
    const timeoutMs = Math.min(this.maxPollMs, Math.max(0, ((p.timeout as number | undefined) ?? 0) * 1000));
    if (this.queue.length > 0 || timeoutMs === 0) return this.queue.slice(0, limit);

    // Long poll. A newer getUpdates terminates the older one, as Telegram does.
    this.poller?.resolve(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    return new Promise<Update[]>((resolve, reject) => {
      const poller: Poller = {
        resolve: (result) => {
          clearTimeout(timer);
          if (this.poller === poller) this.poller = undefined;
          if (result instanceof ApiError) reject(result);
          else resolve(result.slice(0, limit));
        },
      };
      const timer = setTimeout(() => poller.resolve([]), timeoutMs);
      // The client gave up (grammY aborts its poll on stop): forget the poll.
      res.once('close', () => poller.resolve([]));
      this.poller = poller;
    });
  }

  private wakePoller(): void {
    this.poller?.resolve(this.queue);
  }

  private sendMessage(p: Record<string, unknown>): Message {
    const state = this.reachableChat(p.chat_id);
    const text = p.text as string;
    this.checkText(text, p.entities as MessageEntity[] | undefined);
    this.checkMarkup(p.reply_markup);
    const placement = this.placement(state, p);
    this.checkRate('sendMessage', state);
    const message = {
      ...this.botMessageBase(state, p, placement),
      text,
      ...(p.entities ? { entities: p.entities } : {}),
    } as Message;
    state.messages.set(message.message_id, message);
    this.sent.push({ method: 'sendMessage', chatId: state.chat.id, messageId: message.message_id, text, params: p, at: Date.now() });
    return message;
  }

  /** sendPhoto, sendDocument, sendVideo, sendAudio, sendVoice: a file (uploaded, or a known file_id) and a caption. */
  private sendMedia(method: string, p: Record<string, unknown>, files: FormPart[]): Message {
    const kind = MEDIA_METHODS[method]!;
    const state = this.reachableChat(p.chat_id);
    const input = this.inputFile(p[kind], files);
    const caption = p.caption as string | undefined;
    this.checkCaption(caption ?? '', p.caption_entities as MessageEntity[] | undefined);
    this.checkMarkup(p.reply_markup);
    const placement = this.placement(state, p);
    if (kind === 'photo' && !('fileId' in input)) {
      if (input.data.length > PHOTO_UPLOAD_LIMIT) throw new ApiError(400, 'Bad Request: PHOTO_SAVE_FILE_INVALID');
      if (!isPicture(input.data)) throw new ApiError(400, 'Bad Request: IMAGE_PROCESS_FAILED');
    }
    this.checkRate(method, state);
    const file = 'fileId' in input ? input : this.files.add(kind, input.data, input.fileName);
    const message = {
      ...this.botMessageBase(state, p, placement),
      ...this.files.mediaFields(file, { duration: p.duration as number | undefined, width: p.width as number | undefined, height: p.height as number | undefined }),
      ...(caption ? { caption } : {}),
      ...(caption && p.caption_entities ? { caption_entities: p.caption_entities } : {}),
    } as Message;
    state.messages.set(message.message_id, message);
    this.sent.push({ method, chatId: state.chat.id, messageId: message.message_id, text: caption ?? '', params: p, at: Date.now(), file });
    return message;
  }

  /** The file a send names: `attach://<part>` (an upload in this request) or the file_id of a stored file. */
  private inputFile(value: unknown, files: FormPart[]): StoredFile | { data: Buffer; fileName?: string } {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const part = files.find((f) => f.name === value.slice('attach://'.length));
      if (!part) throw new ApiError(400, 'Bad Request: wrong remote file identifier specified: can\'t unserialize it. Wrong last symbol');
      return { data: part.data, fileName: part.fileName };
    }
    const known = typeof value === 'string' ? this.files.get(value) : undefined;
    if (known) return known;
    throw new ApiError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
  }

  /** The forum topic and the replied-to message of a send, or Telegram's error when either does not exist. */
  private placement(state: ChatState, p: Record<string, unknown>): { threadId?: number; replyTo?: Message } {
    const threadId = p.message_thread_id as number | undefined;
    if (threadId !== undefined && !(state.chat.is_forum && (state.chat.topics ?? []).includes(threadId))) {
      throw new ApiError(400, 'Bad Request: message thread not found');
    }
    const reply = p.reply_parameters as { message_id: number; allow_sending_without_reply?: boolean } | undefined;
    const replyTo = reply ? state.messages.get(reply.message_id) : undefined;
    if (reply && !replyTo && !reply.allow_sending_without_reply) {
      throw new ApiError(400, 'Bad Request: message to be replied not found');
    }
    return { threadId, replyTo };
  }

  /** What every message the bot posts has: a new id, the bot as author, the chat, keyboard, topic and reply. */
  private botMessageBase(state: ChatState, p: Record<string, unknown>, placement: { threadId?: number; replyTo?: Message }): Partial<Message> {
    return {
      message_id: state.nextMessageId++,
      from: this.bot,
      chat: chatObject(state.chat),
      date: Math.floor(Date.now() / 1000),
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
      ...(placement.threadId !== undefined ? { message_thread_id: placement.threadId, is_topic_message: true } : {}),
      ...(placement.replyTo ? { reply_to_message: placement.replyTo } : {}),
    } as Partial<Message>;
  }

  private editMessageText(p: Record<string, unknown>): Message {
    if (p.inline_message_id !== undefined) throw new ApiError(400, 'Bad Request: MESSAGE_ID_INVALID');
    if (p.chat_id === undefined) throw new ApiError(400, 'Bad Request: chat_id is required');
    if (p.message_id === undefined) throw new ApiError(400, 'Bad Request: message identifier is not specified');
    if (p.text === undefined) throw new ApiError(400, 'Bad Request: text is required');
    const state = this.reachableChat(p.chat_id);
    const text = p.text as string;
    this.checkText(text, p.entities as MessageEntity[] | undefined);
    this.checkMarkup(p.reply_markup);
    const old = state.messages.get(p.message_id as number);
    if (!old) throw new ApiError(400, 'Bad Request: message to edit not found');
    if (old.from?.id !== this.bot.id) throw new ApiError(400, "Bad Request: message can't be edited");
    if (old.text === undefined) throw new ApiError(400, 'Bad Request: there is no text in the message to edit');
    const same =
      old.text === text &&
      JSON.stringify(old.entities ?? []) === JSON.stringify(p.entities ?? []) &&
      JSON.stringify(old.reply_markup ?? null) === JSON.stringify(p.reply_markup ?? null);
    if (same) {
      throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    const edited = { ...old, text, entities: p.entities, reply_markup: p.reply_markup, edit_date: Math.floor(Date.now() / 1000) } as Message;
    state.messages.set(old.message_id, edited);
    this.edits.push({ method: 'editMessageText', chatId: state.chat.id, messageId: old.message_id, text, params: p, at: Date.now() });
    return edited;
  }

  private editMessageCaption(p: Record<string, unknown>): Message {
    if (p.inline_message_id !== undefined) throw new ApiError(400, 'Bad Request: MESSAGE_ID_INVALID');
    if (p.chat_id === undefined) throw new ApiError(400, 'Bad Request: chat_id is required');
    if (p.message_id === undefined) throw new ApiError(400, 'Bad Request: message identifier is not specified');
    const state = this.reachableChat(p.chat_id);
    // No caption removes it.
    const caption = (p.caption as string | undefined) ?? '';
    this.checkCaption(caption, p.caption_entities as MessageEntity[] | undefined);
    this.checkMarkup(p.reply_markup);
    const old = state.messages.get(p.message_id as number);
    if (!old) throw new ApiError(400, 'Bad Request: message to edit not found');
    if (old.from?.id !== this.bot.id) throw new ApiError(400, "Bad Request: message can't be edited");
    if (old.text !== undefined) throw new ApiError(400, 'Bad Request: there is no caption in the message to edit');
    const entities = caption ? (p.caption_entities as MessageEntity[] | undefined) : undefined;
    const same =
      (old.caption ?? '') === caption &&
      JSON.stringify(old.caption_entities ?? []) === JSON.stringify(entities ?? []) &&
      JSON.stringify(old.reply_markup ?? null) === JSON.stringify(p.reply_markup ?? null);
    if (same) {
      throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    const { caption: _caption, caption_entities: _entities, ...rest } = old;
    const edited = {
      ...rest,
      ...(caption ? { caption } : {}),
      ...(entities ? { caption_entities: entities } : {}),
      reply_markup: p.reply_markup,
      edit_date: Math.floor(Date.now() / 1000),
    } as Message;
    state.messages.set(old.message_id, edited);
    this.edits.push({ method: 'editMessageCaption', chatId: state.chat.id, messageId: old.message_id, text: caption, params: p, at: Date.now() });
    return edited;
  }

  private checkText(text: string, entities: MessageEntity[] | undefined): void {
    if (LONE_SURROGATE.test(text)) throw new ApiError(400, 'Bad Request: strings must be encoded in UTF-8');
    if (text.trim().length === 0) throw new ApiError(400, 'Bad Request: message text is empty');
    if (text.length > 4096) throw new ApiError(400, 'Bad Request: message is too long');
    this.checkEntities(text, entities);
  }

  /** A caption may be empty (no caption); it is at most 1024 characters. */
  private checkCaption(caption: string, entities: MessageEntity[] | undefined): void {
    if (LONE_SURROGATE.test(caption)) throw new ApiError(400, 'Bad Request: strings must be encoded in UTF-8');
    if (caption.length > 1024) throw new ApiError(400, 'Bad Request: message caption is too long');
    this.checkEntities(caption, entities);
  }

  private checkEntities(text: string, entities: MessageEntity[] | undefined): void {
    for (const e of entities ?? []) {
      if (!ENTITY_TYPES.has(e.type)) throw new ApiError(400, `Bad Request: can't parse entities: unsupported entity type "${e.type}"`);
      if (e.offset < 0 || e.length < 1 || e.offset + e.length > text.length) {
        throw new ApiError(400, "Bad Request: can't parse entities: entity is out of the text bounds");
      }
      if (e.type === 'text_link' && !(typeof e.url === 'string' && /^(https?|tg):\/\/\S+$/.test(e.url))) {
        throw new ApiError(400, "Bad Request: can't parse entities: wrong HTTP URL");
      }
      if (e.type === 'text_mention' && !e.user) throw new ApiError(400, "Bad Request: can't parse entities: user not specified");
    }
  }

  private checkMarkup(markup: unknown): void {
    if (markup === undefined) return;
    const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (!Array.isArray(rows)) return; // another keyboard type, already checked against the spec
    let count = 0;
    for (const row of rows as Record<string, unknown>[][]) {
      for (const button of row) {
        count++;
        if (typeof button.text !== 'string' || button.text.trim() === '') throw new ApiError(400, 'Bad Request: BUTTON_TEXT_INVALID');
        const actions = BUTTON_ACTIONS.filter((a) => button[a] !== undefined);
        if (actions.length !== 1) {
          throw new ApiError(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        const data = button.callback_data;
        if (typeof data === 'string' && (Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) {
          throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
    if (count > 100) throw new ApiError(400, 'Bad Request: reply markup is too long');
  }

  private injectFault(method: string, p: Record<string, unknown>): void {
    const fault = this.fault;
    if (!fault || !FAULTY_METHODS.has(method)) return;
    if (fault.chatIds && !fault.chatIds.includes(p.chat_id as number)) return;
    if (fault.after) {
      fault.after -= 1;
      return;
    }
    if (fault.status === 500) throw new ApiError(500, 'Internal Server Error');
    const retryAfter = fault.retryAfter ?? 1;
    this.rateLimited.push({ method, chatId: p.chat_id as number, retryAfter, at: Date.now() });
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }

  private checkRate(method: string, state: ChatState): void {
    const now = Date.now();
    const isGroup = state.chat.type !== 'private';
    const wait = Math.max(this.globalWindow.waitFor('all', now), isGroup ? this.groupWindow.waitFor(String(state.chat.id), now) : 0);
    if (wait > 0) {
      const retryAfter = Math.max(1, Math.ceil(wait / 1000));
      this.rateLimited.push({ method, chatId: state.chat.id, retryAfter, at: now });
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.globalWindow.record('all', now);
    if (isGroup) this.groupWindow.record(String(state.chat.id), now);
  }

  // ---------------------------------------------------------------- helpers

  private chatState(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (!state) throw new Error(`stand-in: unknown chat ${chatId}; addChat() it first`);
    return state;
  }

  /** The chat a call names, or Telegram's error when it is unknown or the bot was removed from it. */
  private reachableChat(chatId: unknown): ChatState {
    const state = typeof chatId === 'number' ? this.chats.get(chatId) : undefined;
    // A user the bot knows (from a group) who never opened a private chat with it: Telegram refuses the first word.
    if (!state && typeof chatId === 'number' && this.users.has(chatId)) {
      throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    }
    if (!state) throw new ApiError(400, 'Bad Request: chat not found');
    if (state.botKicked) {
      throw new ApiError(403, state.chat.type === 'private' ? 'Forbidden: bot was blocked by the user' : `Forbidden: bot was kicked from the ${state.chat.type} chat`);
    }
    return state;
  }

  private remember(update: Update): void {
    const message = update.message ?? update.edited_message;
    if (!message || typeof message !== 'object' || !message.chat || typeof message.chat.id !== 'number') return;
    const chat = message.chat as Chat;
    if (chat.type === 'channel') return;
    this.addChat({ id: chat.id, type: chat.type, title: 'title' in chat ? chat.title : undefined });
    const state = this.chatState(chat.id);
    if (typeof message.message_id === 'number') {
      state.messages.set(message.message_id, message);
      state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
    }
    if (message.from && typeof message.from.id === 'number') this.users.set(message.from.id, message.from);
  }
}

function commandsKey(p: Record<string, unknown>): string {
  const scope = (p.scope as { type: string } | undefined) ?? { type: 'default' };
  return `${JSON.stringify(scope)}|${(p.language_code as string | undefined) ?? ''}`;
}

function chatObject(chat: StandinChat): Chat {
  if (chat.type === 'private') return { id: chat.id, type: 'private', first_name: chat.title ?? 'Someone' };
  return { id: chat.id, type: chat.type, title: chat.title ?? 'A group', ...(chat.is_forum ? { is_forum: true } : {}) } as Chat;
}

function memberObject(user: User, status: ChatMember['status'], rights: Record<string, boolean>): ChatMember {
  if (status === 'administrator') {
    return {
      status,
      user,
      can_be_edited: false,
      is_anonymous: false,
      can_manage_chat: true,
      can_delete_messages: false,
      can_manage_video_chats: false,
      can_restrict_members: false,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: true,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
      ...rights,
    } as ChatMember;
  }
  if (status === 'creator') return { status, user, is_anonymous: false } as ChatMember;
  if (status === 'kicked') return { status, user, until_date: 0 } as ChatMember;
  return { status, user } as ChatMember;
}

/**
 * The parameters of a call (query string, then JSON, form or multipart body) and, for multipart, its file parts. A
 * body over `limit` is read to its end (so the client sees the answer) and refused with 413, as Telegram's server does.
 */
async function readRequest(req: http.IncomingMessage, url: URL, limit: number): Promise<{ params: Record<string, unknown>; files: FormPart[] }> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (req.method !== 'POST') return { params, files: [] };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new ApiError(413, 'Request Entity Too Large');
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { params, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, "Bad Request: can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(400, 'Bad Request: JSON object expected');
    return { params: { ...params, ...(parsed as Record<string, unknown>) }, files: [] };
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) }, files: [] };
  }
  if (type === 'multipart/form-data') {
    let parts: FormPart[];
    try {
      parts = parseMultipart(raw, boundaryOf(contentType));
    } catch (err) {
      if (err instanceof MultipartError) throw new ApiError(400, `Bad Request: ${err.message}`);
      throw err;
    }
    const fields = Object.fromEntries(parts.filter((p) => p.fileName === undefined).map((p) => [p.name, p.data.toString('utf8')]));
    return { params: { ...params, ...fields }, files: parts.filter((p) => p.fileName !== undefined) };
  }
  throw new ApiError(400, `Bad Request: unsupported content type ${type} in the stand-in`);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
