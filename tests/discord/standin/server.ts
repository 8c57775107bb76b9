// A local stand-in for Discord: one HTTP server on 127.0.0.1 with the REST API under /api/v10, the gateway at
// /gateway and a CDN at /cdn, plus the controls tests need (user messages with or without files, slash commands,
// button presses, roles, overwrites, closing the gateway, reading what was sent, files included, and the 429s
// returned). Limits are scaled by constructor options.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Gateway, INTENTS } from './gateway.js';
import { Rest } from './rest.js';
import { Cdn, type ApiAttachment, type StickerFormat } from './cdn.js';
import type { Limit } from './ratelimit.js';
import { P, World, snowflake, user as apiUser, type ApiMessage, type ApiOverwrite, type ApiUser, type Interaction } from './state.js';

export { P } from './state.js';

export interface DiscordStandInOptions {
  token?: string;
  /** Messages per channel per window (Discord: 5 per 5 s). */
  perChannel?: Limit;
  /** Requests per window for the whole bot (Discord: 50 per s). */
  global?: Limit;
  heartbeatIntervalMs?: number;
  /** How long an interaction may wait for its callback (Discord: 3 s). */
  interactionDeadlineMs?: number;
  privilegedIntents?: number;
  /** Largest file accepted, in bytes (Discord: 10 MiB in a server without boosts). */
  uploadLimit?: number;
  /** Largest multipart body accepted, in bytes (Discord: about 25 MiB). */
  requestLimit?: number;
  /** A message post is answered this long after it was created (a crash can fall in between). */
  postAnswerDelayMs?: number;
}

/** A file a test user posts. */
export interface UserFile {
  name: string;
  data: Buffer;
  /** Omitted: the attachment has no content_type, as Discord does for types it does not recognise. */
  contentType?: string;
}

/** A sticker a test user posts; `data` is what the CDN serves for it. */
export interface UserSticker {
  name: string;
  format: StickerFormat;
  data: Buffer;
}

/** A message the bot posted, as a test reads it: text, files with their bytes, and how it was posted. */
export interface BotPost {
  id: string;
  channelId: string;
  content: string;
  /** Posted through a webhook (an identity post) rather than as the bot itself. */
  viaWebhook: boolean;
  /** The name shown: the webhook username for identity posts, the bot's username otherwise. */
  username: string;
  /** The message it replies to (bot posts only; webhooks cannot reply). */
  replyTo?: string;
  files: { name: string; contentType?: string; size: number; data: Buffer }[];
}

export interface SlashOption {
  name: string;
  /** 3 = string, 1 = sub-command. */
  type: number;
  value?: string;
  options?: SlashOption[];
}

export class DiscordStandIn {
  readonly token: string;
  readonly world = new World();
  readonly gateway: Gateway;
  readonly rest: Rest;
  readonly cdn = new Cdn();
  private readonly server: Server;
  private port = 0;

