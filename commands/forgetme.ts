import { defineCommand } from '../src/core/command.js';

/** `/forgetme`: erases what Quartier stores about the sender, everywhere. */
export const forgetme = defineCommand({
  name: 'forgetme',
  where: 'any',
  role: 'member',
  args: [],
  async run(ctx) {
    const { sender, chat } = ctx.envelope;
    // Sent from a private chat: that chat is theirs too (a Discord DM channel's id is not derivable from theirs).
    const count = await ctx.services.people.forget(sender.id, { name: sender.name, privateChats: chat.type === 'private' ? [chat.id] : [] });
    // The confirmation names nobody, and in a private chat it leaves nothing once delivered: it must not bring back
    // the id it has just erased.
    await ctx.reply(ctx.t('forgetme.done', { count }, { ephemeral: true }), { ephemeral: true, people: [], leavesNoTrace: chat.type === 'private' });
  },
});
