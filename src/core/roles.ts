import type { QualifiedId } from './envelope.js';

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** A right the bot itself may lack in a chat, each enabling part of Quartier (the setup message lists them). */
export const BOT_RIGHTS = ['delete-messages', 'restrict-members', 'manage-messages', 'manage-webhooks', 'moderate-members', 'group-admin'] as const;
export type BotRight = (typeof BOT_RIGHTS)[number];

/** Each adapter tells a user's role in a chat by asking the platform; core caches the answers briefly. */
export interface RoleLookup {
  roleOf(chatId: QualifiedId, userId: QualifiedId): Promise<Role>;
  /**
   * Everyone in the chat whose role is above member, keyed by qualified user id. Platforms whose session lives in one
   * process (WhatsApp) give it, so that process can keep a copy for the others (workers cannot ask the session).
   */
  rolesIn?(chatId: QualifiedId): Promise<Record<QualifiedId, Role>>;
  /**
   * The rights Quartier needs in this chat that the bot lacks, asked of the platform; undefined when this process
   * cannot tell (no session here, the platform does not say).
   */
  missingRights?(chatId: QualifiedId): Promise<BotRight[] | undefined>;
}
