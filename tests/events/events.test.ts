// /event, /events, /rsvp, buttons and /approve through the console adapter (real Redis, PGlite, Outbox, delivery
// workers and the events queue), in a community of three groups, with an injected clock.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { consoleCommunity, copyIn, press } from './helpers.js';

let bot: TestBot | undefined;
// Wednesday 3 June 2026, 10:00 in Paris.
let now = Date.parse('2026-06-03T08:00:00Z');
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start() {
  now = Date.parse('2026-06-03T08:00:00Z');
  const b = await startTestApp({ clock: { now: () => now }, events: { editIntervalMs: 200 } });
  bot = b;
  await consoleCommunity(b, 'lilas', ['nord', 'gare']);
  return b;
}

describe('/event by a moderator', () => {
  it('posts the event in the group and across the community, with buttons, in each group’s zone', async () => {
    const b = await start();
    const replies = await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h | Rue des Lilas');
    expect(replies.at(-1)!.text).toContain('other groups (2)');
    await b.waitFor(() => copyIn(b, 'lilas', 1) !== undefined);
    const origin = copyIn(b, 'lilas', 1)!.text;
    expect(origin).toContain('📅 Event #1: Street party');
    expect(origin).toContain('Saturday, June 6, 2026');
    expect(origin).toContain('📍 Rue des Lilas');
    await b.waitFor(() => copyIn(b, 'nord', 1) !== undefined && copyIn(b, 'gare', 1) !== undefined);
    expect(copyIn(b, 'gare', 1)!.buttons).toEqual(['ev:1:y', 'ev:1:m', 'ev:1:n']);
    expect(copyIn(b, 'nord', 1)!.text).toMatch(/6:00\s?PM/);
  });

  it('answers a date it cannot use with how it read it and how to write it, and posts nothing', async () => {
    const b = await start();
    const mo = b.chat('lilas', 'mo').as('moderator');
    const [noTime] = await mo.send('/event Repair café | samedi');
    expect(noTime!.text).toContain('reads as Saturday, June 6, 2026, but without a time. Write it like 2026-06-06 18:00');
    const [past] = await mo.send('/event Repair café | 2026-06-02 18:00');
    expect(past!.text).toMatch(/already passed/);
    const [unsure] = await mo.send('/event Repair café | sat 7');
    expect(unsure!.text).toMatch(/not sure.*2026-06-06 07:00/);
    const [invalid] = await mo.send('/event Repair café | whenever');
    expect(invalid!.text).toContain('Write it like 2026-06-04 18:00');
    const [usage] = await mo.send('/event Repair café');
    expect(usage!.text).toMatch(/\/event/);
    expect(await b.app.services.events.events.find(1)).toBeUndefined();
  });
});

