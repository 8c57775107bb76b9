import { defineCommand } from '../src/core/command.js';
import { roleAtLeast } from '../src/core/roles.js';
import { requestNamed } from '../src/features/help-requests/lookup.js';

/** `/done <id>`: the author (or a moderator) closes a request; every posted copy shows it closed. */
export const done = defineCommand({
  name: 'done',
  where: 'any',
  role: 'member',
  args: [{ name: 'request_id' }],
  async run(ctx, args) {
    const request = await requestNamed(ctx, args.request_id);
    if (!request) return;
    const sender = ctx.envelope.sender.id;
    if (request.authorId !== sender && !roleAtLeast(await ctx.role(), 'moderator')) {
      await ctx.replyEphemeral('request.done_refused', { number: request.number });
      return;
    }
    const closed = await ctx.services.help.close(request, 'done', sender);
    if (!closed) {
      await ctx.replyEphemeral('request.closed_already', { number: request.number });
      return;
    }
    await ctx.reply(ctx.t('request.done', { number: request.number }));
    await ctx.services.help.solved(ctx, closed);
  },
});
