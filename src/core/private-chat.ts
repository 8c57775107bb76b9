// Private chats, as each platform names them. A private chat is never a group: it cannot be linked by a bridge or join
// a community, and it is where the bot writes to one person (a code, a help request's notice).
import { qualify, unqualify, type ChatRef, type QualifiedId } from './envelope.js';

/**
 * Whether `id` is a private chat: from what the id itself says where a platform's ids tell (Telegram users have
 * positive ids and groups negative ones; WhatsApp groups end in `@g.us`; a Discord or console private target is
 * `@<person>`) and from the envelope's chat type where it does not (a Discord DM channel's id looks like any channel's).
 * The command stage refuses group commands there already; the services that link and join check again with this.
 */
export function isPrivateChat(id: QualifiedId, type?: ChatRef['type']): boolean {
  if (type === 'private') return true;
  const { platform, bare } = unqualify(id);
  if (platform === 'telegram') return /^\d+$/.test(bare);
  if (platform === 'whatsapp') return !bare.endsWith('@g.us');
  return bare.startsWith('@');
}

/**
 * Where the bot can write to a person privately. Telegram: the user's id is their private chat, which works once they
 * have started the bot (otherwise the delivery fails permanently and the caller falls back to a mention in the group).
 * WhatsApp: the person's id is a chat. Discord: a user id and a channel id are both bare snowflakes, so the private
 * target is `discord:@<userId>`, which the adapter turns into the user's DM channel; a user with DMs closed makes that
 * delivery fail permanently. The console plays a private chat as `console:@<person>` only when `console` is set (the
 * test harness's people read it); otherwise it has none. Undefined for an erased author (no qualified id).
 */
export function privateChatOf(personId: QualifiedId, options: { console?: boolean } = {}): QualifiedId | undefined {
  let platform: string;
  let bare: string;
  try {
    ({ platform, bare } = unqualify(personId));
  } catch {
    return undefined;
  }
  if (platform === 'discord') return qualify('discord', `@${bare}`);
  if (platform === 'console') return options.console ? qualify('console', `@${bare}`) : undefined;
  return platform === 'telegram' || platform === 'whatsapp' ? personId : undefined;
}
