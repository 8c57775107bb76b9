// Where the bot can write to a person privately, per platform. Telegram: the user's id is their private chat, which
// works once they have started the bot (otherwise the delivery fails permanently and the caller falls back to a
// mention in the group). WhatsApp: the person's id is a chat. Discord: the adapter cannot open DM channels yet, so
// nothing here (straight to the mention). The console has no private chats.
import { unqualify, type QualifiedId } from '../core/envelope.js';

export function privateChatOf(personId: QualifiedId): QualifiedId | undefined {
  let platform: string;
  try {
    platform = unqualify(personId).platform;
  } catch {
    return undefined; // an erased author
  }
  return platform === 'telegram' || platform === 'whatsapp' ? personId : undefined;
}
