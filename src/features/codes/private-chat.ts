// A private chat is never a group: it cannot be linked by a bridge or join a community. The command stage refuses
// group commands there already; the services that link and join check again, from what the chat's id itself says
// where a platform's ids tell (Telegram users have positive ids and groups negative ones; WhatsApp groups end in
// `@g.us`; a Discord or console private target is `@<person>`) and from the envelope where it does not (a Discord DM
// channel's id looks like any channel's).
import { unqualify, type ChatRef, type QualifiedId } from '../../core/envelope.js';

export function isPrivateChat(id: QualifiedId, type?: ChatRef['type']): boolean {
  if (type === 'private') return true;
  const { platform, bare } = unqualify(id);
  if (platform === 'telegram') return /^\d+$/.test(bare);
  if (platform === 'whatsapp') return !bare.endsWith('@g.us');
  return bare.startsWith('@');
}
