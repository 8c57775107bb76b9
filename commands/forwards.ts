import { defineCommand } from '../src/core/command.js';
import { FORWARDS_SETTING } from '../src/features/moderation/stages.js';

/** `/forwards`: whether the note under forwarded rumours is on; `/forwards note on|off` (admin). Audited. */
export const forwards = defineCommand({
  name: 'forwards',
  where: 'group',
  role: 'admin',
  args: [],
  async run(ctx) {
    await ctx.reply(ctx.t(ctx.group.settings[FORWARDS_SETTING] === true ? 'moderation.forwards.on' : 'moderation.forwards.off'));
  },
  subcommands: [
    {
      name: 'note',
      role: 'admin',
      args: [{ name: 'on_off', choices: ['on', 'off'] }],
      async run(ctx, args) {
        const on = args.on_off === 'on';
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'forwards note', { settings: { [FORWARDS_SETTING]: on ? true : undefined } });
        await ctx.reply(ctx.t(on ? 'moderation.forwards.on' : 'moderation.forwards.off'));
      },
    },
  ],
});
