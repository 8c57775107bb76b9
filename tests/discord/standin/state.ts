// The stand-in's world: one guild with a few users, roles, channels and a thread, plus everything the bot posts.
// Shapes follow Discord's API objects (snake_case), because they are sent as-is over REST and the gateway.

export const P = {
  KICK_MEMBERS: 1n << 1n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MENTION_EVERYONE: 1n << 17n,
  MANAGE_WEBHOOKS: 1n << 29n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
  MODERATE_MEMBERS: 1n << 40n,
} as const;
const ALL = (1n << 53n) - 1n;

export interface ApiUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}
export interface ApiRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  icon: null;
  unicode_emoji: null;
}
export interface ApiOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}
export interface ApiChannel {
  id: string;
  type: number;
  guild_id?: string;
  name: string;
  parent_id?: string | null;
  position: number;
  permission_overwrites: ApiOverwrite[];
  thread_metadata?: { archived: boolean; auto_archive_duration: number; archive_timestamp: string; locked: boolean };
  owner_id?: string;
  nsfw?: boolean;
  topic?: string | null;
  last_message_id?: string | null;
  rate_limit_per_user?: number;
  /** DM channels (type 1): the user the bot talks to. */
  recipients?: ApiUser[];
}
export interface ApiMember {
  user: ApiUser;
  roles: string[];
  nick: string | null;
  joined_at: string;
  deaf: boolean;
  mute: boolean;
  flags: number;
  avatar: null;
  /** ISO timestamp until which the member is timed out (cannot post); null when not. */
  communication_disabled_until?: string | null;
}
export interface ApiGuild {
  id: string;
  name: string;
  owner_id: string;
  roles: ApiRole[];
}
export interface ApiWebhook {
  id: string;
  type: 1;
  token: string;
  name: string;
  avatar: string | null;
  channel_id: string;
  guild_id: string;
  application_id: string | null;
  user: ApiUser;
}
export type ApiMessage = Record<string, unknown> & { id: string; channel_id: string; content: string; flags: number };

/** What a stored message needs beyond its API form: who may edit it and whether the bot can see it. */
export interface StoredMessage {
  message: ApiMessage;
  deleted: boolean;
  ephemeral: boolean;
  /** Webhook or interaction token that created it (for webhook-route edits). */
  webhookId?: string;
}

export interface Interaction {
  id: string;
  token: string;
  type: 2 | 3;
  channelId: string;
  guildId?: string;
  userId: string;
  createdAt: number;
  /** The callback type we were answered with (4, 5, 6, 7), once answered. */
  callbackType?: number;
  callbackFlags?: number;
  originalId?: string;
  /** For a button press: the message carrying the button. */
  messageId?: string;
}

