// Neighbourhood addresses end to end through the console adapter (real Redis, PGlite, pipeline, delivery): kept for the
// community, found from another group of it in another language, vouched once per person, removed by its author or a
// moderator, reported, marked old after a year, erased by /forgetme, offered when a help request is solved. And the
// attacks: another community's member sees nothing and cannot vouch, remove or report.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { addressEntries, addressReports, addressVouches } from '../../src/db/schema/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

const DEFAULTS = { language: 'en', timezone: 'Europe/Paris' };
const YEAR = 365 * 24 * 3600_000;
let bot: TestBot | undefined;
let now = Date.UTC(2026, 2, 10, 12, 0);

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Lilas and Nord share a community; Gare is in another one. */
async function start() {
  now = Date.UTC(2026, 2, 10, 12, 0);
  const b = (bot = await startTestApp({ clock: { now: () => now }, help: { sweepIntervalMs: 0 } }));
  const { groups, communities } = b.app.services;
  const lilas = await groups.ensure('console:lilas', 'console', 'lilas', DEFAULTS);
  await groups.ensure('console:nord', 'console', 'nord', DEFAULTS);
  const gare = await groups.ensure('console:gare', 'console', 'gare', DEFAULTS);
  const ours = await communities.create(lilas, 'Lilas', 'console:admin', now);
  const theirs = await communities.create(gare, 'Gare', 'console:admin', now);
  if (!('code' in ours) || !('code' in theirs)) throw new Error('communities not created');
  expect(await communities.join('console:nord', ours.code, 'console:admin', now)).toMatchObject({ ok: true });
  return b;
}

const idOf = (text: string) => Number(/#(\d+)/.exec(text)![1]);

describe('/recommend and /find', () => {
  it('keeps an address for the community; a neighbour in another group finds it in Spanish, with its contact', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    const [added] = await alice.send('/recommend plumber | Jean Dupont | 06 12 34 56 78 | came within the hour, fair price');
    expect(added!.text).toMatch(/^Thank you! Added as #\d+ for every group of the community: plumber — Jean Dupont\./);
    expect(added!.message.buttons).toEqual([{ label: `👍 I recommend #${idOf(added!.text)} too`, data: `addr:vouch:${idOf(added!.text)}` }]);
    const id = idOf(added!.text);

    const [found] = await b.chat('nord', 'bob', 'Bob').send('/find fontanero');
    expect(found!.text).toBe(
      [
        '1 address for “fontanero”:',
        '',
        `#${id} plumber — Jean Dupont\n   📞 06 12 34 56 78\n   “came within the hour, fair price”\n   👍 1 neighbour · lilas`,
      ].join('\n'),
    );
    expect(found!.message.buttons).toEqual([{ label: `👍 I recommend #${id} too`, data: `addr:vouch:${id}` }]);
    for (const word of ['сантехнік', 'سباك', 'plombier', 'plumbers']) {
      const [reply] = await b.chat('nord', 'bob', 'Bob').send(`/find ${word}`);
      expect(reply!.text).toContain(`#${id} plumber`);
    }
    const [none] = await alice.send('/find dentist');
    expect(none!.text).toMatch(/^No address matches “dentist” yet/);
  });

  it('answers malformed input with the usage line, and refuses overlong parts', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    expect((await alice.send('/recommend plumber'))[0]!.text).toBe('Usage: /recommend <what | who or where [| how to reach them] [| note]>');
    expect((await alice.send('/recommend a | b | c | d | e'))[0]!.text).toMatch(/^Usage: \/recommend/);
    expect((await alice.send('/recommend | Jean'))[0]!.text).toMatch(/^Usage: \/recommend/);
    expect((await alice.send('/vouch twelve'))[0]!.text).toBe('Usage: /vouch <id>');
    expect((await alice.send('/recommend remove x'))[0]!.text).toBe('Usage: /recommend remove <id>');
    expect((await alice.send(`/recommend plumber | ${'x'.repeat(121)}`))[0]!.text).toMatch(/^That is too long/);
    expect((await alice.send('/find plumber'))[0]!.text).toMatch(/^No address matches/);
  });

  it('ranks the address more neighbours vouch for first, and marks one nobody confirmed for a year as old', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    const first = idOf((await alice.send('/recommend plumber | Jean Dupont | 06 12 34 56 78'))[0]!.text);
    const second = idOf((await alice.send('/recommend plombier | Karim | 06 22 33 44 55'))[0]!.text);
    const [before] = await alice.send('/find plumber');
    expect(before!.text.indexOf(`#${second} `)).toBeLessThan(before!.text.indexOf(`#${first} `)); // newer first at equal vouches

    await b.chat('nord', 'bob', 'Bob').send(`/vouch ${first}`);
    await b.chat('nord', 'cyd', 'Cyd').send(`/vouch #${first}`);
    const [after] = await alice.send('/find plumber');
    expect(after!.text.indexOf(`#${first} `)).toBeLessThan(after!.text.indexOf(`#${second} `));
    expect(after!.text).toContain('👍 3 neighbours · lilas');

    now += YEAR + 24 * 3600_000;
    const [old] = await alice.send('/find plumber');
    expect(old!.text).toMatch(new RegExp(`#${first} plumber[^#]*old: not confirmed for a year`));
    // A vouch confirms it again.
    await b.chat('nord', 'dee', 'Dee').send(`/vouch ${first}`);
    const [confirmed] = await alice.send('/find plumber');
    expect(confirmed!.text).toMatch(new RegExp(`#${first} plumber[^#]*4 neighbours · lilas\\n`));
    expect(confirmed!.text).toMatch(new RegExp(`#${second} plombier[^#]*old: not confirmed`));
  });
});