describe('a member’s event', () => {
  it('is a proposal that a moderator approves with /approve, then posted everywhere', async () => {
    const b = await start();
    const [proposed] = await b.chat('lilas', 'sam').send('/event Clean-up morning | dimanche 10h | Parc');
    expect(proposed!.text).toMatch(/proposal #1/);
    expect(copyIn(b, 'nord', 1)).toBeUndefined();
    const [refused] = await b.chat('lilas', 'sam').send('/approve 1');
    expect(refused!.text).not.toMatch(/posted/);
    const replies = await b.chat('lilas', 'mo').as('moderator').send('/approve 1');
    expect(replies.at(-1)!.text).toBe('Event #1 is posted (3 groups).');
    await b.waitFor(() => ['lilas', 'nord', 'gare'].every((g) => copyIn(b, g, 1) !== undefined));
    const [again] = await b.chat('lilas', 'mo').send('/approve 1');
    expect(again!.text).toMatch(/no alert #1|already/i);
  });

  it('is rejected with /reject, and an alert proposal with the same number is still decided as an alert', async () => {
    const b = await start();
    await b.chat('lilas', 'sam').send('/event Concert | dimanche 20h');
    await b.chat('lilas', 'sam').send('/alert Lost keys near the bakery');
    const mo = b.chat('lilas', 'mo').as('moderator');
    const [alertSent] = await mo.send('/approve 1');
    expect(alertSent!.text).toMatch(/Alert #1 sent/);
    const [rejected] = await mo.send('/reject 1');
    expect(rejected!.text).toBe('Event proposal #1 was rejected.');
    expect((await b.app.services.events.events.find(1))!.status).toBe('rejected');
  });
});

describe('answers', () => {
  it('by command and by button update every copy with the counts and first names of those going', async () => {
    const b = await start();
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    await b.waitFor(() => ['nord', 'gare'].every((g) => copyIn(b, g, 1) !== undefined));
    const [yes] = await b.chat('nord', 'bea', 'Bea Martin').send('/rsvp 1 yes');
    expect(yes!.text).toMatch(/Bea Martin, you are going to #1/);
    await b.chat('gare', 'cyd', 'Cyd').send('/rsvp #1 maybe');
    await press(b, 'lilas', 'dan', 'ev:1:y');
    await press(b, 'gare', 'eve', 'ev:1:n');
    const final = (g: string) => copyIn(b, g, 1)?.text ?? '';
    await b.waitFor(() => ['lilas', 'nord', 'gare'].every((g) => final(g).includes('✅ 2 going · 🤔 1 maybe · 🚫 1 can’t')));
    for (const g of ['lilas', 'nord', 'gare']) expect(final(g)).toContain('Going: Bea, Dan');
    // The same answer twice changes nothing; a changed mind moves the counts.
    await b.chat('nord', 'bea', 'Bea Martin').send('/rsvp 1 no');
    await b.waitFor(() => final('gare').includes('✅ 1 going · 🤔 1 maybe · 🚫 2 can’t'));
    const [shown] = await b.chat('gare', 'zoe').send('/event 1');
    expect(shown!.text).toContain('Going: Dan');
  });

  it('of a popular event are coalesced: no copy is edited more often than the interval allows, and the last state shows', async () => {
    const b = await start();
    await b.chat('lilas', 'mo').as('moderator').send('/event Concert | samedi 20h');
    await b.waitFor(() => ['nord', 'gare'].every((g) => copyIn(b, g, 1) !== undefined));
    const started = Date.now();
    const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
    await Promise.all(people.map((p, i) => press(b, ['lilas', 'nord', 'gare'][i % 3]!, p, i % 4 === 0 ? 'ev:1:m' : 'ev:1:y')));
    await b.waitFor(() => ['lilas', 'nord', 'gare'].every((g) => (copyIn(b, g, 1)?.text ?? '').includes('✅ 30 going · 🤔 10 maybe')));
    await b.settle();
    const elapsed = Date.now() - started;
    for (const g of ['lilas', 'nord', 'gare']) {
      const edits = copyIn(b, g, 1)!.edits;
      // One edit per 200 ms slot at most (plus the slot in progress), far fewer than 40 answers.
      expect(edits).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 1);
      expect(edits).toBeLessThan(40);
      expect(copyIn(b, g, 1)!.text).toMatch(/Going: .*and 20 more/);
    }
  });
});

describe('/events and one event', () => {
  it('lists upcoming events soonest first; a cancelled one is gone from the list', async () => {
    const b = await start();
    const mo = b.chat('lilas', 'mo').as('moderator');
    const [empty] = await mo.send('/events');
    expect(empty!.text).toMatch(/No upcoming events/);
    await mo.send('/event Concert | dimanche 20h | Library');
    await mo.send('/event Street party | samedi 18h');
    const [list] = await b.chat('gare', 'zoe').send('/events');
    expect(list!.text.split('\n')).toEqual([
      'Upcoming events (2):',
      expect.stringMatching(/^#2 · Saturday, June 6, 2026 .* · Street party$/),
      expect.stringMatching(/^#1 · Sunday, June 7, 2026 .* · Concert · Library$/),
    ]);
    await mo.send('/event cancel 2');
    const [after] = await b.chat('gare', 'zoe').send('/events');
    expect(after!.text).not.toContain('Street party');
  });
});

describe('cancel and edit', () => {
  it('by the author update every copy and tell those going privately', async () => {
    const b = await start();
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    await b.waitFor(() => copyIn(b, 'gare', 1) !== undefined);
    await b.chat('gare', 'cyd', 'Cyd').send('/rsvp 1 yes');
    const [edited] = await b.chat('nord', 'mo').send('/event edit 1 Street party | samedi 19h | Place du marché');
    expect(edited!.text).toMatch(/changed on every copy/);
    await b.waitFor(() => ['lilas', 'nord', 'gare'].every((g) => /7:00\s?PM/.test(copyIn(b, g, 1)?.text ?? '')));
    expect(copyIn(b, 'gare', 1)!.text).toContain('📍 Place du marché');
    await b.waitFor(() => b.privateTo('cyd').some((r) => /has changed: Street party/.test(r.text)));
    await b.chat('lilas', 'mo').send('/event cancel 1');
    await b.waitFor(() => ['lilas', 'nord', 'gare'].every((g) => (copyIn(b, g, 1)?.text ?? '').startsWith('❌ Cancelled')));
    expect(copyIn(b, 'nord', 1)!.buttons).toEqual([]);
    await b.waitFor(() => b.privateTo('cyd').some((r) => /is cancelled/.test(r.text)));
  });
});
