// Reminders a day and an hour before, as durable jobs of the events queue, at the right local times across a
// daylight-saving change (Paris and New York, injected clock); privately to those going, else one message in their
// group; a copy for a group in its quiet hours waits for their end with its buttons; /forgetme takes a person's
// answers off every copy and leaves their events without their name.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventJob } from '../../src/features/events/service.js';
import { communityEvents } from '../../src/db/schema/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { consoleCommunity, copyIn } from './helpers.js';

let bot: TestBot | undefined;
let now = 0;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(at: string) {
  now = Date.parse(at);
  const b = await startTestApp({ clock: { now: () => now }, events: { editIntervalMs: 100 } });
  bot = b;
  await consoleCommunity(b, 'lilas', ['nord']);
  return b;
}

async function reminderJobs(b: TestBot, eventId: number) {
  const jobs = await b.app.services.events.queue.getDelayed();
  return jobs
    .map((job) => job.data)
    .filter((data): data is Extract<EventJob, { kind: 'remind' }> => data.kind === 'remind' && data.event === eventId)
    .map((data) => ({ which: data.which, due: new Date(data.due).toISOString() }))
    .sort((a, b) => a.due.localeCompare(b.due));
}

describe('reminders', () => {
  it('Paris, the Sunday the clocks go back: the day-before reminder at the same local time on Saturday, texts in local time', async () => {
    // Thursday 22 October 2026, 12:00 in Paris (UTC+2); the clocks go back on Sunday the 25th.
    const b = await start('2026-10-22T10:00:00Z');
    await b.chat('lilas', 'mo').as('moderator').send('/event Repair café | dimanche 10h | Library');
    const event = (await b.app.services.events.events.find(1))!;
    expect(event.startsAt.toISOString()).toBe('2026-10-25T09:00:00.000Z'); // 10:00 UTC+1
    expect(await reminderJobs(b, 1)).toEqual([
      { which: 'day', due: '2026-10-24T08:00:00.000Z' }, // Saturday 10:00 UTC+2: 25 hours before
      { which: 'hour', due: '2026-10-25T08:00:00.000Z' },
    ]);
    await b.chat('nord', 'cyd', 'Cyd').send('/rsvp 1 yes');
    await b.chat('nord', 'dan', 'Dan').send('/rsvp 1 maybe');
    now = Date.parse('2026-10-24T08:00:00Z');
    expect(await b.app.services.events.remind(1, 'day', event.startsAt.getTime())).toBe(1);
    await b.waitFor(() => b.privateTo('cyd').length === 1);
    expect(b.privateTo('cyd')[0]!.text).toBe('⏰ Tomorrow: #1 Repair café, Sunday, October 25, 2026 10:00 AM. /rsvp 1 no if you cannot come any more.');
    expect(b.privateTo('dan')).toEqual([]);
    // The same job run again (a retry after a crash) does not send twice.
    await b.app.services.events.remind(1, 'day', event.startsAt.getTime());
    await b.settle();
    expect(b.privateTo('cyd')).toHaveLength(1);
  });

  it('New York: month-first dates, the November change, and an edit that moves the event makes new reminders and voids the old', async () => {
    const b = await start('2026-10-28T13:00:00Z');
    await b.chat('lilas', 'ada').as('admin').send('/timezone America/New_York');
    await b.chat('lilas', 'mo').as('moderator').send('/event Block party | 11/1 6pm');
    const event = (await b.app.services.events.events.find(1))!;
    expect(event.startsAt.toISOString()).toBe('2026-11-01T23:00:00.000Z'); // 18:00 EST
    expect(await reminderJobs(b, 1)).toEqual([
      { which: 'day', due: '2026-10-31T22:00:00.000Z' }, // Saturday 18:00 EDT
      { which: 'hour', due: '2026-11-01T22:00:00.000Z' },
    ]);
    await b.chat('lilas', 'cyd', 'Cyd').send('/rsvp 1 yes');
    await b.chat('lilas', 'mo').send('/event edit 1 Block party | 11/1 7pm');
    const moved = (await b.app.services.events.events.find(1))!;
    expect((await reminderJobs(b, 1)).map((j) => j.due)).toContain('2026-11-01T23:00:00.000Z');
    // The reminder made for the old time finds the event moved and says nothing.
    expect(await b.app.services.events.remind(1, 'hour', event.startsAt.getTime())).toBe(0);
    expect(await b.app.services.events.remind(1, 'hour', moved.startsAt.getTime())).toBe(1);
    await b.waitFor(() => b.privateTo('cyd').some((r) => r.text.startsWith('⏰ In an hour')));
    expect(b.privateTo('cyd').find((r) => r.text.startsWith('⏰ In an hour'))!.text).toContain('7:00 PM');
  });

  it('a private reminder that cannot be delivered becomes one message in the person’s group', async () => {
    const b = await start('2026-06-03T08:00:00Z');
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    const event = (await b.app.services.events.events.find(1))!;
    const handlers = b.app.services.events.delivery;
    const failed = (person: string) =>
      handlers.outcome!({
        kind: 'failed',
        jobId: 'x',
        reason: 'bot was blocked',
        chatGone: true,
        message: {
          id: `event:1:remind-day:${person}`,
          target: `console:@${person}`,
          action: 'send',
          text: '',
          origin: { feature: 'events', ref: { event: 1, kind: 'notice', notice: 'day', group: 'console:nord', tag: 'remind-day-1' } },
        },
      });
    await failed('cyd');
    await failed('dan');
    await b.waitFor(() => b.chat('nord').delivered.some((d) => d.text.startsWith('⏰ Tomorrow')));
    await b.settle();
    expect(b.chat('nord').delivered.filter((d) => d.text.startsWith('⏰ Tomorrow'))).toHaveLength(1);
    expect(event.status).toBe('scheduled');
  });
});

