// Where the bot can write to a person privately, per platform. Telegram: the user's id is their private chat, which
// works once they have started the bot (otherwise the delivery fails permanently and the caller falls back to a
// mention in the group). WhatsApp: the person's id is a chat. Discord: a user id and a channel id are both bare
// snowflakes, so the private target is `discord:@<userId>`, which the adapter turns into the user's DM channel; a user
// with DMs closed makes that delivery fail permanently, and the mention fallback runs. The console has no private chats.
import { qualify, unqualify, type QualifiedId } from '../../core/envelope.js';

export function privateChatOf(personId: QualifiedId): QualifiedId | undefined {
  let platform: string;
  let bare: string;
  try {
    ({ platform, bare } = unqualify(personId));
  } catch {
    return undefined; // an erased author
  }
  if (platform === 'discord') return qualify('discord', `@${bare}`);
  return platform === 'telegram' || platform === 'whatsapp' ? personId : undefined;
}
