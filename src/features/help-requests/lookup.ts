// `/offer 12`, `/done #12`: finds the request the words name in this group's community, or answers why not.
import type { Context } from '../../core/context.js';
import { parseNumber } from '../../text/numbers.js';
import type { HelpRequest } from './repository.js';

export async function requestNamed(ctx: Context, raw: string | undefined): Promise<HelpRequest | undefined> {
  const number = parseNumber(raw);
  if (number === undefined) {
    await ctx.usage();
    return undefined;
  }
  const help = ctx.services.help;
  // A private chat is in no community: there a number names one of the person's own live requests.
  const request =
    ctx.envelope.chat.type === 'private'
      ? (await help.requests.liveByAuthor(ctx.envelope.sender.id)).findLast((r) => r.number === number)
      : await help.requests.byNumber(help.scopeOf(ctx.group), number);
  if (!request) await ctx.replyEphemeral('request.not_found', { number });
  return request;
}
