// /community end to end through the console adapter, real Redis and PGlite, with an injected clock for code expiry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayCode, parseCode } from '../../src/text/codes.js';
import { startTestApp, type Reply, type TestBot, type TestChat } from '../helpers/app.js';

let bot: TestBot;
let now = Date.parse('2025-06-01T10:00:00Z');
beforeEach(async () => {
  now = Date.parse('2025-06-01T10:00:00Z');
  bot = await startTestApp({ clock: { now: () => now } });
});
afterEach(async () => {
  await bot.stop();
});

/** Sends `command` and returns the join code the bot then sends the sender privately (codes never go to a group). */
async function codeFrom(chat: TestChat, command: string): Promise<{ code: string; replies: Reply[] }> {
  const before = bot.privateTo(chat.userKey).length;
  const replies = await chat.send(command);
  const code = await bot.privateMatch(chat.userKey, /\/community join ([A-Z0-9]+-[A-Z0-9]+)/, before);
  return { code, replies };
}

describe('join codes', () => {
  it('are 6-12 letters and digits with an optional hyphen, any case', () => {
    expect(parseCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(parseCode('ABCDEFGH')).toBe('ABCDEFGH');
    expect(parseCode('ABC')).toBeUndefined();
    expect(parseCode('ABCDEFGHJKMNP')).toBeUndefined();
    expect(parseCode('AB-CD-EF')).toBeUndefined();
    expect(parseCode('ABCD EFGH')).toBeUndefined();
    expect(displayCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
});

describe('/community', () => {
  it('creates a community whose code serves several groups; /community lists them all', async () => {
    const lilas = bot.chat('lilas', 'ada').as('admin');
    const { code, replies: [created] } = await codeFrom(lilas, '/community create Quartier des Lilas');
    expect(created!.text).toContain('Quartier des Lilas');

    const [joined1] = await bot.chat('nord', 'bea').as('admin').send(`/community join ${code}`);
    expect(joined1!.text).toMatch(/now has 2 groups/);
    const [joined2] = await bot.chat('gare', 'cyd').as('admin').send(`/community join ${code.toLowerCase()}`);
    expect(joined2!.text).toMatch(/now has 3 groups/);

    const [shown] = await bot.chat('gare', 'sam').send('/community');
    expect(shown!.text).toMatch(/Quartier des Lilas.*3 groups/);
    expect(shown!.text).toContain('1. lilas (console)');
    const id = (await bot.app.services.communities.communityOf('console:gare'))!.id;
    expect((await bot.app.services.communities.groupsOf(id)).map((g) => g.id)).toEqual(['console:lilas', 'console:nord', 'console:gare']);
    // Every membership change is audited on the group that changed.
    expect((await bot.app.services.audit.latest('console:nord'))[0]).toMatchObject({ action: 'community.join', actorId: 'console:bea', after: { communityId: id } });
  });

  it('needs an admin on the joining side and changes nothing for a member', async () => {
    const { code } = await codeFrom(bot.chat('lilas').as('admin'), '/community create Lilas');
    const [refused] = await bot.chat('nord', 'sam').send(`/community join ${code}`);
    expect(refused!.text).toMatch(/only the group's admins/);
    expect(await bot.app.services.communities.communityOf('console:nord')).toBeUndefined();
  });

  it('keeps a group in at most one community', async () => {
    const { code: a } = await codeFrom(bot.chat('lilas').as('admin'), '/community create A');
    await bot.chat('nord').as('admin').send('/community create B');
    const [refused] = await bot.chat('nord').send(`/community join ${a}`);
    expect(refused!.text).toMatch(/already in the community “B”/);
    const [again] = await bot.chat('lilas').send(`/community join ${a}`);
    expect(again!.text).toMatch(/already in “A”/);
    const [left] = await bot.chat('nord').send('/community leave');
    expect(left!.text).toMatch(/left “B”/);
    const [joined] = await bot.chat('nord').send(`/community join ${a}`);
    expect(joined!.text).toMatch(/joined “A”/);
  });

  it('stops the old code when a fresh one is made, and expires codes after 24 hours', async () => {
    const admin = bot.chat('lilas').as('admin');
    const { code: old } = await codeFrom(admin, '/community create Lilas');
    const { code } = await codeFrom(admin, '/community code');
    expect(code).not.toBe(old);
    const [unknown] = await bot.chat('nord').as('admin').send(`/community join ${old}`);
    expect(unknown!.text).toMatch(/don't know this code/);

    now += 24 * 3600 * 1000 - 1000;
    const [joined] = await bot.chat('gare').as('admin').send(`/community join ${code}`);
    expect(joined!.text).toMatch(/joined/);
    now += 2000;
    const [expired] = await bot.chat('nord').send(`/community join ${code}`);
    expect(expired!.text).toMatch(/has expired/);
  });

  it('answers a malformed code with the usage line, in French for a French group', async () => {
    const admin = bot.chat('lilas').as('admin');
    await admin.send('/lang fr');
    const [usage] = await admin.send('/community join x!');
    expect(usage!.text).toBe('Utilisation : /community join <code>');
    const [none] = await admin.send('/community');
    expect(none!.text).toMatch(/aucune communauté/);
  });
});
