// During quiet hours a plain greeting waits for the morning digest (it goes in it, once); on Discord it goes to each
// newcomer privately at once instead. A verification prompt is never held: the newcomer has minutes to answer.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { advanceTo, TestClock } from '../quiet-and-flood/support.js';
import { DiscordStandIn } from '../discord/standin/server.js';

const BURST_MS = 2_000;
let bot: TestBot | undefined;
let standIn: DiscordStandIn | undefined;
afterEach(async () => {
  await bot?.stop();
  await standIn?.stop();
  bot = undefined;
  standIn = undefined;
});

async function sweepAfter(b: TestBot, clock: TestClock, ms: number): Promise<void> {
  clock.ms += ms;
  await b.app.services.welcome.sweep();
  await b.settle();
}

describe('welcome during quiet hours', { timeout: 90_000 }, () => {
  it('holds the greeting for the morning digest', async () => {
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const b = await startTestApp({ clock, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS } });
    bot = b;
    await b.chat('g1', 'ada').as('admin').send('/quiet 22:00-07:00');
    const join = await b.console.join({ group: { key: 'g1', title: 'g1' }, userKey: 'nadia', userName: 'Nadia' });
    await b.outcomeOf(join);
    await sweepAfter(b, clock, BURST_MS);
    const sent = () => b.console.delivered.filter((d) => d.group === 'g1' && /Welcome to g1, Nadia/.test(d.message.text));
    expect(sent()).toEqual([]);
    expect(await b.app.services.rules.held.count('console:g1')).toBe(1);
    expect(await advanceTo(b, clock, '2024-01-16T07:00:00+01:00')).toBe(1);
    await b.waitFor(() => sent().length === 1);
    expect(sent()[0]!.message.text).toMatch(/^While the group was quiet/);
  });

  it('a verification prompt is not held', async () => {
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const b = await startTestApp({ clock, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS } });
    bot = b;
    const admin = b.chat('g1', 'ada').as('admin');
    await admin.send('/quiet 22:00-07:00');
    await admin.send('/verify on');
    const join = await b.console.join({ group: { key: 'g1', title: 'g1' }, userKey: 'nadia', userName: 'Nadia' });
    await b.outcomeOf(join);
    await sweepAfter(b, clock, BURST_MS);
    await b.waitFor(() => b.console.delivered.some((d) => d.message.buttons?.length === 1));
    expect(await b.app.services.rules.held.count('console:g1')).toBe(0);
  });

  it('on Discord, greets privately at once', async () => {
    const s = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
    standIn = s;
    // Quiet hours are read in the group's zone; now is 23:30 there.
    const clock = TestClock.at('2024-01-15T23:30:00+01:00');
    const adapter = createDiscordAdapter({ token: s.token, apiUrl: s.apiUrl, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    const b = await startTestApp({ adapters: [adapter], noConsole: true, clock, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS } });
    bot = b;
    s.userMessage(s.world.general, s.world.users.admin, '!quiet 22:00-07:00');
    await b.waitFor(() => s.botMessages().length === 1);
    const nadia = s.memberJoins('nadia');
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`discord:${s.world.general}`)).length === 1);
    await b.settle();
    await sweepAfter(b, clock, BURST_MS);
    await b.waitFor(() => s.dmsTo(nadia.id).length === 1);
    expect(s.dmsTo(nadia.id)[0]!.content).toMatch(/Welcome to/);
    expect(s.messagesIn(s.world.general).filter((m) => /Welcome to/.test(m.content))).toEqual([]);
  });
});
