import { defineCommand } from '../src/core/command.js';
import { SETTING, verifyOn } from '../src/features/welcome/settings.js';

/**
 * `/verify on|off`: newcomers must press a button (WhatsApp: answer a word) within the window before they may post;
 * otherwise they are removed. Turning it off lets everyone still waiting in. Audited.
 */
export const verify = defineCommand({
  name: 'verify',
  where: 'group',
  role: 'admin',
  args: [{ name: 'verify_state', choices: ['on', 'off'] }],
  async run(ctx, args) {
    const on = args.verify_state === 'on';
    if (on !== verifyOn(ctx.group)) {
      await ctx.services.people.remember(ctx.envelope.sender);
      ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, `verify ${args.verify_state}`, { settings: { [SETTING.verify]: on || undefined } });
    }
    if (!on) await ctx.services.welcome.releaseAll(ctx.group.id, ctx.envelope.id);
    await ctx.reply(ctx.t(on ? 'welcome.verify.on' : 'welcome.verify.off', { minutes: Math.round(ctx.services.welcome.options.verifyWindowMs / 60_000) }));
  },
});