  constructor(options: DiscordStandInOptions = {}) {
    this.token = options.token ?? `stand-in.${randomBytes(8).toString('hex')}`;
    this.gateway = new Gateway(this.world, {
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
      privilegedIntents: options.privilegedIntents ?? INTENTS.MessageContent,
    });
    this.rest = new Rest(this.world, this.gateway, {
      token: this.token,
      perChannel: options.perChannel ?? { limit: 5, windowMs: 5000 },
      global: options.global ?? { limit: 50, windowMs: 1000 },
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      gatewayUrl: () => this.gateway.url,
      cdn: this.cdn,
      uploadLimit: options.uploadLimit ?? 10 * 1024 * 1024,
      requestLimit: options.requestLimit ?? 25 * 1024 * 1024,
      postAnswerDelayMs: options.postAnswerDelayMs,
    });
    this.server = createServer((req, res) => {
      if (req.url?.startsWith('/cdn/')) this.cdn.handle(req, res);
      else void this.rest.handle(req, res);
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === '/gateway') this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.gateway.url = `ws://127.0.0.1:${this.port}/gateway`;
    this.cdn.url = `http://127.0.0.1:${this.port}/cdn`;
    return this;
  }

  /** What the adapter's cdnUrl should be: stickers are fetched there and attachment URLs point there. */
  get cdnUrl(): string {
    return this.cdn.url;
  }

  /** What DISCORD_API_URL should be set to (discord.js appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- controls: inbound events ------------------------------------------------------------------------------

  /** A user posts in a channel; returns the message as the gateway carried it. */
  userMessage(channelId: string, user: ApiUser, content: string, extra: Record<string, unknown> = {}): ApiMessage {
    const channel = this.world.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    const member = this.world.members.get(user.id);
    // Discord's client does not let a member in a timeout post: a test asking for it is mistaken.
    if (this.world.timedOut(user.id)) throw new Error(`stand-in: ${user.username} is timed out and cannot post`);
    const id = snowflake();
    const mentionIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
    const message: ApiMessage = {
      id,
      channel_id: channelId,
      guild_id: channel.guild_id,
      author: user,
      member: member ? { roles: member.roles, nick: member.nick, joined_at: member.joined_at, deaf: false, mute: false, flags: 0 } : undefined,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [...new Set(mentionIds)].map((u) => this.world.members.get(u)?.user).filter(Boolean),
      mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...extra,
    };
    this.world.messages.set(id, { message, deleted: false, ephemeral: false });
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /**
   * Someone joins the server: they become a member (no roles), GUILD_MEMBER_ADD goes to sessions with the Guild
   * Members intent, and Discord's own join message (type 7) is posted in the system channel for everyone.
   */
  memberJoins(username: string, options: { bot?: boolean } = {}): ApiUser {
    const joined = apiUser(username, options.bot);
    const member = { user: joined, roles: [], nick: null, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, avatar: null };
    this.world.members.set(joined.id, member);
    this.gateway.dispatch('GUILD_MEMBER_ADD', { guild_id: this.world.guild.id, ...member });
    this.userMessage(this.world.general, joined, '', { type: 7 });
    return joined;
  }

  /**
   * A user posts files (and stickers) with a text, which may be empty; the CDN serves their bytes at the attachment
   * URLs. `voice` makes it a voice message (Discord's flag, one audio file with a duration and waveform).
   */
  userFiles(channelId: string, user: ApiUser, content: string, files: UserFile[], options: { stickers?: UserSticker[]; voice?: boolean; extra?: Record<string, unknown> } = {}): ApiMessage {
    const attachments: ApiAttachment[] = files.map((file) => this.cdn.storeAttachment(channelId, file.name, file.data, file.contentType));
    if (options.voice) for (const attachment of attachments) Object.assign(attachment, { duration_secs: 2.5, waveform: Buffer.alloc(32).toString('base64') });
    const stickers = (options.stickers ?? []).map((sticker) => this.cdn.storeSticker(sticker.name, sticker.format, sticker.data));
    return this.userMessage(channelId, user, content, {
      attachments,
      ...(stickers.length > 0 ? { sticker_items: stickers } : {}),
      ...(options.voice ? { flags: 1 << 13 } : {}),
      ...options.extra,
    });
  }

  /** A user runs a registered slash command; options are given in the order the user filled them in. */
  slashCommand(channelId: string, user: ApiUser, name: string, options: SlashOption[] = [], locale = 'en-US'): Interaction {
    const command = this.world.commands.find((c) => c.name === name);
    if (!command) throw new Error(`/${name} is not registered`);
    const channel = this.world.channels.get(channelId)!;
    const interaction = this.newInteraction(2, channelId, user.id);
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, user, locale),
      channel: { id: channel.id, type: channel.type, guild_id: channel.guild_id, name: channel.name, parent_id: channel.parent_id ?? null },
      data: { id: command.id, name, type: 1, guild_id: channel.guild_id, ...(options.length ? { options } : {}) },
    });
    return interaction;
  }

  /** A user chooses a message menu entry (type 3) on a message, as Discord sends it: the message in `resolved`. */
  messageCommand(messageId: string, user: ApiUser, name: string, locale = 'en-US'): Interaction {
    const command = this.world.commands.find((c) => c.name === name && c.type === 3);
    if (!command) throw new Error(`menu entry "${name}" is not registered`);
    const stored = this.world.messages.get(messageId);
    if (!stored) throw new Error(`no message ${messageId}`);
    const channel = this.world.channels.get(stored.message.channel_id)!;
    const interaction = this.newInteraction(2, channel.id, user.id);
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, user, locale),
      channel: { id: channel.id, type: channel.type, guild_id: channel.guild_id, name: channel.name, parent_id: channel.parent_id ?? null },
      data: { id: command.id, name, type: 3, guild_id: channel.guild_id, target_id: messageId, resolved: { messages: { [messageId]: stored.message } } },
    });
    return interaction;
  }

  /** A user presses a button on one of the bot's messages. */
  pressButton(messageId: string, user: ApiUser, customId: string): Interaction {
    const stored = this.world.messages.get(messageId);
    if (!stored) throw new Error(`no message ${messageId}`);
    // Discord's client does not let a member in a timeout use a message's buttons.
    if (this.world.timedOut(user.id)) throw new Error(`stand-in: ${user.username} is timed out and cannot press buttons`);
    const channel = this.world.channels.get(stored.message.channel_id)!;
    const interaction = this.newInteraction(3, channel.id, user.id);
    interaction.messageId = messageId;
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, user, 'fr'),
      channel: { id: channel.id, type: channel.type, guild_id: channel.guild_id, name: channel.name, parent_id: channel.parent_id ?? null },
      message: stored.message,
      data: { custom_id: customId, component_type: 2 },
    });
    return interaction;
  }

  private newInteraction(type: 2 | 3, channelId: string, userId: string): Interaction {
    const interaction: Interaction = { id: snowflake(), token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`, type, channelId, guildId: this.world.guild.id, userId, createdAt: Date.now() };
    this.world.interactions.set(interaction.id, interaction);
    return interaction;
  }

  private interactionBase(interaction: Interaction, user: ApiUser, locale: string): Record<string, unknown> {
    const member = this.world.members.get(user.id)!;
    // In the bot's DM (a global command used there): a `user` and no guild, context 1 (BOT_DM).
    if (this.world.channels.get(interaction.channelId)?.type === 1) {
      return {
        id: interaction.id,
        application_id: this.world.applicationId,
        type: interaction.type,
        token: interaction.token,
        version: 1,
        channel_id: interaction.channelId,
        user,
        locale,
        app_permissions: '0',
        entitlements: [],
        authorizing_integration_owners: { '0': this.world.guild.id },
        context: 1,
        attachment_size_limit: 10485760,
      };
    }
    return {
      id: interaction.id,
      application_id: this.world.applicationId,
      type: interaction.type,
      token: interaction.token,
      version: 1,
      guild_id: this.world.guild.id,
      guild: { id: this.world.guild.id, locale: 'en-US', features: [] },
      channel_id: interaction.channelId,
      member: { ...member, permissions: String(this.world.permissions(user.id, interaction.channelId)) },
      locale,
      guild_locale: 'en-US',
      app_permissions: String(this.world.permissions(this.world.bot.id, interaction.channelId)),
      entitlements: [],
      authorizing_integration_owners: { '0': this.world.guild.id },
      context: 0,
      attachment_size_limit: 10485760,
    };
  }

  /** Dispatches any event as is (edits, deletes, fixtures). */
  dispatch(t: string, d: Record<string, unknown>): void {
    this.gateway.dispatch(t, d);
  }

  // ---- controls: the world -----------------------------------------------------------------------------------

  addChannel(name: string): string {
    const id = this.world.addChannel(name);
    this.gateway.dispatch('CHANNEL_CREATE', this.world.channels.get(id) as unknown as Record<string, unknown>);
    return id;
  }

  /** Gives the bot's own role these guild permissions (on top of what it has), e.g. P.MODERATE_MEMBERS. */
  grantBot(permissions: bigint): void {
    const role = this.world.guild.roles.find((r) => r.id === this.world.roles.bot)!;
    role.permissions = String(BigInt(role.permissions) | permissions);
  }

  setMemberRoles(userId: string, roleIds: string[]): void {
    this.world.members.get(userId)!.roles = roleIds;
  }

  setOverwrite(channelId: string, overwrite: ApiOverwrite): void {
    const channel = this.world.channels.get(channelId)!;
    channel.permission_overwrites = [...channel.permission_overwrites.filter((o) => o.id !== overwrite.id), overwrite];
    this.gateway.dispatch('CHANNEL_UPDATE', channel as unknown as Record<string, unknown>);
  }

  /** Takes away the bot's right to post in (or, with `view`, to see) a channel. */
  denyBot(channelId: string, view = false): void {
    this.setOverwrite(channelId, { id: this.world.bot.id, type: 1, allow: '0', deny: String(view ? P.VIEW_CHANNEL : P.SEND_MESSAGES) });
  }

  /** The DM channel between the bot and a user (opened as POST /users/@me/channels would), for the user to write in. */
  openDm(userId: string): string {
    let id = this.world.dmChannels.get(userId);
    if (!id) {
      id = snowflake();
      this.world.dmChannels.set(userId, id);
      this.world.channels.set(id, { id, type: 1, name: '', position: 0, permission_overwrites: [], last_message_id: null, recipients: [this.world.members.get(userId)!.user] });
    }
    return id;
  }

  /** The user stops accepting DMs from the guild's members: the bot's posts to their DM channel get 50007. */
  closeDms(userId: string): void {
    this.world.closedDms.add(userId);
  }

  /** What the bot posted privately to a user (oldest first). */
  dmsTo(userId: string): ApiMessage[] {
    const channelId = this.world.dmChannels.get(userId);
    return channelId ? this.messagesIn(channelId) : [];
  }

  closeGateway(code = 4000): void {
    this.gateway.closeAll(code);
  }

  // ---- controls: what happened -------------------------------------------------------------------------------

  /** Messages currently visible in a channel, oldest first (ephemeral ones included, flagged). */
  messagesIn(channelId: string): (ApiMessage & { ephemeral: boolean })[] {
    return [...this.world.messages.values()]
      .filter((s) => !s.deleted && s.message.channel_id === channelId)
      .map((s) => ({ ...s.message, ephemeral: s.ephemeral }));
  }

  /** Messages the bot (or its webhooks and interaction responses) posted anywhere. */
  botMessages(): (ApiMessage & { ephemeral: boolean; deleted: boolean })[] {
    return [...this.world.messages.values()]
      .filter((s) => (s.message.author as ApiUser).id === this.world.bot.id || s.webhookId)
      .map((s) => ({ ...s.message, ephemeral: s.ephemeral, deleted: s.deleted }));
  }

  /** What the bot posted (itself or through its webhooks) and still shows, oldest first; `channelId` narrows it. */
  botPosts(channelId?: string): BotPost[] {
    return this.botMessages()
      .filter((m) => !m.deleted && !m.ephemeral && (channelId === undefined || m.channel_id === channelId))
      .map((m) => {
        const attachments = (m.attachments as ApiAttachment[] | undefined) ?? [];
        const reference = m.message_reference as { message_id?: string } | undefined;
        return {
          id: m.id,
          channelId: m.channel_id,
          content: m.content,
          viaWebhook: Boolean(m.webhook_id) && m.webhook_id !== this.world.applicationId,
          username: (m.author as ApiUser).username,
          ...(reference?.message_id ? { replyTo: reference.message_id } : {}),
          files: attachments.map((a) => ({ name: a.filename, contentType: a.content_type, size: a.size, data: this.cdnBytes(a.url) })),
        };
      });
  }

  /** The bytes the CDN serves at an attachment URL. */
  cdnBytes(url: string): Buffer {
    const path = new URL(url).pathname.slice('/cdn'.length);
    const file = this.cdn.files.get(path);
    if (!file) throw new Error(`nothing on the CDN at ${path}`);
    return file.data;
  }

  get pings() {
    return this.world.pings;
  }

  get rateLimited() {
    return this.rest.rateLimited;
  }

  get requests() {
    return this.rest.log;
  }

  get stats() {
    return this.gateway.stats;
  }
}
