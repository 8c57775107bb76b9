// Raw Discord gateway events → Envelopes. Pure: no I/O, no clock unless given; everything it needs to know about
// the world (our own ids, our webhooks, which channels are threads, the command shapes) comes in `context`.
//
// Ids: chat `discord:<channel id>`, user `discord:<user id>`, message `discord:<channel id>/<message id>` (the
// channel the message really lives in, thread or not, because that is where it must be edited or deleted).
// Threads: the chat is the parent channel, so a channel's settings, rules and bridges cover its threads;
// `chat.threadId` is the thread's channel id, and replies carry it to land in the thread.
import { chatMessageId, qualify, type Attachment, type Envelope, type Mention, type Person } from '../../src/core/envelope.js';
import { menuKey, type CommandShapes } from './commands.js';
import { STICKER_FORMATS } from './files.js';
import type { DiscordRawEvent, RawAttachment, RawCommandOption, RawGuildCreate, RawInteraction, RawMemberAdd, RawMessage, RawMessageDelete } from './raw.js';
import './raw.js';

export interface NormalizeContext {
  /** Our bot user's id: its own messages are ignored, mentions of it address the bot. */
  botUserId: string;
  /** Our application's id: interaction responses and our webhooks' posts carry it. */
  applicationId?: string;
  /** Webhooks we created (identity posts): their echoes are ignored. */
  ownWebhookIds?: ReadonlySet<string>;
  /** The parent channel of a thread, undefined for a channel that is not a thread (from the gateway cache). */
  parentOf?: (channelId: string) => string | undefined;
  /** How registered slash commands map back to text (see commands.ts). */
  commands?: CommandShapes;
  /** When the event was received, for events that carry no time of their own (deletes). */
  now?: number;
  /** Whether a GUILD_CREATE is for a guild the bot was just added to (not one READY listed). */
  isNewGuild?: (guildId: string) => boolean;
  /** The channel where a guild greets its new members (its system channel), if it has one. */
  systemChannelOf?: (guildId: string) => string | undefined;
}

const MESSAGE_DEFAULT = 0;
const MESSAGE_USER_JOIN = 7;
const MESSAGE_REPLY = 19;
const MESSAGE_CHAT_INPUT_COMMAND = 20;
const REFERENCE_FORWARD = 1;
const FLAG_VOICE_MESSAGE = 1 << 13;
const INTERACTION_APPLICATION_COMMAND = 2;
const INTERACTION_MESSAGE_COMPONENT = 3;
const COMMAND_CHAT_INPUT = 1;
const COMMAND_MESSAGE = 3;
const OPTION_SUB_COMMAND = 1;
const OPTION_SUB_COMMAND_GROUP = 2;

const q = (id: string) => qualify('discord', id);
export const messageRef = (channelId: string, messageId: string) => chatMessageId('discord', channelId, messageId);

export function normalize(event: DiscordRawEvent, context: NormalizeContext): Envelope | null {
  switch (event.t) {
    case 'MESSAGE_CREATE':
      return normalizeMessage(event, event.d, 'message', context);
    case 'MESSAGE_UPDATE':
      // Updates without edited_timestamp are Discord filling in link previews, not a person editing.
      if (!event.d.edited_timestamp || !event.d.author) return null;
      return normalizeMessage(event, event.d, 'edit', context);
    case 'MESSAGE_DELETE':
      return normalizeDelete(event, event.d, context);
    case 'INTERACTION_CREATE':
      return normalizeInteraction(event, event.d, context);
    case 'GUILD_MEMBER_ADD':
      return normalizeMemberAdd(event, event.d, context);
    case 'GUILD_CREATE':
      return normalizeGuildCreate(event, event.d, context);
    default:
      return null;
  }
}

function isOurs(message: RawMessage, context: NormalizeContext): boolean {
  if (message.author.id === context.botUserId) return true;
  if (!message.webhook_id) return false;
  if (context.ownWebhookIds?.has(message.webhook_id)) return true;
  // Interaction responses come from a webhook named after the application; posts through webhooks an application
  // created carry its id too, so an echo is recognised even before this process has seen the webhook.
  return context.applicationId !== undefined && (message.webhook_id === context.applicationId || message.application_id === context.applicationId);
}

