// The dashboard's events and addresses pages over HTTP, against what the commands made and see: the answers of an
// event, a change from the page on every copy and in /events, /event edit's own date reader and replies, the
// community's addresses with /find's search, a removal /find then knows of. And who else could try: a session of
// another community, a moderator who lost the role, another site posting without the token.
import { afterEach, describe, expect, it } from 'vitest';
import { consoleCommunity, copyIn } from '../events/helpers.js';
import { Client, dashboardLink, groupPage, startDashboardBot, type DashboardBot } from './helpers.js';

let running: DashboardBot | undefined;
// Wednesday 3 June 2026, 10:00 in Paris.
let now = Date.parse('2026-06-03T08:00:00Z');
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(): Promise<DashboardBot> {
  now = Date.parse('2026-06-03T08:00:00Z');
  running = await startDashboardBot({ clock: { now: () => now }, events: { editIntervalMs: 100 } });
  return running;
}

async function moderatorSession(d: DashboardBot, group: string, user: string, page: string): Promise<Client> {
  const client = new Client(d.base);
  await client.login(await dashboardLink(d.bot, group, user, 'moderator'));
  await client.get(groupPage(group, page));
  return client;
}

const GROUPS = ['lilas', 'nord', 'gare'];

/** What the dashboard wrote to a group's audit, latest first. */
async function dashboardActions(bot: DashboardBot['bot'], group: string): Promise<string[]> {
  return (await bot.app.services.audit.latest(`console:${group}`, 50)).map((e) => e.action).filter((a) => a.startsWith('dashboard:'));
}

