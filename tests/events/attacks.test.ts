// Who else could reach an event: a member changing someone else's, a private chat posting one, another community
// answering or reading one by its number, a client forging button data. Each attack leaves everything as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { consoleCommunity, copyIn, press, privately } from './helpers.js';

let bot: TestBot | undefined;
let now = Date.parse('2026-06-03T08:00:00Z');
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Community A: lilas (mo is its moderator) and nord; community B: autre. Event #1 posted in A by mo. */
async function start() {
  now = Date.parse('2026-06-03T08:00:00Z');
  const b = await startTestApp({ clock: { now: () => now }, events: { editIntervalMs: 100 } });
  bot = b;
  await consoleCommunity(b, 'lilas', ['nord']);
  await b.chat('autre', 'zed').as('admin').send('/community create Ailleurs');
  await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
  await b.waitFor(() => copyIn(b, 'nord', 1) !== undefined);
  return b;
}

const rsvps = async (b: TestBot) => (await b.app.services.events.events.attendance(1));

describe('changing someone else’s event', () => {
  it('a member cannot cancel or edit it, nor can a moderator of another group of the community', async () => {
    const b = await start();
    const [cancel] = await b.chat('lilas', 'sam').send('/event cancel 1');
    expect(cancel!.text).toMatch(/Only the author of event #1/);
    const [edit] = await b.chat('lilas', 'sam').send('/event edit 1 Hijacked | samedi 20h');
    expect(edit!.text).toMatch(/Only the author of event #1/);
    const [otherMod] = await b.chat('nord', 'nina').as('moderator').send('/event cancel 1');
    expect(otherMod!.text).toMatch(/Only the author of event #1/);
    const event = (await b.app.services.events.events.find(1))!;
    expect(event).toMatchObject({ status: 'scheduled', title: 'Street party' });
    // A moderator of the group it came from may.
    const [byMod] = await b.chat('lilas', 'lea').as('moderator').send('/event cancel 1');
    expect(byMod!.text).toMatch(/cancelled on every copy/);
  });
});

describe('a private chat', () => {
  it('cannot post, list or get the calendar of events; answering works only for an event already answered', async () => {
    const b = await start();
    const [post] = await privately(b, 'sam', '/event Party | samedi 18h');
    expect(post!.text).toBe(translate('en', 'errors.group_only', { command: '/event' }));
    const [calendar] = await privately(b, 'sam', '/events calendar');
    expect(calendar!.text).toBe(translate('en', 'errors.group_only', { command: '/events' }));
    expect(await b.app.services.events.events.find(2)).toBeUndefined();
    const [unanswered] = await privately(b, 'sam', '/rsvp 1 yes');
    expect(unanswered!.text).toMatch(/not answered event #1/);
    expect((await rsvps(b)).yes).toBe(0);
    await b.chat('nord', 'sam').send('/rsvp 1 maybe');
    const [changed] = await privately(b, 'sam', '/rsvp 1 no');
    expect(changed!.text).toMatch(/not going to #1/);
    expect(await rsvps(b)).toMatchObject({ maybe: 0, no: 1 });
    // The answer still belongs to the group where it was given (reminders fall back there).
    expect((await b.app.services.events.events.rsvpOf(1, 'console:sam'))!.groupId).toBe('console:nord');
  });
});

describe('another community', () => {
  it('cannot answer, show, list, cancel or press the buttons of an event by its number', async () => {
    const b = await start();
    const other = b.chat('autre', 'zed');
    const [answer] = await other.send('/rsvp 1 yes');
    expect(answer!.text).toBe('There is no event #1 here.');
    const [shown] = await other.send('/event 1');
    expect(shown!.text).toBe('There is no event #1 here.');
    const [list] = await other.send('/events');
    expect(list!.text).toMatch(/No upcoming events/);
    const [cancel] = await other.send('/event cancel 1');
    expect(cancel!.text).toBe('There is no event #1 here.');
    await press(b, 'autre', 'zed', 'ev:1:y');
    expect((await rsvps(b)).yes).toBe(0);
    expect((await b.app.services.events.events.find(1))!.status).toBe('scheduled');
  });
});

describe('forged button data', () => {
  it('is refused unless it is exactly a button of a live event posted in this very chat', async () => {
    const b = await start();
    // A lone group (no community) never got a copy; a proposal has no buttons; the rest are malformed.
    await b.chat('lilas', 'sam').send('/event Proposal | dimanche 10h');
    for (const data of ['ev:1:x', 'ev:01:y', 'ev:1:y:extra', 'ev:1:yes', 'ev:99:y', 'ev:2:y', 'ev:-1:y', 'ev:1:y ']) {
      await press(b, 'nord', 'mal', data);
    }
    await press(b, 'solo', 'mal', 'ev:1:y');
    await press(b, 'nord', 'mal', 'ev:1:y', { private: true });
    expect(await b.app.services.events.events.rsvpOf(1, 'console:mal')).toBeUndefined();
    expect(await b.app.services.events.events.rsvpOf(2, 'console:mal')).toBeUndefined();
    // Nothing was posted in the groups for those presses; an interaction (Discord) is told privately.
    expect(b.chat('nord').delivered.filter((d) => /no longer|not open/.test(d.text))).toEqual([]);
    const [told] = await press(b, 'nord', 'mal', 'ev:1:q', { interaction: true });
    expect(told!.message).toMatchObject({ ephemeral: true, text: 'This event is not open here any more.' });
    // The real button in a chat with a copy works.
    await press(b, 'nord', 'mal', 'ev:1:y');
    expect((await b.app.services.events.events.rsvpOf(1, 'console:mal'))!.answer).toBe('yes');
  });
});
