import { defineCommand, defineSubcommand } from '../src/core/command.js';
import { parseDuration, parseDurationOrMinutes } from '../src/features/quiet-and-flood/args.js';
import { floodLimitSchema, rulesSettings, SETTING } from '../src/features/quiet-and-flood/settings.js';

/** `5` → 5; `30`, `30s`, `1m` → seconds. Null when not a sane whole number of seconds. */
function parseSeconds(text: string): number | null {
  if (/^\d+$/.test(text.trim())) return Number(text);
  const ms = parseDuration(text);
  return ms !== null && ms % 1000 === 0 ? ms / 1000 : null;
}

/**
 * `/flood`: the group's flood limit. Admins: `/flood <messages> <seconds> [mute <duration>]` (more than that many
 * messages within that many seconds gets a member a reminder, or a mute of that duration; admins and moderators are
 * exempt), `/flood off`. Audited.
 */
export const flood = defineCommand({
  name: 'flood',
  where: 'group',
  role: 'member',
  roleWithArgs: 'admin',
  args: [
    { name: 'flood_messages', optional: true },
    { name: 'flood_seconds', optional: true },
    { name: 'flood_mute', optional: true, choices: ['mute'] },
    { name: 'mute_duration', optional: true },
  ],
  async run(ctx, args) {
    const current = rulesSettings(ctx.group).flood;
    if (!args.flood_messages) {
      await ctx.reply(current ? ctx.t(current.muteMs ? 'flood.show_mute' : 'flood.show', { ...current, minutes: Math.round((current.muteMs ?? 0) / 60_000) }) : ctx.t('flood.none'));
      return;
    }
    // `mute` needs its duration, and a duration needs `mute`.
    const muteMs = args.flood_mute ? (args.mute_duration ? parseDurationOrMinutes(args.mute_duration) : null) : undefined;
    const limit = floodLimitSchema.safeParse({
      messages: /^\d+$/.test(args.flood_messages) ? Number(args.flood_messages) : NaN,
      seconds: args.flood_seconds ? parseSeconds(args.flood_seconds) : NaN,
      ...(muteMs !== undefined ? { muteMs: muteMs ?? NaN } : {}),
    });
    if (!limit.success) {
      await ctx.usage();
      return;
    }
    await ctx.services.people.remember(ctx.envelope.sender);
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'flood', {
      settings: { [SETTING.flood]: limit.data },
    });
    const minutes = Math.round((limit.data.muteMs ?? 0) / 60_000);
    await ctx.reply(ctx.t(limit.data.muteMs ? 'flood.set_mute' : 'flood.set', { ...limit.data, minutes }));
  },
  subcommands: [
    defineSubcommand({
      name: 'off',
      role: 'admin',
      args: [],
      async run(ctx) {
        if (!rulesSettings(ctx.group).flood) {
          await ctx.reply(ctx.t('flood.none'));
          return;
        }
        await ctx.services.people.remember(ctx.envelope.sender);
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'flood off', {
          settings: { [SETTING.flood]: undefined },
        });
        await ctx.reply(ctx.t('flood.off'));
      },
    }),
  ],
});
