import { defineCommand } from '../src/core/command.js';
import { parseTag } from '../src/features/help-requests/parse.js';

/** How many lines one /requests answer lists; the rest are counted. */
const SHOWN = 20;

/** `/requests [#tag]`: the open requests of this group's community, optionally with one tag. */
export const requests = defineCommand({
  name: 'requests',
  where: 'any',
  role: 'member',
  args: [{ name: 'request_tag', optional: true }],
  async run(ctx, args) {
    const tag = args.request_tag === undefined ? undefined : parseTag(args.request_tag);
    if (args.request_tag !== undefined && !tag) return ctx.usage();
    const help = ctx.services.help;
    // In a private chat: the person's own open requests, wherever they posted them.
    const live =
      ctx.envelope.chat.type === 'private'
        ? (await help.requests.liveByAuthor(ctx.envelope.sender.id)).filter((r) => !tag || r.tags.includes(tag))
        : await help.requests.live(help.scopeOf(ctx.group), tag);
    if (live.length === 0) {
      await ctx.reply(tag ? ctx.t('request.list_none_tag', { tag }) : ctx.t('request.list_none'));
      return;
    }
    const lines = live.slice(0, SHOWN).map((r) =>
      ctx.t('request.list_line', { number: r.number, text: r.text, author: r.authorName, offers: r.offers, urgent: String(r.urgent) }),
    );
    if (live.length > SHOWN) lines.push(ctx.t('request.list_more', { count: live.length - SHOWN }));
    const header = tag ? ctx.t('request.list_header_tag', { tag, count: live.length }) : ctx.t('request.list_header', { count: live.length });
    await ctx.reply(`${header}\n${lines.join('\n')}`);
  },
});
