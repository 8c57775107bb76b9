import { defineCommand } from '../src/core/command.js';
import { parseNeed } from '../src/features/help-requests/parse.js';

/** `/need [urgent] <text>`: posts a help request here and in the community's other groups. */
export const need = defineCommand({
  name: 'need',
  where: 'group',
  role: 'member',
  args: [{ name: 'text', rest: true }],
  async run(ctx, args) {
    const help = ctx.services.help;
    const parsed = parseNeed(args.text);
    if (!parsed.text) return ctx.usage();
    // The spam guard; a re-run of the same update finds its own request and is not counted against it.
    const already = await help.requests.bySource(ctx.envelope.id);
    if (!already && (await help.requests.countLiveByAuthor(ctx.envelope.sender.id)) >= help.options.maxOpenPerMember) {
      await ctx.replyEphemeral('request.limit', { max: help.options.maxOpenPerMember });
      return;
    }
    await help.post(ctx, parsed);
  },
});