describe('vouching', () => {
  it('counts one vouch per person, not the author’s own, and shows the count', async () => {
    const b = await start();
    const id = idOf((await b.chat('lilas', 'alice', 'Alice').send('/recommend babysitter | Sofia, 3rd floor'))[0]!.text);
    const bob = b.chat('nord', 'bob', 'Bob');
    expect((await bob.send(`/vouch ${id}`))[0]!.text).toBe(`Thank you, Bob! #${id} is now recommended by 2 neighbours.`);
    expect((await bob.send(`/vouch ${id}`))[0]!.text).toBe(`You already recommend #${id}.`);
    expect((await b.chat('lilas', 'alice', 'Alice').send(`/vouch ${id}`))[0]!.text).toBe(`You added #${id} yourself; your recommendation already counts.`);
    const repository = b.app.services.addresses.repository;
    expect((await repository.byId(id))!.vouches).toBe(1);
    // The same person twice at once (two workers, a double press): one counts.
    const at = new Date(now);
    const both = await Promise.all([repository.vouch(id, 'console:cyd', at), repository.vouch(id, 'console:cyd', at)]);
    expect(both.map((r) => r!.outcome).sort()).toEqual(['added', 'again']);
    expect((await repository.byId(id))!.vouches).toBe(2);
  });
});

describe('another community', () => {
  it('cannot find, vouch for, remove or report this community’s addresses, and never sees their contact', async () => {
    const b = await start();
    const id = idOf((await b.chat('lilas', 'alice', 'Alice').send('/recommend plumber | Jean Dupont | 06 12 34 56 78'))[0]!.text);
    const mallory = b.chat('gare', 'mallory', 'Mallory').as('admin');
    const [found] = await mallory.send('/find plumber');
    expect(found!.text).toMatch(/^No address matches/);
    expect((await mallory.send(`/vouch ${id}`))[0]!.text).toBe(`There is no address #${id} here. Search with /find <words>.`);
    expect((await mallory.send(`/recommend remove ${id}`))[0]!.text).toMatch(/^There is no address/);
    expect((await mallory.send(`/recommend report ${id}`))[0]!.text).toMatch(/^There is no address/);
    const entry = await b.app.services.addresses.repository.byId(id);
    expect(entry).toMatchObject({ vouches: 0, reports: 0 });
    // Nothing the other community's group received carries the contact.
    expect(b.console.delivered.filter((d) => d.group === 'gare').some((d) => d.message.text.includes('06 12 34 56 78'))).toBe(false);
  });
});