function chatOf(channelId: string, guildId: string | undefined, context: NormalizeContext, parentId?: string | null): Envelope['chat'] {
  const parent = parentId ?? context.parentOf?.(channelId);
  if (parent) return { id: q(parent), type: 'group', threadId: channelId };
  return { id: q(channelId), type: guildId ? 'group' : 'private' };
}

function person(user: RawMessage['author'], member?: { nick?: string | null }, language?: string): Person {
  return {
    id: q(user.id),
    name: member?.nick || user.global_name || user.username,
    username: user.username,
    ...(language ? { language } : {}),
    ...(user.bot ? { isBot: true } : {}),
  };
}

/** Mentions from Discord's metadata; the text is only searched to say where each one is. */
function mentionsOf(message: RawMessage, text: string): Mention[] {
  const mentions: Mention[] = [];
  const locate = (patterns: string[]): { offset: number; length: number } | Record<string, never> => {
    for (const pattern of patterns) {
      const offset = text.indexOf(pattern);
      if (offset >= 0) return { offset, length: pattern.length };
    }
    return {};
  };
  for (const user of message.mentions ?? []) mentions.push({ kind: 'user', id: q(user.id), ...locate([`<@${user.id}>`, `<@!${user.id}>`]) });
  for (const role of message.mention_roles ?? []) mentions.push({ kind: 'role', id: q(role), ...locate([`<@&${role}>`]) });
  for (const channel of message.mention_channels ?? []) mentions.push({ kind: 'channel', id: q(channel.id), ...locate([`<#${channel.id}>`]) });
  if (message.mention_everyone) mentions.push({ kind: 'everyone', ...locate(['@everyone', '@here']) });
  return mentions;
}

function attachmentOf(raw: RawAttachment, voice: boolean): Attachment {
  const type = raw.content_type ?? '';
  const kind: Attachment['kind'] = voice
    ? 'voice'
    : type.startsWith('image/')
      ? 'photo'
      : type.startsWith('video/')
        ? 'video'
        : type.startsWith('audio/')
          ? 'audio'
          : 'document';
  return {
    kind,
    fileRef: raw.url,
    fileName: raw.filename,
    ...(raw.content_type ? { mimeType: raw.content_type } : {}),
    ...(raw.size !== undefined ? { size: raw.size } : {}),
  };
}

/** `!help` → `/help`, so every platform's commands reach the pipeline as `/name args`. */
function commandForm(text: string): string {
  return text.replace(/^!([a-z0-9_]+)(?=\s|$)/i, '/$1');
}

