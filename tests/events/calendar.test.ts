// The calendar feed: an admin gets a secret link privately, the public listener serves the community's events as
// iCalendar (parsed here with ical.js), a wrong or rotated secret gets a 404, and one community's link shows nothing
// of another's.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/features/events/calendar.js';
import { startPublicHttpServer, type Listener } from '../../src/http.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { consoleCommunity, copyIn } from './helpers.js';

let bot: TestBot | undefined;
let listener: Listener | undefined;
let now = Date.parse('2026-06-03T08:00:00Z');
afterEach(async () => {
  await listener?.close();
  await bot?.stop();
  bot = listener = undefined;
});

async function start() {
  now = Date.parse('2026-06-03T08:00:00Z');
  const b = await startTestApp({ clock: { now: () => now }, events: { editIntervalMs: 100, publicUrl: 'https://quartier.example.org' } });
  bot = b;
  await consoleCommunity(b, 'lilas', ['nord']);
  listener = await startPublicHttpServer({ host: '127.0.0.1', port: 0, routes: new Map(), mounts: b.app.httpMounts() });
  return b;
}

/** The link the admin receives privately after `command`. */
async function linkFrom(b: TestBot, group: string, admin: string, command: string): Promise<string> {
  const before = b.privateTo(admin).length;
  const [reply] = await b.chat(group, admin).as('admin').send(command);
  expect(reply!.text).not.toContain('https://');
  return b.privateMatch(admin, /(https:\/\/\S+)/, before);
}

async function get(link: string): Promise<{ status: number; body: string; type: string | null }> {
  const url = new URL(link);
  const response = await fetch(`http://127.0.0.1:${listener!.port}${url.pathname}${url.search}`);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

describe('/events calendar', () => {
  it('serves the community’s events as an iCalendar file that a calendar library reads', async () => {
    const b = await start();
    const mo = b.chat('lilas', 'mo').as('moderator');
    await mo.send('/event Street party; music, food & a very long title that needs folding – Fête de la rue | samedi 18h | Rue des Lilas, Paris');
    await mo.send('/event Concert | dimanche 20h');
    await mo.send('/event Old plan | lundi 18h');
    await mo.send('/event cancel 3');
    const link = await linkFrom(b, 'lilas', 'ada', '/events calendar');
    expect(link).toMatch(/^https:\/\/quartier\.example\.org\/events\/calendar\.ics\?key=[A-Za-z0-9_-]{32}$/);

    const feed = await get(link);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const lines = feed.body.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(feed.body).toContain('\r\n '); // folded

    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Street party; music, food & a very long title that needs folding – Fête de la rue', 'Concert', 'Old plan']);
    expect(events[0]!.location).toBe('Rue des Lilas, Paris');
    expect(events[0]!.uid).toBe('event-1@quartier.example.org');
    // 18:00 in Paris in June is 16:00 UTC, written in UTC.
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-06-06T16:00:00.000Z');
    expect(feed.body).toContain('DTSTART:20260606T160000Z');
    expect(events[0]!.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(events[2]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('is for admins; a wrong, malformed or rotated secret gets a 404; another community’s link shows only its own', async () => {
    const b = await start();
    await b.chat('lilas', 'mo').as('moderator').send('/event Street party | samedi 18h');
    await b.chat('autre', 'zed').as('admin').send('/community create Ailleurs');
    await b.chat('autre', 'zed').send('/event Elsewhere | dimanche 11h');
    const [refused] = await b.chat('lilas', 'sam').send('/events calendar');
    expect(refused!.text).toMatch(/admin/);

    const first = await linkFrom(b, 'lilas', 'ada', '/events calendar');
    // Asking again gives the same link: subscriptions keep working.
    expect(await linkFrom(b, 'lilas', 'ada', '/events calendar')).toBe(first);
    const other = await linkFrom(b, 'autre', 'zed', '/events calendar');
    const otherFeed = await get(other);
    expect(otherFeed.body).toContain('SUMMARY:Elsewhere');
    expect(otherFeed.body).not.toContain('Street party');

    const key = new URL(first).searchParams.get('key')!;
    const wrong = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect((await get(first.replace(key, wrong))).status).toBe(404);
    expect((await get(first.replace(key, 'short'))).status).toBe(404);
    expect((await get(first.replace(`?key=${key}`, ''))).status).toBe(404);

    const fresh = await linkFrom(b, 'lilas', 'ada', '/events calendar new');
    expect(fresh).not.toBe(first);
    expect((await get(first)).status).toBe(404);
    expect((await get(fresh)).body).toContain('SUMMARY:Street party');
    expect(copyIn(b, 'lilas', 1)).toBeDefined();
  });

  it('answers that the feed is not set up when the bot has no public address', async () => {
    const b = await startTestApp({ clock: { now: () => now } });
    bot = b;
    const [reply] = await b.chat('lilas', 'ada').as('admin').send('/events calendar');
    expect(reply!.text).toMatch(/not set up/);
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.every((part) => Buffer.byteLength(part, 'utf8') <= 75)).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});
