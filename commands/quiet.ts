import { defineCommand, defineSubcommand } from '../src/core/command.js';
import { describeQuietHours } from '../src/features/quiet-and-flood/describe.js';
import { parseQuietArgs, quietPeriodAt, type QuietMode } from '../src/features/quiet-and-flood/quiet-hours.js';
import { rulesSettings, SETTING } from '../src/features/quiet-and-flood/settings.js';

/**
 * `/quiet`: the group's quiet hours and what happens during them. Admins: `/quiet <HH:MM>-<HH:MM> [Area/City] [days]`
 * sets them, `/quiet off`, `/quiet mode remind|delete|silent`, `/quiet announce on|off`. Every change is audited;
 * a malformed one gets the usage line and changes nothing.
 */
export const quiet = defineCommand({
  name: 'quiet',
  where: 'group',
  role: 'member',
  roleWithArgs: 'admin',
  args: [{ name: 'quiet_hours', rest: true, optional: true }],
  async run(ctx, args) {
    const settings = rulesSettings(ctx.group);
    if (!args.quiet_hours) {
      const hours = settings.quietHours;
      if (!hours) {
        await ctx.reply(ctx.t('quiet.none'));
        return;
      }
      const period = quietPeriodAt(hours, new Date(ctx.clock.now()));
      const lines = [
        describeQuietHours(ctx, hours),
        ctx.t(`quiet.mode.${settings.quietMode}`),
        ctx.t('quiet.held'),
        ...(settings.quietAnnounce ? [ctx.t('quiet.announced')] : []),
        ...(period ? [ctx.t('quiet.now_quiet', { end: hours.end })] : []),
      ];
      await ctx.reply(lines.join('\n'));
      return;
    }
    const parsed = parseQuietArgs(args.quiet_hours.split(/\s+/), ctx.group.timezone);
    if (!parsed.ok) {
      await ctx.usage();
      await ctx.replyEphemeral(`quiet.error.${parsed.error}`, undefined);
      return;
    }
    await ctx.services.people.remember(ctx.envelope.sender);
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'quiet', {
      settings: { [SETTING.quietHours]: parsed.value },
    });
    await ctx.services.rules.scheduleAnnouncement(ctx.group);
    await ctx.reply(ctx.t('quiet.set', { summary: describeQuietHours(ctx, parsed.value) }) + '\n' + ctx.t(`quiet.mode.${settings.quietMode}`));
  },
  subcommands: [
    defineSubcommand({
      name: 'off',
      role: 'admin',
      args: [],
      async run(ctx) {
        if (!rulesSettings(ctx.group).quietHours) {
          await ctx.reply(ctx.t('quiet.already_off'));
          return;
        }
        await ctx.services.people.remember(ctx.envelope.sender);
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'quiet off', {
          settings: { [SETTING.quietHours]: undefined },
        });
        // What was held for the morning goes out now: the group no longer wants to wait.
        await ctx.services.rules.held.release(ctx.group.id);
        await ctx.reply(ctx.t('quiet.off'));
      },
    }),
    defineSubcommand({
      name: 'mode',
      role: 'admin',
      args: [{ name: 'quiet_mode', choices: ['remind', 'delete', 'silent'] }],
      async run(ctx, args) {
        const mode: QuietMode = args.quiet_mode;
        await ctx.services.people.remember(ctx.envelope.sender);
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'quiet mode', {
          settings: { [SETTING.quietMode]: mode },
        });
        // The admins may have granted the right to delete since the platform last refused: try again.
        await ctx.services.rules.forgetDeleteRefusal(ctx.group.id);
        await ctx.reply(ctx.t(`quiet.mode_set.${mode}`));
      },
    }),
    defineSubcommand({
      name: 'announce',
      role: 'admin',
      args: [{ name: 'quiet_announce', choices: ['on', 'off'] }],
      async run(ctx, args) {
        const on = args.quiet_announce === 'on';
        await ctx.services.people.remember(ctx.envelope.sender);
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'quiet announce', {
          settings: { [SETTING.quietAnnounce]: on },
        });
        await ctx.services.rules.scheduleAnnouncement(ctx.group);
        await ctx.reply(ctx.t(on ? 'quiet.announce_on' : 'quiet.announce_off'));
      },
    }),
  ],
});