describe('the events page', () => {
  it('shows the answers the commands and buttons gave, and a change from the page reaches every copy and /events', async () => {
    const { bot } = await start();
    await consoleCommunity(bot, 'lilas', ['nord', 'gare']);
    await bot.chat('lilas', 'ada', 'ada').as('admin').send('/timezone America/New_York');
    await bot.chat('lilas', 'mo', 'mo').as('moderator').send('/event Street party | 2026-06-06 18:00 | Rue des Lilas');
    await bot.waitFor(() => GROUPS.every((g) => copyIn(bot, g, 1) !== undefined));
    await bot.chat('nord', 'bea', 'Bea Martin').send('/rsvp 1 yes');
    await bot.chat('gare', 'cyd', 'Cyd').send('/rsvp 1 maybe');
    await bot.chat('gare', 'eve', 'Eve').send('/rsvp 1 no');

    const client = await moderatorSession(running!, 'lilas', 'mo', 'events');
    const page = await client.get(groupPage('lilas', 'events'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Street party');
    expect(page.text).toContain('1 going · 1 maybe · 1 can’t');
    expect(page.text).toMatch(/Going:.*Bea/);
    expect(page.text).not.toContain('Bea Martin');
    expect(page.text).toContain('value="2026-06-06 18:00"');

    const edited = await client.post(groupPage('lilas', 'events') + '/edit', { id: '1', title: 'Street party and music', when: '2026-06-07 19:00', place: 'Place du marché' });
    expect(edited.status).toBe(200);
    expect(edited.text).toContain('Event #1 is changed on every copy; those going are told.');
    // Read in the page's group's zone, as /event edit reads it in the group's.
    const stored = (await bot.app.services.events.events.find(1))!;
    expect(stored.startsAt.toISOString()).toBe('2026-06-07T23:00:00.000Z');
    expect(stored.place).toBe('Place du marché');
    await bot.waitFor(() => GROUPS.every((g) => (copyIn(bot, g, 1)?.text ?? '').includes('Street party and music')));
    for (const g of GROUPS) expect(copyIn(bot, g, 1)!.text).toContain('📍 Place du marché');
    await bot.waitFor(() => bot.privateTo('bea').some((m) => /Street party and music/.test(m.text)));
    const [listed] = await bot.chat('gare', 'zoe').send('/events');
    expect(listed!.text).toContain('Street party and music');

    const cancelled = await client.post(groupPage('lilas', 'events') + '/cancel', { id: '1' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('Event #1 is cancelled on every copy; those going are told.');
    await bot.waitFor(() => GROUPS.every((g) => (copyIn(bot, g, 1)?.buttons ?? ['x']).length === 0));
    const [none] = await bot.chat('nord', 'zoe').send('/events');
    expect(none!.text).not.toContain('Street party');
    expect(await dashboardActions(bot, 'lilas')).toEqual(['dashboard:event cancel', 'dashboard:event edit']);
    // Cancelled: listed, without the forms.
    const after = await client.get(groupPage('lilas', 'events'));
    expect(after.text).toContain('cancelled');
    expect(after.text).not.toContain('/events/cancel');
  });

  it('answers a date it cannot use as /event edit does, keeps what was typed, and changes nothing', async () => {
    const { bot } = await start();
    await consoleCommunity(bot, 'lilas', ['nord']);
    await bot.chat('lilas', 'mo', 'mo').as('moderator').send('/event Repair café | samedi 18h');
    const client = await moderatorSession(running!, 'lilas', 'mo', 'events');
    const cases: [Record<string, string>, RegExp][] = [
      [{ when: 'samedi' }, /reads as Saturday, June 6, 2026, but without a time\. Write it like 2026-06-06 18:00/],
      [{ when: '2026-06-02 18:00' }, /already passed/],
      [{ when: 'sat 7' }, /not sure.*2026-06-06 07:00/],
      [{ when: 'whenever' }, /Write it like 2026-06-04 18:00/],
      [{ title: 'Repair | café' }, /needs a title and a date/],
      [{ title: '' }, /needs a title and a date/],
      [{ title: 'x'.repeat(201) }, /needs a title and a date/],
    ];
    for (const [fields, reply] of cases) {
      const res = await client.post(groupPage('lilas', 'events') + '/edit', { id: '1', title: 'Repair café', when: 'dimanche 10h', place: '', ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.text).toMatch(reply);
    }
    const kept = await client.post(groupPage('lilas', 'events') + '/edit', { id: '1', title: 'Repair café', when: 'whenever', place: 'Library' });
    expect(kept.text).toContain('value="whenever"');
    expect(kept.text).toContain('value="Library"');
    const stored = (await bot.app.services.events.events.find(1))!;
    expect(stored.version).toBe(1);
    expect(stored.startsAt.toISOString()).toBe('2026-06-06T16:00:00.000Z');
    expect(await dashboardActions(bot, 'lilas')).toEqual([]);
  });

  it('lets a moderator change only what /event lets them change: not an event posted from another group', async () => {
    const { bot } = await start();
    await consoleCommunity(bot, 'lilas', ['nord']);
    await bot.chat('nord', 'nia', 'nia').as('moderator').send('/event Book swap | 2026-06-10 17:00');
    const client = await moderatorSession(running!, 'lilas', 'mo', 'events');
    const page = await client.get(groupPage('lilas', 'events'));
    expect(page.text).toContain('Book swap');
    expect(page.text).not.toContain('/events/cancel');
    const refused = await client.post(groupPage('lilas', 'events') + '/cancel', { id: '1' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only the author of event #1, or a moderator of the group it was posted from, can change it.');
    expect((await bot.app.services.events.events.find(1))!.status).toBe('scheduled');
    // Someone who moderates both groups is sent to the group it was posted from, where the page lets them change it.
    bot.console.setRole('nord', 'mo', 'moderator');
    const both = await moderatorSession(running!, 'lilas', 'mo', 'events');
    expect((await both.get(groupPage('lilas', 'events'))).text).toContain(`href="${groupPage('nord', 'events')}"`);
    expect((await both.get(groupPage('nord', 'events'))).text).toContain(`action="${groupPage('nord', 'events')}/cancel"`);
  });
});

describe('the addresses page', () => {
  it('shows the community’s addresses with their marks, searches as /find does, and a removal is seen by /find', async () => {
    const { bot } = await start();
    await consoleCommunity(bot, 'lilas', ['nord']);
    await bot.chat('lilas', 'alice', 'Alice').send('/recommend plumber | Jean Dupont | 06 12 34 56 78 | came within the hour');
    await bot.chat('nord', 'bob', 'Bob').send('/recommend baker | Chez Paul | 01 02 03 04 05');
    await bot.chat('nord', 'cyd', 'Cyd').send('/vouch 1');
    await bot.chat('lilas', 'dee', 'Dee').send('/recommend report 2');

    const client = await moderatorSession(running!, 'lilas', 'mo', 'addresses');
    const page = await client.get(groupPage('lilas', 'addresses'));
    expect(page.status).toBe(200);
    const row = (id: number) => new RegExp(`<tr><td>#${id}</td>[\\s\\S]*?</tr>`).exec(page.text)?.[0] ?? '';
    expect(row(1)).toContain('Jean Dupont');
    // Left to right even on an Arabic page.
    expect(row(1)).toContain('<bdi dir="ltr">06 12 34 56 78</bdi>');
    expect(row(1)).toContain('came within the hour');
    expect(row(1)).toMatch(/>2<\/td>/);
    expect(row(1)).toMatch(/<bdi>lilas<\/bdi>/);
    expect(row(1)).not.toContain('reported');
    expect(row(2)).toContain('⚠️ reported');
    expect(row(2)).toMatch(/<bdi>nord<\/bdi>/);

    const search = await client.get(groupPage('lilas', 'addresses') + '?q=fontanero');
    expect(search.text).toContain('Jean Dupont');
    expect(search.text).not.toContain('Chez Paul');
    const nothing = await client.get(groupPage('lilas', 'addresses') + '?q=dentist');
    expect(nothing.text).toContain('No address matches.');

    await client.get(groupPage('lilas', 'addresses'));
    const removed = await client.post(groupPage('lilas', 'addresses') + '/remove', { id: '1' });
    expect(removed.status).toBe(200);
    expect(removed.text).toContain('Address #1 is removed.');
    const [found] = await bot.chat('nord', 'bob', 'Bob').send('/find plumber');
    expect(found!.text).toMatch(/^No address matches/);
    const audit = await bot.app.services.audit.latest('console:lilas');
    expect(await dashboardActions(bot, 'lilas')).toEqual(['dashboard:recommend remove']);
    expect(JSON.stringify(audit)).not.toContain('06 12 34 56 78');
    const again = await client.post(groupPage('lilas', 'addresses') + '/remove', { id: '1' });
    expect(again.status).toBe(404);
    expect(again.text).toContain('There is no address #1 here.');
    // In Arabic, right to left.
    await client.post('/dashboard/language', { language: 'ar' });
    const arabic = await client.get(groupPage('lilas', 'addresses'));
    expect(arabic.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic.text).toContain('عناوين المجتمع');
    expect(arabic.text).toContain('Chez Paul');
    const events = await client.get(groupPage('lilas', 'events'));
    expect(events.text).toContain('فعاليات المجتمع');
  });
});

describe('the events and addresses pages refuse', () => {
  /** Community A (lilas, nord) and community B (jasmin, rose), an event and an address in each. */
  async function twoCommunities() {
    const { bot } = await start();
    await consoleCommunity(bot, 'lilas', ['nord']);
    await consoleCommunity(bot, 'jasmin', ['rose']);
    await bot.chat('lilas', 'mo', 'mo').as('moderator').send('/event Picnic A | 2026-06-06 12:00');
    await bot.chat('jasmin', 'jo', 'jo').as('moderator').send('/event Secret party B | 2026-06-06 20:00');
    await bot.chat('lilas', 'alice', 'Alice').send('/recommend plumber | Jean A | 06 11 11 11 11');
    await bot.chat('jasmin', 'bea', 'Bea').send('/recommend plumber | Paul B | 07 22 22 22 22');
    return bot;
  }

  it('to a session of another community: its events and addresses, and their contact details, stay out of sight and unchanged', async () => {
    const bot = await twoCommunities();
    const a = await moderatorSession(running!, 'lilas', 'mo', 'events');
    for (const page of ['events', 'addresses']) {
      expect((await a.get(groupPage('jasmin', page))).status, page).toBe(404);
      expect((await a.get(groupPage('rose', page))).status, page).toBe(404);
    }
    const events = await a.get(groupPage('lilas', 'events'));
    expect(events.text).toContain('Picnic A');
    expect(events.text).not.toContain('Secret party B');
    const addresses = await a.get(groupPage('lilas', 'addresses'));
    expect(addresses.text).toContain('06 11 11 11 11');
    expect(addresses.text).not.toContain('Paul B');
    expect(addresses.text).not.toContain('07 22 22 22 22');
    expect((await a.get(groupPage('lilas', 'addresses') + '?q=plumber')).text).not.toContain('07 22 22 22 22');
    // B's event is #2, B's address #2: named from A's pages, and on B's pages directly.
    await a.get(groupPage('lilas', 'events'));
    expect((await a.post(groupPage('lilas', 'events') + '/cancel', { id: '2' })).status).toBe(404);
    expect((await a.post(groupPage('lilas', 'events') + '/edit', { id: '2', title: 'Hijacked', when: '2026-06-08 12:00', place: '' })).status).toBe(404);
    expect((await a.post(groupPage('lilas', 'addresses') + '/remove', { id: '2' })).status).toBe(404);
    expect((await a.post(groupPage('jasmin', 'events') + '/cancel', { id: '2' })).status).toBe(404);
    expect((await a.post(groupPage('jasmin', 'addresses') + '/remove', { id: '2' })).status).toBe(404);
    const b = (await bot.app.services.events.events.find(2))!;
    expect([b.status, b.title]).toEqual(['scheduled', 'Secret party B']);
    expect(await bot.app.services.addresses.repository.byId(2)).toBeDefined();
    expect(await dashboardActions(bot, 'jasmin')).toEqual([]);
    // B's own moderator sees B's contact details.
    const b2 = await moderatorSession(running!, 'jasmin', 'jo', 'addresses');
    expect((await b2.get(groupPage('jasmin', 'addresses'))).text).toContain('07 22 22 22 22');
  });

  it('to a moderator who lost the role: the platform is asked again at the change', async () => {
    const bot = await twoCommunities();
    const events = await moderatorSession(running!, 'lilas', 'mo', 'events');
    const addresses = await moderatorSession(running!, 'lilas', 'max', 'addresses');
    bot.console.setRole('lilas', 'mo', 'member');
    bot.console.setRole('lilas', 'max', 'member');
    expect((await events.post(groupPage('lilas', 'events') + '/cancel', { id: '1' })).status).toBe(403);
    expect((await addresses.post(groupPage('lilas', 'addresses') + '/remove', { id: '1' })).status).toBe(403);
    expect((await bot.app.services.events.events.find(1))!.status).toBe('scheduled');
    expect(await bot.app.services.addresses.repository.byId(1)).toBeDefined();
    expect(await dashboardActions(bot, 'lilas')).toEqual([]);
  });

  it('a cross-site POST: without the token, or from another origin', async () => {
    const bot = await twoCommunities();
    const client = await moderatorSession(running!, 'lilas', 'mo', 'events');
    const edit = { id: '1', title: 'Hijacked', when: '2026-06-08 12:00', place: '' };
    expect((await client.post(groupPage('lilas', 'events') + '/edit', edit, null)).status).toBe(403);
    expect((await client.post(groupPage('lilas', 'events') + '/cancel', { id: '1' }, null)).status).toBe(403);
    expect((await client.post(groupPage('lilas', 'addresses') + '/remove', { id: '1' }, null)).status).toBe(403);
    const elsewhere = new Client(running!.base, 'https://evil.example');
    elsewhere.cookie = client.cookie;
    expect((await elsewhere.post(groupPage('lilas', 'events') + '/cancel', { id: '1' }, client.csrf)).status).toBe(403);
    expect((await elsewhere.post(groupPage('lilas', 'addresses') + '/remove', { id: '1' }, client.csrf)).status).toBe(403);
    const event = (await bot.app.services.events.events.find(1))!;
    expect([event.status, event.title]).toEqual(['scheduled', 'Picnic A']);
    expect(await bot.app.services.addresses.repository.byId(1)).toBeDefined();
    expect(await dashboardActions(bot, 'lilas')).toEqual([]);
  });
});
