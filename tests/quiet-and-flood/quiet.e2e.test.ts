// /quiet end to end through the console adapter, real Redis and PGlite, with the app's clock driven by the test.
// Every instant is written with its local offset, so the expectations do not depend on the code under test.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/outbound.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TestClock, warmDatabase } from './support.js';

let bot: TestBot | undefined;
// Migrating this worker's database takes long on a busy machine: do it once, outside any test's time limit.
beforeAll(warmDatabase, 180_000);

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(iso: string): Promise<{ bot: TestBot; clock: TestClock }> {
  const clock = TestClock.at(iso);
  bot = await startTestApp({ clock });
  return { bot, clock };
}

const settingsOf = async (b: TestBot, key: string) => (await b.app.services.groups.find(`console:${key}`))?.settings ?? {};

describe('/quiet: setting, showing, refusing', () => {
  it('an admin sets overnight quiet hours in the group zone; members see them; the change is audited', async () => {
    const { bot } = await start('2024-01-15T23:30:00+01:00');
    const admin = bot.chat('g1', 'ada', 'Ada').as('admin');
    const member = bot.chat('g1', 'sam', 'Sam');
    expect((await member.send('/quiet'))[0]!.text).toMatch(/no quiet hours/);
    const [set] = await admin.send('/quiet 22:00-07:00');
    expect(set!.text).toContain('Quiet hours: 22:00–07:00 (Europe/Paris), every day.');
    const [shown] = await member.send('/quiet');
    expect(shown!.text).toContain('22:00–07:00 (Europe/Paris)');
    expect(shown!.text).toContain('It is quiet now, until 07:00.');
    const [entry] = await bot.app.services.audit.latest('console:g1');
    expect(entry).toMatchObject({
      actorId: 'console:ada',
      action: 'quiet',
      before: { quietHours: null },
      after: { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } },
    });
  });

  it('takes a zone and weekdays in either order, and answers in French for a French group', async () => {
    const { bot } = await start('2024-01-15T12:00:00+01:00');
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/lang fr');
    const [set] = await admin.send('/quiet 23h-6h30 sat,sun America/New_York');
    expect(set!.text).toContain('Heures calmes : 23:00–06:30 (America/New_York), dim., sam.');
    expect((await settingsOf(bot, 'g1')).quietHours).toEqual({ start: '23:00', end: '06:30', timeZone: 'America/New_York', days: [0, 6] });
  });

  it.each([
    ['/quiet 25:00-07:00', /22:00-07:00/],
    ['/quiet 22:00-22:00', /must differ/],
    ['/quiet 22:00-07:00 Mars/Olympus', /time zone/],
    ['/quiet 22:00-07:00 someday', /mon-fri/],
    ['/quiet mode loud', undefined],
  ])('answers %s with the usage line and changes nothing', async (text, hint) => {
    const { bot } = await start('2024-01-15T12:00:00+01:00');
    const replies = await bot.chat('g1', 'ada').as('admin').send(text);
    expect(replies[0]!.text).toMatch(/^Usage: \/quiet /);
    if (hint) expect(replies[1]!.text).toMatch(hint);
    expect(await bot.app.services.audit.latest('console:g1')).toHaveLength(0);
    expect(await settingsOf(bot, 'g1')).toEqual({});
  });

  it('refuses a member who tries to set, switch off or change the mode', async () => {
    const { bot } = await start('2024-01-15T12:00:00+01:00');
    const member = bot.chat('g1', 'sam');
    for (const text of ['/quiet 22:00-07:00', '/quiet off', '/quiet mode delete', '/quiet announce on']) {
      expect((await member.send(text))[0]!.text).toMatch(/only the group's admins/);
    }
    expect(await bot.app.services.audit.latest('console:g1')).toHaveLength(0);
  });

  it('/quiet off and /quiet mode are audited', async () => {
    const { bot } = await start('2024-01-15T12:00:00+01:00');
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    expect((await admin.send('/quiet mode silent'))[0]!.text).toMatch(/nothing will happen/);
    expect((await admin.send('/quiet off'))[0]!.text).toMatch(/Quiet hours are off/);
    const actions = (await bot.app.services.audit.latest('console:g1')).map((e) => e.action);
    expect(actions).toEqual(['quiet off', 'quiet mode', 'quiet']);
    expect(await settingsOf(bot, 'g1')).toEqual({ quietMode: 'silent' });
  });
});