describe('keeping it right', () => {
  it('lets the author or a moderator remove an address, not another member', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    const id = idOf((await alice.send('/recommend plumber | Jean Dupont'))[0]!.text);
    const bob = b.chat('nord', 'bob', 'Bob');
    expect((await bob.send(`/recommend remove ${id}`))[0]!.text).toBe(
      `Only the person who added #${id}, or a moderator, can remove it. Wrong or outdated? Type /recommend report ${id}.`,
    );
    expect((await alice.send(`/recommend remove ${id}`))[0]!.text).toBe(`Address #${id} is removed.`);
    expect((await bob.send('/find plumber'))[0]!.text).toMatch(/^No address matches/);

    const other = idOf((await alice.send('/recommend electrician | Marc'))[0]!.text);
    expect((await bob.as('moderator').send(`/recommend remove ${other}`))[0]!.text).toBe(`Address #${other} is removed.`);
  });

  it('tells the group and the group it came from when an address is reported, once per person', async () => {
    const b = await start();
    const id = idOf((await b.chat('lilas', 'alice', 'Alice').send('/recommend plumber | Jean Dupont | 06 12 34 56 78'))[0]!.text);
    const bob = b.chat('nord', 'bob', 'Bob');
    const [notice] = await bob.send(`/recommend report ${id}`);
    const expected = `⚠️ Address #${id} (plumber — Jean Dupont) was reported as wrong or outdated by Bob in nord. Moderators: /recommend remove ${id} removes it.`;
    expect(notice!.text).toBe(expected);
    await b.waitFor(() => b.console.delivered.some((d) => d.group === 'lilas' && d.message.text === expected));
    expect((await bob.send(`/recommend report ${id}`))[0]!.text).toBe(`You already reported #${id}; the moderators know.`);
    expect((await bob.send('/find plumber'))[0]!.text).toContain('· ⚠️ reported');
  });

  it('/forgetme removes what the person wrote and their vouches', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    const bob = b.chat('nord', 'bob', 'Bob');
    const hers = idOf((await alice.send('/recommend plumber | Jean Dupont | 06 12 34 56 78'))[0]!.text);
    const his = idOf((await bob.send('/recommend electrician | Marc | 06 98 76 54 32'))[0]!.text);
    await bob.send(`/vouch ${hers}`);
    await bob.send(`/recommend report ${hers}`);
    await alice.send(`/vouch ${his}`);
    await bob.send('/forgetme');

    const repository = b.app.services.addresses.repository;
    expect(await repository.byId(his)).toBeUndefined();
    expect(await repository.byId(hers)).toMatchObject({ vouches: 0, reports: 0 });
    expect((await alice.send('/find electrician'))[0]!.text).toMatch(/^No address matches/);
    const db = b.app.services.db;
    expect(await db.select().from(addressVouches).where(eq(addressVouches.personId, 'console:bob'))).toEqual([]);
    expect(await db.select().from(addressReports).where(eq(addressReports.personId, 'console:bob'))).toEqual([]);
    expect(await db.select().from(addressEntries).where(eq(addressEntries.authorId, 'console:bob'))).toEqual([]);
  });
});

describe('from help requests', () => {
  it('offers to add whoever helped when the request is solved, pre-filled from it, to the person who closed it only', async () => {
    const b = await start();
    const alice = b.chat('lilas', 'alice', 'Alice');
    await alice.send('/need someone to fix a leaking tap #plumber');
    await b.chat('nord', 'bob', 'Bob').send('/offer 1');
    const replies = await alice.send('/done 1');
    const offer = replies.find((r) => r.text.startsWith('Bob helped'))!;
    expect(offer.text).toBe('Bob helped with request #1. Add them to the neighbourhood addresses as “plumber”, so others find them?');
    expect(offer.message.buttons).toEqual([{ label: 'Add Bob as plumber', data: expect.stringMatching(/^addr:add:\d+$/) }]);
    const suggestion = await b.app.services.addresses.repository.suggestion(Number(offer.message.buttons![0]!.data.split(':')[2]));
    expect(suggestion).toMatchObject({ closerId: 'console:alice', helperId: 'console:bob', helperName: 'Bob', what: 'plumber', requestNumber: 1 });
  });
});