export interface Ping {
  messageId: string;
  channelId: string;
  kind: 'user' | 'role' | 'everyone' | 'here';
  id?: string;
}

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
/** Snowflakes with a real timestamp part, so discord.js's createdAt helpers give sensible dates. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
}

export function user(username: string, bot = false): ApiUser {
  return { id: snowflake(), username, global_name: bot ? null : username[0]!.toUpperCase() + username.slice(1), discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

function role(id: string, name: string, permissions: bigint, position: number, managed = false): ApiRole {
  return { id, name, permissions: String(permissions), position, color: 0, hoist: false, managed, mentionable: false, flags: 0, icon: null, unicode_emoji: null };
}

export class World {
  readonly applicationId = snowflake();
  /** Distinct from the application id on purpose: an adapter mixing them up fails the tests. */
  readonly bot = user('quartier', true);
  readonly users = { owner: user('olivia'), admin: user('adam'), moderator: user('mona'), member: user('max') };
  readonly guild: ApiGuild;
  readonly roles: { everyone: string; admins: string; moderators: string; bot: string };
  readonly channels = new Map<string, ApiChannel>();
  readonly members = new Map<string, ApiMember>();
  readonly messages = new Map<string, StoredMessage>();
  /** enforce_nonce: "<channel> <author> <nonce>" → the message it created and when. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  /** Posts answered with an earlier message because of their nonce (a retry that posted nothing twice). */
  nonceHits = 0;
  readonly webhooks = new Map<string, ApiWebhook>();
  readonly interactions = new Map<string, Interaction>();
  readonly pings: Ping[] = [];
  /** User id → the bot's DM channel with them. */
  readonly dmChannels = new Map<string, string>();
  /** Users who do not accept DMs from the guild's members (posting there gives 50007). */
  readonly closedDms = new Set<string>();
  commands: Record<string, unknown>[] = [];
  readonly general: string;
  readonly second: string;
  readonly thread: string;

  constructor() {
    const guildId = snowflake();
    this.roles = { everyone: guildId, admins: snowflake(), moderators: snowflake(), bot: snowflake() };
    const memberPerms = P.VIEW_CHANNEL | P.SEND_MESSAGES | P.READ_MESSAGE_HISTORY | P.EMBED_LINKS | P.SEND_MESSAGES_IN_THREADS;
    this.guild = {
      id: guildId,
      name: 'Rue des Lilas',
      owner_id: this.users.owner.id,
      roles: [
        role(this.roles.everyone, '@everyone', memberPerms, 0),
        role(this.roles.moderators, 'Moderators', P.MANAGE_MESSAGES, 1),
        role(this.roles.admins, 'Admins', P.MANAGE_GUILD, 2),
        role(this.roles.bot, 'Quartier', P.MANAGE_WEBHOOKS | P.SEND_MESSAGES | P.VIEW_CHANNEL, 3, true),
      ],
    };
    const joined = new Date().toISOString();
    const member = (u: ApiUser, roles: string[]): ApiMember => ({ user: u, roles, nick: null, joined_at: joined, deaf: false, mute: false, flags: 0, avatar: null });
    this.members.set(this.users.owner.id, member(this.users.owner, []));
    this.members.set(this.users.admin.id, member(this.users.admin, [this.roles.admins]));
    this.members.set(this.users.moderator.id, member(this.users.moderator, [this.roles.moderators]));
    this.members.set(this.users.member.id, member(this.users.member, []));
    this.members.set(this.bot.id, member(this.bot, [this.roles.bot]));
    this.general = this.addChannel('general');
    this.second = this.addChannel('announcements');
    this.thread = snowflake();
    this.channels.set(this.thread, {
      id: this.thread,
      type: 11,
      guild_id: guildId,
      name: 'lost cat',
      parent_id: this.general,
      owner_id: this.users.member.id,
      position: 0,
      permission_overwrites: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: joined, locked: false },
    });
  }

  addChannel(name: string): string {
    const id = snowflake();
    this.channels.set(id, { id, type: 0, guild_id: this.guild.id, name, parent_id: null, position: this.channels.size, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 });
    return id;
  }

  /** Discord's documented algorithm: base from roles, owner and Administrator win, then channel overwrites. */
  permissions(userId: string, channelId: string): bigint {
    let channel = this.channels.get(channelId);
    if (channel && channel.type === 11 && channel.parent_id) channel = this.channels.get(channel.parent_id);
    const member = this.members.get(userId);
    if (!member || !channel) return 0n;
    if (this.guild.owner_id === userId) return ALL;
    const roleOf = (id: string): bigint => BigInt(this.guild.roles.find((r) => r.id === id)?.permissions ?? '0');
    let base = roleOf(this.roles.everyone);
    for (const r of member.roles) base |= roleOf(r);
    if (base & P.ADMINISTRATOR) return ALL;
    const overwrites = channel.permission_overwrites;
    const everyone = overwrites.find((o) => o.id === this.guild.id);
    if (everyone) base = (base & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
    let allow = 0n;
    let deny = 0n;
    for (const o of overwrites) {
      if (o.type === 0 && member.roles.includes(o.id)) {
        allow |= BigInt(o.allow);
        deny |= BigInt(o.deny);
      }
    }
    base = (base & ~deny) | allow;
    const own = overwrites.find((o) => o.type === 1 && o.id === userId);
    if (own) base = (base & ~BigInt(own.deny)) | BigInt(own.allow);
    return base;
  }

  /** Guild-wide permissions (roles only, no channel overwrites): what member moderation is checked against. */
  guildPermissions(userId: string): bigint {
    const member = this.members.get(userId);
    if (!member) return 0n;
    if (this.guild.owner_id === userId) return ALL;
    let base = BigInt(this.guild.roles.find((r) => r.id === this.roles.everyone)?.permissions ?? '0');
    for (const id of member.roles) base |= BigInt(this.guild.roles.find((r) => r.id === id)?.permissions ?? '0');
    return base & P.ADMINISTRATOR ? ALL : base;
  }

  /** The position of a member's highest role (0 for @everyone only): who may moderate whom. */
  highestRole(userId: string): number {
    const member = this.members.get(userId);
    return Math.max(0, ...(member?.roles ?? []).map((id) => this.guild.roles.find((r) => r.id === id)?.position ?? 0));
  }

  /** True while the member's timeout runs. */
  timedOut(userId: string, now = Date.now()): boolean {
    const until = this.members.get(userId)?.communication_disabled_until;
    return typeof until === 'string' && Date.parse(until) > now;
  }

  guildObject(): Record<string, unknown> {
    return {
      ...this.guild,
      icon: null,
      splash: null,
      discovery_splash: null,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      // Discord posts its own join messages here (type 7), and bots greet there.
      system_channel_id: this.general,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }
}