describe('quiet hours', () => {
  it('hold a copy for a quiet group until they end; it then goes out with its buttons and the latest counts', async () => {
    // 23:30 in Paris.
    const b = await start('2026-06-03T21:30:00Z');
    await b.chat('nord', 'ada').as('admin').send('/quiet 22:00-07:00');
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    await b.waitFor(() => copyIn(b, 'lilas', 1) !== undefined);
    await b.chat('lilas', 'cyd', 'Cyd').send('/rsvp 1 yes');
    await b.settle();
    expect(copyIn(b, 'nord', 1)).toBeUndefined();
    const held = (await b.app.services.events.queue.getDelayed()).find((job) => job.data.kind === 'post');
    expect(held!.data).toEqual({ kind: 'post', event: 1, target: 'console:nord' });
    // Until 07:00 in Paris.
    expect(held!.opts.delay).toBe(Date.parse('2026-06-04T05:00:00Z') - now);
    now = Date.parse('2026-06-04T05:00:00Z');
    await held!.promote();
    await b.waitFor(() => copyIn(b, 'nord', 1) !== undefined);
    expect(copyIn(b, 'nord', 1)!.text).toContain('Going: Cyd');
    expect(copyIn(b, 'nord', 1)!.buttons).toEqual(['ev:1:y', 'ev:1:m', 'ev:1:n']);
  });
});

describe('/forgetme', () => {
  it('removes the person’s answers from every copy and anonymises the events they wrote', async () => {
    const b = await start('2026-06-03T08:00:00Z');
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    await b.chat('nord', 'cyd', 'Cyd').send('/rsvp 1 yes');
    await b.chat('nord', 'dan', 'Dan').send('/rsvp 1 yes');
    await b.waitFor(() => (copyIn(b, 'nord', 1)?.text ?? '').includes('Going: Cyd, Dan'));
    await b.chat('nord', 'cyd', 'Cyd').send('/forgetme');
    expect(await b.app.services.events.events.rsvpOf(1, 'console:cyd')).toBeUndefined();
    await b.waitFor(() => ['lilas', 'nord'].every((g) => (copyIn(b, g, 1)?.text ?? '').includes('Going: Dan')), 20_000);
    expect(copyIn(b, 'lilas', 1)!.text).not.toContain('Cyd');
    await b.chat('lilas', 'mo').send('/forgetme');
    const [row] = await b.db.db.select().from(communityEvents);
    expect(row).toMatchObject({ authorId: null, authorName: null, title: 'Street party', status: 'scheduled' });
    // Anonymous, the event is still the community's: a moderator of its group may still cancel it.
    const [cancel] = await b.chat('lilas', 'lea').as('moderator').send('/event cancel 1');
    expect(cancel!.text).toMatch(/cancelled on every copy/);
  });
});
