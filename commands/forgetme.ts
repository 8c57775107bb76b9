import type { Command } from '../src/core/command.js';

/** `/forgetme`: erases what Quartier stores about the sender, everywhere. */
export const forgetme = {
  name: 'forgetme',
  where: 'any',
  role: 'member',
  args: [],
  async run(ctx) {
    const count = await ctx.services.people.forget(ctx.envelope.sender.id);
    await ctx.replyEphemeral('forgetme.done', { count });
  },
} satisfies Command;
