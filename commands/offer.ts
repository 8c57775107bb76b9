import { defineCommand } from '../src/core/command.js';
import { requestNamed } from '../src/features/help-requests/lookup.js';

/** `/offer <id>`: offers help; the author is told who offered. */
export const offer = defineCommand({
  name: 'offer',
  where: 'group',
  role: 'member',
  args: [{ name: 'request_id' }],
  async run(ctx, args) {
    const request = await requestNamed(ctx, args.request_id);
    if (request) await ctx.services.help.offer(ctx, request);
  },
});