/** Sets quiet hours as admin, then has member Sam post one ordinary message; returns the bot's replies to it. */
async function memberPostsAt(iso: string, quiet: string, setAt = '2024-01-10T12:00:00Z'): Promise<string[]> {
  const { bot, clock } = await start(setAt);
  await bot.chat('g1', 'ada').as('admin').send(`/quiet ${quiet}`);
  clock.set(iso);
  return (await bot.chat('g1', 'sam', 'Sam').send('anyone up?')).map((r) => r.text);
}

describe('quiet hours by the clock (remind mode)', () => {
  const REMINDER = /Sam, it's quiet hours here until/;

  it('Paris at 23:30 in winter (+01:00) is quiet', async () => {
    expect(await memberPostsAt('2024-01-15T23:30:00+01:00', '22:00-07:00 Europe/Paris')).toEqual([expect.stringMatching(REMINDER)]);
  });

  it('Paris at 23:30 in summer (+02:00) is quiet', async () => {
    expect(await memberPostsAt('2024-07-15T23:30:00+02:00', '22:00-07:00 Europe/Paris')).toEqual([expect.stringMatching(REMINDER)]);
  });

  it('Paris at 22:30 in summer is quiet (a fixed +01:00 would say 21:30)', async () => {
    expect(await memberPostsAt('2024-07-15T22:30:00+02:00', '22:00-07:00 Europe/Paris')).toHaveLength(1);
  });

  it('Paris at 07:30 in summer is no longer quiet (a fixed +01:00 would say 06:30)', async () => {
    expect(await memberPostsAt('2024-07-16T07:30:00+02:00', '22:00-07:00 Europe/Paris')).toEqual([]);
  });

  it('an overnight range still holds after midnight and ends at 07:00', async () => {
    expect(await memberPostsAt('2024-01-16T06:59:00+01:00', '22:00-07:00 Europe/Paris')).toHaveLength(1);
    await bot!.stop();
    bot = undefined;
    expect(await memberPostsAt('2024-01-16T07:00:00+01:00', '22:00-07:00 Europe/Paris')).toEqual([]);
  });

  it('weekday limits: mon-fri nights start Friday, not Saturday', async () => {
    // 2024-01-19 is a Friday.
    expect(await memberPostsAt('2024-01-19T23:30:00+01:00', '22:00-07:00 mon-fri')).toHaveLength(1);
    await bot!.stop();
    bot = undefined;
    expect(await memberPostsAt('2024-01-20T06:30:00+01:00', '22:00-07:00 mon-fri')).toHaveLength(1);
    await bot!.stop();
    bot = undefined;
    expect(await memberPostsAt('2024-01-20T23:30:00+01:00', '22:00-07:00 mon-fri')).toEqual([]);
  });

  it('Pacific/Auckland, far from UTC: quiet at 23:00 NZDT (+13:00) and at 22:00 NZST (+12:00), not at 19:00', async () => {
    expect(await memberPostsAt('2024-01-15T23:00:00+13:00', '21:00-06:00 Pacific/Auckland')).toEqual([
      expect.stringMatching(/until 06:00/),
    ]);
    await bot!.stop();
    bot = undefined;
    expect(await memberPostsAt('2024-07-15T22:00:00+12:00', '21:00-06:00 Pacific/Auckland')).toHaveLength(1);
    await bot!.stop();
    bot = undefined;
    expect(await memberPostsAt('2024-07-15T19:00:00+12:00', '21:00-06:00 Pacific/Auckland')).toEqual([]);
  });
});

