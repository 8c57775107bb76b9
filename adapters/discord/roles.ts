// Who someone is in a Discord channel, from Discord's own permissions: Administrator or Manage Server = admin,
// Manage Messages = moderator, else member. Permissions are computed the documented way (guild owner, @everyone and
// member roles, then channel overwrites: @everyone, roles, member). Members are fetched over REST each time, since
// without the privileged GuildMembers intent the gateway does not keep them current; core caches answers briefly.
import { Routes, type Client, type REST } from 'discord.js';
import { unqualify, type QualifiedId } from '../../src/core/envelope.js';
import type { BotRight, Role, RoleLookup } from '../../src/core/roles.js';
import { CODES, isDiscordCode } from './errors.js';

const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;
const MANAGE_MESSAGES = 1n << 13n;
const MANAGE_WEBHOOKS = 1n << 29n;
const MODERATE_MEMBERS = 1n << 40n;

/** The permissions Quartier uses, each with the right the setup names when it is missing. */
const NEEDED: [bigint, BotRight][] = [
  [MANAGE_MESSAGES, 'manage-messages'],
  [MANAGE_WEBHOOKS, 'manage-webhooks'],
  [MODERATE_MEMBERS, 'moderate-members'],
];

export function missingFromPermissions(permissions: bigint): BotRight[] {
  return NEEDED.filter(([bit]) => (permissions & bit) === 0n).map(([, right]) => right);
}
const ALL = (1n << 64n) - 1n;
const THREAD_TYPES = new Set([10, 11, 12]);

export interface Overwrite {
  id: string;
  type: number;
  allow: string;
  deny: string;
}

export interface PermissionInput {
  userId: string;
  guildId: string;
  ownerId: string;
  roles: { id: string; permissions: string }[];
  memberRoles: string[];
  overwrites: Overwrite[];
}

export function computePermissions(input: PermissionInput): bigint {
  if (input.userId === input.ownerId) return ALL;
  const rolePermissions = new Map(input.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let permissions = rolePermissions.get(input.guildId) ?? 0n;
  for (const role of input.memberRoles) permissions |= rolePermissions.get(role) ?? 0n;
  if (permissions & ADMINISTRATOR) return ALL;
  const everyone = input.overwrites.find((o) => o.id === input.guildId);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of input.overwrites) {
    if (o.type === 0 && o.id !== input.guildId && input.memberRoles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = input.overwrites.find((o) => o.type === 1 && o.id === input.userId);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);
  return permissions;
}

export function roleFromPermissions(permissions: bigint): Role {
  if (permissions & (ADMINISTRATOR | MANAGE_GUILD)) return 'admin';
  if (permissions & MANAGE_MESSAGES) return 'moderator';
  return 'member';
}

interface ChannelInfo {
  guildId?: string;
  type: number;
  parentId?: string | null;
  overwrites: Overwrite[];
}

interface GuildInfo {
  ownerId: string;
  roles: { id: string; permissions: string }[];
}

/** Reads channels and guilds from discord.js's gateway cache when this process has one, else over REST. */
export class DiscordRoles implements RoleLookup {
  constructor(
    private readonly rest: REST,
    private readonly client?: () => Client | undefined,
  ) {}

  async roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role> {
    let channel = await this.channel(unqualify(chatId).bare);
    if (!channel?.guildId) return 'member';
    if (THREAD_TYPES.has(channel.type) && channel.parentId) channel = (await this.channel(channel.parentId)) ?? channel;
    const guildId = channel.guildId!;
    const user = unqualify(userId).bare;
    const [guild, member] = await Promise.all([this.guild(guildId), this.member(guildId, user)]);
    if (!guild || !member) return 'member';
    return roleFromPermissions(computePermissions({ userId: user, guildId, ownerId: guild.ownerId, roles: guild.roles, memberRoles: member, overwrites: channel.overwrites }));
  }

  /** What the bot lacks in this channel (its own permissions, computed as for anyone); undefined outside a guild. */
  async missingRights(chatId: QualifiedId): Promise<BotRight[] | undefined> {
    const channel = await this.channel(unqualify(chatId).bare);
    if (!channel?.guildId) return undefined;
    const own = await this.ownId();
    const [guild, member] = await Promise.all([this.guild(channel.guildId), this.member(channel.guildId, own)]);
    if (!guild || !member) return undefined;
    return missingFromPermissions(computePermissions({ userId: own, guildId: channel.guildId, ownerId: guild.ownerId, roles: guild.roles, memberRoles: member, overwrites: channel.overwrites }));
  }

  private botId: string | undefined;

  /** Our own user id: from the gateway where this process has one, else asked over REST once. */
  private async ownId(): Promise<string> {
    this.botId ??= this.client?.()?.user?.id ?? ((await this.rest.get(Routes.user())) as { id: string }).id;
    return this.botId;
  }

  /** The guild of a channel or thread; undefined for a DM or a channel the bot cannot see. */
  async guildOf(channelId: string): Promise<string | undefined> {
    return (await this.channel(channelId))?.guildId;
  }

  private async channel(id: string): Promise<ChannelInfo | undefined> {
    const cached = this.client?.()?.channels.cache.get(id);
    if (cached && 'guildId' in cached) {
      const overwrites = 'permissionOverwrites' in cached && cached.permissionOverwrites
        ? [...cached.permissionOverwrites.cache.values()].map((o) => ({ id: o.id, type: o.type, allow: String(o.allow.bitfield), deny: String(o.deny.bitfield) }))
        : [];
      return { guildId: cached.guildId, type: cached.type, parentId: cached.parentId, overwrites };
    }
    try {
      const raw = (await this.rest.get(Routes.channel(id))) as { guild_id?: string; type: number; parent_id?: string | null; permission_overwrites?: Overwrite[] };
      return { guildId: raw.guild_id, type: raw.type, parentId: raw.parent_id, overwrites: raw.permission_overwrites ?? [] };
    } catch (error) {
      if (isDiscordCode(error, CODES.unknownChannel) || isDiscordCode(error, CODES.missingAccess)) return undefined;
      throw error;
    }
  }

  private async guild(id: string): Promise<GuildInfo | undefined> {
    const cached = this.client?.()?.guilds.cache.get(id);
    if (cached) return { ownerId: cached.ownerId, roles: [...cached.roles.cache.values()].map((r) => ({ id: r.id, permissions: String(r.permissions.bitfield) })) };
    try {
      const raw = (await this.rest.get(Routes.guild(id))) as { owner_id: string; roles: { id: string; permissions: string }[] };
      return { ownerId: raw.owner_id, roles: raw.roles };
    } catch (error) {
      if (isDiscordCode(error, CODES.unknownGuild) || isDiscordCode(error, CODES.missingAccess)) return undefined;
      throw error;
    }
  }

  private async member(guildId: string, userId: string): Promise<string[] | undefined> {
    try {
      const raw = (await this.rest.get(Routes.guildMember(guildId, userId))) as { roles: string[] };
      return raw.roles;
    } catch (error) {
      if (isDiscordCode(error, 10007)) return undefined;
      throw error;
    }
  }
}
