import { defineCommand } from '../src/core/command.js';
import { roleAtLeast } from '../src/core/roles.js';
import { requestNamed } from '../src/features/help-requests/lookup.js';

/** `/cancel <id>`: the author withdraws a request; a moderator removes anyone's (the copies then hide its text). */
export const cancel = defineCommand({
  name: 'cancel',
  where: 'any',
  role: 'member',
  args: [{ name: 'request_id' }],
  async run(ctx, args) {
    const request = await requestNamed(ctx, args.request_id);
    if (!request) return;
    const sender = ctx.envelope.sender.id;
    const isAuthor = request.authorId === sender;
    if (!isAuthor && !roleAtLeast(await ctx.role(), 'moderator')) {
      await ctx.replyEphemeral('request.cancel_refused', { number: request.number });
      return;
    }
    const closed = await ctx.services.help.close(request, isAuthor ? 'cancelled' : 'removed', sender);
    if (!closed) {
      await ctx.replyEphemeral('request.closed_already', { number: request.number });
      return;
    }
    await ctx.reply(ctx.t(isAuthor ? 'request.cancelled' : 'request.removed', { number: request.number }));
  },
});