function normalizeMessage(event: DiscordRawEvent, message: RawMessage, kind: 'message' | 'edit', context: NormalizeContext): Envelope | null {
  if (isOurs(message, context)) return null;
  const chat = chatOf(message.channel_id, message.guild_id, context);
  // A webhook's post is no person's: another bot or integration speaks through it, whatever its author object says.
  const sender = { ...person(message.author, message.member), ...(message.webhook_id ? { isBot: true } : {}) };
  const messageId = messageRef(message.channel_id, message.id);
  if (message.type === MESSAGE_USER_JOIN) {
    if (kind !== 'message') return null;
    return { id: `discord:join:${message.channel_id}/${message.id}`, platform: 'discord', kind: 'join', chat, sender, messageId, text: '', mentions: [], attachments: [], addressedToBot: false, sentAt: Date.parse(message.timestamp), raw: event };
  }
  if (![MESSAGE_DEFAULT, MESSAGE_REPLY, MESSAGE_CHAT_INPUT_COMMAND].includes(message.type)) return null;

  const forwarded = message.message_reference?.type === REFERENCE_FORWARD;
  const snapshot = forwarded ? message.message_snapshots?.[0]?.message : undefined;
  const text = commandForm(message.content || snapshot?.content || '');
  const voice = Boolean((message.flags ?? 0) & FLAG_VOICE_MESSAGE);
  const attachments = [...(message.attachments ?? []), ...(snapshot?.attachments ?? [])].map((a) => attachmentOf(a, voice));
  // A sticker is named by its id; its format, as a mime type, tells download() which file the CDN has.
  for (const sticker of message.sticker_items ?? []) {
    const format = sticker.format_type === undefined ? undefined : STICKER_FORMATS[sticker.format_type];
    attachments.push({ kind: 'sticker', fileRef: sticker.id, fileName: sticker.name, ...(format ? { mimeType: format.mimeType } : {}) });
  }

  const reference = !forwarded && message.message_reference?.message_id ? message.message_reference : undefined;
  const replyTo = reference
    ? {
        messageId: messageRef(reference.channel_id ?? message.channel_id, reference.message_id!),
        ...(message.referenced_message
          ? {
              senderId: q(message.referenced_message.author.id),
              senderName: person(message.referenced_message.author, message.referenced_message.member).name,
              ...(message.referenced_message.content ? { text: message.referenced_message.content.slice(0, 1000) } : {}),
            }
          : {}),
      }
    : undefined;
  const mentions = mentionsOf(message, text);
  const addressedToBot =
    !message.guild_id ||
    (message.mentions ?? []).some((u) => u.id === context.botUserId) ||
    message.referenced_message?.author.id === context.botUserId;
  const edited = kind === 'edit';
  return {
    // An edit is a new event each time it happens; its id includes when.
    id: edited ? `discord:edit:${message.channel_id}/${message.id}:${message.edited_timestamp}` : messageId,
    platform: 'discord',
    kind,
    chat,
    sender,
    messageId,
    text,
    mentions,
    ...(replyTo ? { replyTo } : {}),
    attachments,
    addressedToBot,
    ...(forwarded ? { forwarded: true } : {}),
    ...(forwarded && message.message_reference?.channel_id ? { forward: { fromChat: q(message.message_reference.channel_id) } } : {}),
    sentAt: Date.parse((edited ? message.edited_timestamp : message.timestamp) ?? message.timestamp),
    raw: event,
  };
}

function normalizeDelete(event: DiscordRawEvent, d: RawMessageDelete, context: NormalizeContext): Envelope {
  return {
    id: `discord:delete:${d.channel_id}/${d.id}`,
    platform: 'discord',
    kind: 'delete',
    chat: chatOf(d.channel_id, d.guild_id, context),
    // Discord does not say who deleted a message (or who wrote it); the pipeline looks the message up by id.
    sender: { id: q('unknown'), name: '' },
    messageId: messageRef(d.channel_id, d.id),
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: false,
    sentAt: context.now ?? snowflakeTime(d.id),
    raw: event,
  };
}

