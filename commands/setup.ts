import { defineCommand } from '../src/core/command.js';
import { setupMessage } from '../src/features/setup/message.js';

/** `/setup` (admin): the setup message the bot shows when added: what is set, how to change it, missing permissions. */
export const setup = defineCommand({
  name: 'setup',
  where: 'group',
  role: 'admin',
  args: [],
  async run(ctx) {
    await ctx.reply(await setupMessage(ctx));
  },
});
