// /flood with a burst of messages, /audit, and /quiet announce, end to end with the app's clock driven by the test.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { advanceTo, TestClock, warmDatabase } from './support.js';

let bot: TestBot | undefined;
// Migrating this worker's database takes long on a busy machine: do it once, outside any test's time limit.
beforeAll(warmDatabase, 180_000);

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('/flood', () => {
  it('reminds a member over the limit once per window; admins are exempt; /flood off stops it', async () => {
    const clock = TestClock.at('2024-03-01T12:00:00Z');
    bot = await startTestApp({ clock });
    const admin = bot.chat('g1', 'ada', 'Ada').as('admin');
    const sam = bot.chat('g1', 'sam', 'Sam');
    expect((await sam.send('/flood'))[0]!.text).toMatch(/no flood limit/);
    expect((await admin.send('/flood 3 10s'))[0]!.text).toBe('Saved: more than 3 messages within 10 seconds gets a reminder.');
    expect((await sam.send('/flood'))[0]!.text).toBe('Flood limit: 3 messages within 10 seconds.');

    const burst = async (who: typeof sam, n: number) => {
      const replies: string[] = [];
      for (let i = 0; i < n; i++) {
        clock.ms += 500;
        replies.push(...(await who.send(`spam ${i}`)).map((r) => r.text));
      }
      return replies;
    };
    expect(await burst(sam, 8)).toEqual(['Sam, please slow down: this group allows 3 messages within 10 seconds.']);
    expect(await burst(admin, 8)).toEqual([]);
    clock.ms += 11_000;
    expect(await burst(sam, 3)).toEqual([]); // within the limit again
    expect(await burst(sam, 1)).toHaveLength(1); // the 4th in 10 s, a new window
    await admin.send('/flood off');
    clock.ms += 11_000;
    expect(await burst(sam, 8)).toEqual([]);
  });

  it('answers bad limits with the usage line and changes nothing', async () => {
    bot = await startTestApp();
    const admin = bot.chat('g1').as('admin');
    for (const text of ['/flood 0 10', '/flood 5', '/flood many 10', '/flood 5 forever']) {
      expect((await admin.send(text))[0]!.text).toBe('Usage: /flood [messages] [seconds] [mute] [duration]');
    }
    expect(await bot.app.services.audit.latest('console:g1')).toHaveLength(0);
    expect((await bot.chat('g1', 'sam').send('/flood 5 10'))[0]!.text).toMatch(/only the group's admins/);
  });
});

describe('/audit', () => {
  it('shows admins the last changes, who made them and when, in the group zone; members are refused', async () => {
    const clock = TestClock.at('2024-03-01T12:00:00Z');
    bot = await startTestApp({ clock });
    const admin = bot.chat('g1', 'ada', 'Ada').as('admin');
    expect((await admin.send('/audit'))[0]!.text).toMatch(/No settings have been changed/);
    await admin.send('/quiet 22:00-07:00');
    await admin.send('/flood 5 10');
    await admin.send('/quiet mode delete');
    const [list] = await admin.send('/audit');
    const lines = list!.text.split('\n');
    expect(lines[0]).toBe('The last 3 changes:');
    expect(lines[1]).toMatch(/· Ada · \/quiet mode: quietMode \(none\) → delete$/);
    expect(lines[2]).toMatch(/· Ada · \/flood: flood \(none\) → 5\/10s$/);
    expect(lines[3]).toMatch(/· Ada · \/quiet: quietHours \(none\) → 22:00-07:00 Europe\/Paris$/);
    expect((await bot.chat('g1', 'sam').send('/audit'))[0]!.text).toMatch(/only the group's admins/);
  });
});

describe('/quiet announce', () => {
  it('announces the start and the end of quiet hours, once each, and stops when switched off', async () => {
    const clock = TestClock.at('2024-01-15T21:00:00+01:00');
    bot = await startTestApp({ clock });
    const admin = bot.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    expect((await admin.send('/quiet announce on'))[0]!.text).toMatch(/I will announce/);
    const announcements = () =>
      bot!.console.delivered.filter((d) => d.message.id.startsWith('quiet-announce:')).map((d) => d.message.text);
    expect(await advanceTo(bot, clock, '2024-01-15T21:59:00+01:00')).toBe(0);
    expect(await advanceTo(bot, clock, '2024-01-15T22:00:00+01:00')).toBe(1);
    await bot.waitFor(() => announcements().length === 1);
    expect(announcements()).toEqual(['Quiet hours start now, until 07:00. Good night!']);
    expect(await advanceTo(bot, clock, '2024-01-16T07:00:00+01:00')).toBe(1);
    await bot.waitFor(() => announcements().length === 2);
    expect(announcements()[1]).toBe('Quiet hours are over. Good morning!');
    // The bot was down at 22:00: half an hour late, "quiet hours start now" is no longer said, but the chain goes on.
    expect(await advanceTo(bot, clock, '2024-01-16T22:30:00+01:00')).toBe(1);
    await bot.settle();
    expect(announcements()).toHaveLength(2);
    await admin.send('/quiet announce off');
    expect(await advanceTo(bot, clock, '2024-01-17T07:00:00+01:00')).toBe(1);
    await bot.settle();
    expect(announcements()).toHaveLength(2);
  });
});