describe('members vs admins, and each mode', () => {
  it('remind: once per member per night; admins and moderators are exempt; commands still work', async () => {
    const { bot, clock } = await start('2024-01-15T12:00:00+01:00');
    const admin = bot.chat('g1', 'ada', 'Ada').as('admin');
    const moderator = bot.chat('g1', 'mo', 'Mo').as('moderator');
    const sam = bot.chat('g1', 'sam', 'Sam');
    const lea = bot.chat('g1', 'lea', 'Léa');
    await admin.send('/quiet 22:00-07:00');
    clock.set('2024-01-15T23:30:00+01:00');
    expect(await admin.send('good night all')).toEqual([]);
    expect(await moderator.send('night')).toEqual([]);
    expect(await sam.send('hello?')).toHaveLength(1);
    expect(await sam.send('hello again')).toEqual([]);
    expect((await lea.send('me too'))[0]!.text).toMatch(/^Léa, /);
    expect((await sam.send('/quiet'))[0]!.text).toContain('It is quiet now');
    clock.set('2024-01-16T12:00:00+01:00');
    expect(await sam.send('daytime')).toEqual([]);
    clock.set('2024-01-16T22:30:00+01:00');
    expect(await sam.send('next night')).toHaveLength(1);
  });

  it('silent: nothing happens to members', async () => {
    const { bot, clock } = await start('2024-01-15T12:00:00+01:00');
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    await admin.send('/quiet mode silent');
    clock.set('2024-01-15T23:30:00+01:00');
    expect(await bot.chat('g1', 'sam').send('hello?')).toEqual([]);
    await bot.settle();
    expect(bot.console.delivered.filter((d) => d.message.action === 'delete')).toEqual([]);
  });

  it('delete: a member’s message is deleted through the Outbox; an admin’s is not', async () => {
    const { bot, clock } = await start('2024-01-15T12:00:00+01:00');
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    await admin.send('/quiet mode delete');
    clock.set('2024-01-15T23:30:00+01:00');
    await admin.send('admins may talk');
    const sam = bot.chat('g1', 'sam');
    expect(await sam.send('psst')).toEqual([]);
    await bot.waitFor(() => bot.console.delivered.some((d) => d.message.action === 'delete'));
    await bot.settle();
    const deletes = bot.console.delivered.filter((d) => d.message.action === 'delete');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.message.editOf).toEqual([expect.stringMatching(/^console:/)]);
    expect(deletes[0]!.message.id).toMatch(/:quiet-delete$/);
  });

  it('delete without the right: falls back to remind and tells the admins once', async () => {
    const { bot, clock } = await start('2024-01-15T12:00:00+01:00');
    const platformSend = bot.console.send.bind(bot.console);
    let refused = 0;
    bot.console.send = async (message) => {
      if (message.action === 'delete') {
        refused++;
        throw new DeliveryError('permanent', 'Bad Request: message can\'t be deleted', { missingPermission: 'delete_messages' });
      }
      return platformSend(message);
    };
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    await admin.send('/quiet mode delete');
    clock.set('2024-01-15T23:30:00+01:00');
    const sam = bot.chat('g1', 'sam', 'Sam');
    await sam.send('first');
    const texts = () => bot.console.delivered.filter((d) => d.group === 'g1').map((d) => d.message.text);
    await bot.waitFor(() => texts().some((t) => t.startsWith('Sam, ')));
    expect(texts().filter((t) => t.startsWith('Admins: I can\'t delete'))).toHaveLength(1);
    // From now on: reminders, no more delete attempts, no second notice to the admins.
    expect((await bot.chat('g1', 'lea', 'Léa').send('second'))[0]!.text).toMatch(/^Léa, /);
    expect(await sam.send('third')).toEqual([]);
    await bot.settle();
    expect(refused).toBe(1);
    expect(texts().filter((t) => t.startsWith('Sam, '))).toHaveLength(1);
    expect(texts().filter((t) => t.startsWith('Admins: I can\'t delete'))).toHaveLength(1);
  });
});
