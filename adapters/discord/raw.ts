// The raw gateway events the Discord adapter turns into envelopes: the fields of Discord's payloads
// (https://discord.com/developers/docs/topics/gateway-events) that Quartier reads, as plain JSON data.
// Declared here by hand rather than with discord-api-types' large unions, so fixtures type-check without casts.

export interface RawUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface RawMember {
  nick?: string | null;
  roles?: string[];
  user?: RawUser;
  /** Computed permissions in the channel; only in interactions. */
  permissions?: string;
}

export interface RawAttachment {
  id: string;
  filename: string;
  url: string;
  content_type?: string;
  size?: number;
}

export interface RawMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: RawUser;
  member?: RawMember;
  content: string;
  timestamp: string;
  edited_timestamp?: string | null;
  type: number;
  flags?: number;
  mentions?: RawUser[];
  mention_roles?: string[];
  mention_everyone?: boolean;
  mention_channels?: { id: string }[];
  attachments?: RawAttachment[];
  /** format_type: 1 PNG, 2 APNG, 3 LOTTIE, 4 GIF. */
  sticker_items?: { id: string; name: string; format_type?: number }[];
  message_reference?: { type?: number; message_id?: string; channel_id?: string; guild_id?: string };
  referenced_message?: RawMessage | null;
  message_snapshots?: { message: { content: string; attachments?: RawAttachment[] } }[];
  webhook_id?: string;
  application_id?: string;
}

export interface RawMessageDelete {
  id: string;
  channel_id: string;
  guild_id?: string;
}

export interface RawCommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: RawCommandOption[];
}

export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string; type: number; parent_id?: string | null; name?: string };
  member?: RawMember & { user: RawUser };
  user?: RawUser;
  locale?: string;
  message?: RawMessage;
  data?: {
    name?: string;
    type?: number;
    options?: RawCommandOption[];
    custom_id?: string;
    component_type?: number;
    /** A message menu entry: the chosen message, and its content in `resolved`. */
    target_id?: string;
    resolved?: { messages?: Record<string, RawMessage> };
  };
}

/** GUILD_MEMBER_ADD (only with the privileged Guild Members intent): a member object with the guild's id. */
export interface RawMemberAdd {
  guild_id: string;
  user: RawUser;
  nick?: string | null;
  joined_at: string;
}

/** GUILD_CREATE: a guild becoming available (each one at connect) or the bot added to a new one; `joined_at` is ours. */
export interface RawGuildCreate {
  id: string;
  name?: string;
  joined_at?: string;
  system_channel_id?: string | null;
}

export type DiscordRawEvent =
  | { t: 'MESSAGE_CREATE'; d: RawMessage }
  | { t: 'GUILD_CREATE'; d: RawGuildCreate }
  | { t: 'GUILD_MEMBER_ADD'; d: RawMemberAdd }
  | { t: 'MESSAGE_UPDATE'; d: RawMessage }
  | { t: 'MESSAGE_DELETE'; d: RawMessageDelete }
  | { t: 'INTERACTION_CREATE'; d: RawInteraction };

declare module '../../src/core/envelope.js' {
  interface RawEvents {
    discord: DiscordRawEvent;
  }
}
