import { defineCommand } from '../src/core/command.js';
import { CALENDAR_PATH } from '../src/features/events/calendar.js';
import { whenText } from '../src/features/events/render.js';
import { scopeOf } from '../src/features/events/service.js';

/** `/events`: the upcoming events of the community; `/events calendar [new]`: its feed's secret link, given privately. */
export const events = defineCommand({
  name: 'events',
  where: 'group',
  role: 'member',
  args: [],
  async run(ctx) {
    const upcoming = await ctx.services.events.events.upcoming(scopeOf(ctx.group), new Date(ctx.clock.now()));
    if (upcoming.length === 0) {
      await ctx.reply(ctx.t('events.none'));
      return;
    }
    const where = { language: ctx.language, timezone: ctx.group.timezone };
    const lines = upcoming.map((e) =>
      ctx.t(e.place ? 'events.list_item_place' : 'events.list_item', { id: e.id, title: e.title, place: e.place ?? '', when: whenText((_l, key, params) => ctx.t(key, params), where, e.startsAt) }),
    );
    await ctx.reply([ctx.t('events.list_header', { count: upcoming.length }), ...lines].join('\n'));
  },
  subcommands: [
    {
      name: 'calendar',
      role: 'admin',
      args: [{ name: 'calendar_action', optional: true, choices: ['new'] }],
      async run(ctx, args) {
        const base = ctx.services.events.options.publicUrl;
        if (!base) {
          await ctx.replyEphemeral('events.calendar_unavailable');
          return;
        }
        const token = await ctx.services.events.events.calendarToken(scopeOf(ctx.group), ctx.envelope.sender.id, new Date(ctx.clock.now()), args.calendar_action === 'new');
        const url = new URL(CALENDAR_PATH, base);
        url.searchParams.set('key', token);
        // A secret: to the admin alone, like a join code.
        await ctx.services.codeGrants.give(
          ctx,
          { key: args.calendar_action === 'new' ? 'events.calendar_new_link' : 'events.calendar_link', params: { url: url.toString() }, needed: 'admin', command: '/events calendar' },
          10 * 60_000,
        );
      },
    },
  ],
});
