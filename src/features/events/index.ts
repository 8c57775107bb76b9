// Events (issue 22): /event posts a neighbourhood event across the community (a member's is a proposal decided with
// /approve), neighbours answer with buttons or /rsvp from any platform, every copy follows the counts, reminders go a
// day and an hour before, and each community has a calendar feed on the public listener.
import { event } from '../../../commands/event.js';
import { events } from '../../../commands/events.js';
import { rsvp } from '../../../commands/rsvp.js';
import type { Queue } from 'bullmq';
import type { Feature } from '../../core/feature.js';
import { eventButtonStage } from './button-stage.js';
import { CALENDAR_PATH, calendarRoute } from './calendar.js';
import { EventService, type EventOptions } from './service.js';
import { eventProposals } from './proposals.js';

declare module '../../core/context.js' {
  interface Services {
    /** Events: posting, answers, copies kept up to date, reminders, the calendar feed. */
    events: EventService;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Events: edit pacing per copy, reminder offsets, the public URL of calendar links (defaults in service.ts). */
    events?: Partial<EventOptions>;
  }
}

export const eventsFeature: Feature = {
  name: 'events',
  commands: [event, events, rsvp],
  stages: [{ phase: 'after-commands', stage: eventButtonStage }],
  services: ({ services, outbox, translate, clock, log, options }) => {
    const service = new EventService({
      db: services.db,
      redis: services.redis,
      prefix: services.prefix,
      outbox,
      translate,
      clock,
      log,
      groups: services.groups,
      communities: services.communities,
      defaults: services.defaults,
      // Quiet hours, when that feature runs (it is listed before this one).
      hold: () => services.rules?.hold,
      options: options.events,
    });
    services.proposals?.register(eventProposals(service));
    return { events: service };
  },
  delivery: (services) => services.events.delivery,
  scheduled: (services) => services.events.startWorker(),
  queues: (services) => [services.events.queue as Queue],
  eraser: (services) => async (tx, personId) => {
    const { removed, changed } = await services.events.events.forget(tx, personId);
    // The copies drop the name once the erasure is committed.
    for (const id of changed) await services.events.scheduleRefresh(id, 2_000);
    return removed;
  },
  // The calendar feed, one exact path: its key is checked inside.
  http: (services) =>
    new Map([
      [
        CALENDAR_PATH,
        calendarRoute({
          events: services.events.events,
          nameOf: async (scope) => {
            const id = /^community:(\d+)$/.exec(scope)?.[1];
            const community = id ? await services.communities.find(Number(id)) : undefined;
            return community?.name ?? 'Quartier';
          },
          now: () => services.events.now(),
          host: () => (services.events.options.publicUrl ? new URL(services.events.options.publicUrl).host : 'quartier'),
        }),
      ],
    ]),
  close: (services) => services.events.close(),
};