/** `/faq add wifi | the code` rebuilt from the options, in the order the command declares its arguments. */
export function commandText(data: NonNullable<RawInteraction['data']>, shapes: CommandShapes | undefined): string {
  const name = data.name ?? '';
  const shape = shapes?.get(name);
  const words = [`/${name}`];
  let options: RawCommandOption[] = data.options ?? [];
  let order = shape?.args;
  const group = options.find((o) => o.type === OPTION_SUB_COMMAND_GROUP);
  if (group) {
    words.push(group.name);
    options = group.options ?? [];
  }
  const sub = options.find((o) => o.type === OPTION_SUB_COMMAND);
  if (sub) {
    if (sub.name === shape?.bareSub) order = shape.args;
    else {
      words.push(sub.name);
      order = shape?.subcommands[sub.name];
    }
    options = sub.options ?? [];
  }
  const rank = (o: RawCommandOption) => {
    const i = order?.indexOf(o.name) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const ordered = [...options].sort((a, b) => rank(a) - rank(b));
  for (const option of ordered) {
    const value = option.value === undefined ? '' : String(option.value).trim();
    if (value) words.push(value);
  }
  return words.join(' ');
}

function normalizeInteraction(event: DiscordRawEvent, d: RawInteraction, context: NormalizeContext): Envelope | null {
  const user = d.member?.user ?? d.user;
  const channelId = d.channel?.id ?? d.channel_id;
  if (!user || !channelId || !d.data) return null;
  const isThread = d.channel?.type === 10 || d.channel?.type === 11 || d.channel?.type === 12;
  const chat = chatOf(channelId, d.guild_id, context, isThread ? d.channel?.parent_id : undefined);
  const sender = person(user, d.member, d.locale);
  const base = { platform: 'discord' as const, chat, sender, mentions: [], attachments: [], sentAt: snowflakeTime(d.id), raw: event };
  if (d.type === INTERACTION_APPLICATION_COMMAND && (d.data.type ?? COMMAND_CHAT_INPUT) === COMMAND_CHAT_INPUT) {
    return { ...base, id: `discord:interaction:${d.id}`, kind: 'message', text: commandText(d.data, context.commands), addressedToBot: true, interaction: { id: d.id, token: d.token } };
  }
  if (d.type === INTERACTION_APPLICATION_COMMAND && d.data.type === COMMAND_MESSAGE && d.data.target_id) {
    // A message menu entry runs its command with no arguments, as a reply to the chosen message.
    const command = context.commands?.get(menuKey(d.data.name ?? ''))?.menuFor;
    if (!command) return null;
    const target = d.data.resolved?.messages?.[d.data.target_id];
    const replyTo: NonNullable<Envelope['replyTo']> = { messageId: messageRef(channelId, d.data.target_id) };
    if (target) {
      replyTo.senderId = q(target.author.id);
      replyTo.senderName = person(target.author, target.member).name;
      if (target.content) replyTo.text = target.content.slice(0, 1000);
    }
    return { ...base, id: `discord:interaction:${d.id}`, kind: 'message', text: `/${command}`, replyTo, addressedToBot: true, interaction: { id: d.id, token: d.token } };
  }
  if (d.type === INTERACTION_MESSAGE_COMPONENT && d.data.custom_id !== undefined) {
    // No `interaction` here: a reply to a button press is a new channel message, not an edit of the message
    // holding the button (which is what answering through a component interaction's token would do).
    return {
      ...base,
      id: `discord:interaction:${d.id}`,
      kind: 'button',
      text: '',
      buttonData: d.data.custom_id,
      ...(d.message ? { messageId: messageRef(d.message.channel_id, d.message.id) } : {}),
      addressedToBot: true,
    };
  }
  return null;
}

/** Milliseconds since the epoch encoded in a Discord snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + 1420070400000n);
}

/**
 * The bot added to a guild. Discord sends GUILD_CREATE for every guild at each connection too: only a guild READY did
 * not list is new (as discord.js tells them apart). A join addressed to the bot in the guild's system channel (the
 * setup's cue); a guild without a system channel has nowhere to say it.
 */
function normalizeGuildCreate(event: DiscordRawEvent, guild: RawGuildCreate, context: NormalizeContext): Envelope | null {
  if (!guild.system_channel_id || context.isNewGuild?.(guild.id) !== true) return null;
  const joinedAt = guild.joined_at ? Date.parse(guild.joined_at) : NaN;
  return {
    id: `discord:bot-added:${guild.id}/${guild.joined_at ?? ''}`,
    platform: 'discord',
    kind: 'join',
    chat: chatOf(guild.system_channel_id, guild.id, context),
    sender: { id: q(context.botUserId), name: 'Quartier', isBot: true },
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: true,
    sentAt: Number.isNaN(joinedAt) ? (context.now ?? 0) : joinedAt,
    raw: event,
  };
}

/**
 * A member joined the guild (GUILD_MEMBER_ADD, with the Guild Members intent): a join in the guild's system channel,
 * where Discord posts its own join message too (that one arrives as a MESSAGE_CREATE of type 7; the welcome feature
 * counts the two as one join). A guild without a system channel has nowhere to greet.
 */
function normalizeMemberAdd(event: DiscordRawEvent, member: RawMemberAdd, context: NormalizeContext): Envelope | null {
  if (!member.user?.id || member.user.id === context.botUserId) return null;
  const channelId = context.systemChannelOf?.(member.guild_id);
  if (!channelId) return null;
  return {
    id: `discord:member-add:${member.guild_id}/${member.user.id}/${member.joined_at}`,
    platform: 'discord',
    kind: 'join',
    chat: chatOf(channelId, member.guild_id, context),
    sender: person(member.user, member),
    text: '',
    mentions: [],
    attachments: [],
    addressedToBot: false,
    sentAt: Date.parse(member.joined_at) || (context.now ?? 0),
    raw: event,
  };
}
