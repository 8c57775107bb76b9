import { defineCommand } from '../src/core/command.js';
import { formatDateTime } from '../src/i18n/dates.js';
import { canonicalTimeZone } from '../src/i18n/time-zones.js';

/** `/timezone`: the group's time zone and its local time; `/timezone <Area/City>` (admin): changes it, audited. */
export const timezone = defineCommand({
  name: 'timezone',
  where: 'group',
  role: 'member',
  roleWithArgs: 'admin',
  args: [{ name: 'zone', optional: true }],
  async run(ctx, args) {
    if (!args.zone) {
      const localTime = formatDateTime(ctx.clock.now(), ctx.replyLanguage(), ctx.group.timezone, { timeStyle: 'short' });
      await ctx.reply(ctx.t('timezone.show', { zone: ctx.group.timezone, time: localTime }));
      return;
    }
    const zone = canonicalTimeZone(args.zone);
    // Only Area/City zones (and UTC): abbreviations like CET are ambiguous across the year.
    if (!zone || !(zone.includes('/') || zone === 'UTC')) {
      await ctx.usage();
      return;
    }
    ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'timezone', { timezone: zone });
    await ctx.reply(ctx.t('timezone.set', { zone }));
  },
});
