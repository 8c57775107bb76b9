import { defineCommand } from '../src/core/command.js';

/**
 * `/start`: what Quartier is. `/start <token>` in a private chat completes a deep link: the code someone asked for in
 * their group, given once their role there is asked of the platform again.
 */
export const start = defineCommand({
  name: 'start',
  where: 'any',
  role: 'member',
  args: [{ name: 'payload', optional: true }],
  async run(ctx, args) {
    if (!args.payload || ctx.envelope.chat.type !== 'private') {
      await ctx.reply(ctx.t('start.welcome'));
      return;
    }
    const outcome = await ctx.services.codeGrants.redeem(args.payload, ctx.envelope.sender.id);
    if (outcome.ok) {
      await ctx.reply(ctx.t(outcome.grant.key, outcome.grant.params));
      return;
    }
    const key = { unknown: 'start.link_unknown', 'not-yours': 'start.link_not_yours', 'role-lost': 'start.role_lost' }[outcome.reason];
    await ctx.reply(ctx.t(key, { command: outcome.grant?.command ?? '' }));
  },
});
