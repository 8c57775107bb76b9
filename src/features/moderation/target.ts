// Whom /mute and /unmute act on: the author of the replied-to message, or a member mentioned by the platform's own
// metadata (never a name guessed from text). The other word, if any, is the duration.
import type { Context } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';

export interface MuteTarget {
  id: QualifiedId;
  name: string;
}

/** A word that is a mention as typed (`@sam`, Discord's `<@123>`), not a duration. */
const looksLikeMention = (word: string) => /^(@|<@)/.test(word);

export async function muteTarget(ctx: Context, words: string[]): Promise<{ target?: MuteTarget; rest: string[] }> {
  const { envelope } = ctx;
  const rest = words.filter((word) => !looksLikeMention(word));
  const mention = envelope.mentions.find((m) => m.kind === 'user' && m.id !== undefined && m.id !== envelope.sender.id);
  if (mention?.id) {
    const typed = mention.offset !== undefined && mention.length !== undefined ? envelope.text.slice(mention.offset, mention.offset + mention.length) : undefined;
    const known = (await ctx.services.people.names([mention.id])).get(mention.id);
    const word = typed ?? words.find(looksLikeMention);
    const name = known ?? (word?.startsWith('@') ? word.slice(1) : undefined) ?? unqualify(mention.id).bare;
    return { target: { id: mention.id, name }, rest };
  }
  const replied = envelope.replyTo?.senderId;
  if (replied) {
    const known = envelope.replyTo?.senderName ?? (await ctx.services.people.names([replied])).get(replied);
    return { target: { id: replied, name: known ?? unqualify(replied).bare }, rest };
  }
  return { rest };
}
