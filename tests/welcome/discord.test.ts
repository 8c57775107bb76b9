// Welcome and verification on the Discord stand-in, through the whole bot: a join (GUILD_MEMBER_ADD with the Guild
// Members intent, and Discord's own join message) is greeted once in the system channel; with /verify on the
// newcomer's messages are deleted until they press the button (a timeout would keep them from pressing it), and a
// silent one is kicked when the window ends.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { VERIFY_BUTTON } from '../../src/features/welcome/service.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { INTENTS } from '../discord/standin/gateway.js';
import { P } from '../discord/standin/state.js';

const BURST_MS = 2_000;
const WINDOW_MS = 5 * 60_000;
let standIn: DiscordStandIn | undefined;
let bot: TestBot | undefined;
let now = Date.now();

afterEach(async () => {
  await bot?.stop();
  await standIn?.stop();
  bot = undefined;
  standIn = undefined;
});

async function start(memberEvents: boolean) {
  now = Date.now();
  const s = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 }, privilegedIntents: INTENTS.MessageContent | INTENTS.GuildMembers }).start();
  standIn = s;
  s.grantBot(P.MODERATE_MEMBERS | P.KICK_MEMBERS | P.MANAGE_MESSAGES);
  const adapter = createDiscordAdapter({ token: s.token, apiUrl: s.apiUrl, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, memberEvents });
  const b = await startTestApp({ adapters: [adapter], noConsole: true, clock: { now: () => now }, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS, verifyWindowMs: WINDOW_MS } });
  bot = b;
  return { s, b };
}

async function later(b: TestBot, ms: number): Promise<void> {
  now += ms;
  await b.app.services.welcome.sweep();
  await b.settle();
}

const greetings = (s: DiscordStandIn) => s.botMessages().filter((m) => !m.deleted && /Welcome to/.test(m.content));

describe('welcome on Discord', { timeout: 90_000 }, () => {
  it('greets a join once (member event and join message), deletes the newcomer’s messages until they press, kicks the silent', async () => {
    const { s, b } = await start(true);
    s.userMessage(s.world.general, s.world.users.admin, '!verify on');
    await b.waitFor(() => s.botMessages().length === 1);

    const nadia = s.memberJoins('nadia');
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`discord:${s.world.general}`)).length === 1);
    await b.settle();
    await later(b, BURST_MS);
    await b.waitFor(() => greetings(s).length === 1);
    const greeting = greetings(s)[0]!;
    // Named once, as a real mention (a ping), so she sees what to do.
    expect(greeting.content.split(`<@${nadia.id}>`)).toHaveLength(2);
    expect(JSON.stringify(greeting.components)).toContain(VERIFY_BUTTON);
    expect(s.world.timedOut(nadia.id)).toBe(false);
    const spam = s.userMessage(s.world.general, nadia, 'cheap watches');
    await b.waitFor(() => s.world.messages.get(spam.id)?.deleted === true);

    s.pressButton(greeting.id, s.world.users.member, VERIFY_BUTTON);
    await b.settle();
    expect(await b.app.services.welcome.store.pending(`discord:${s.world.general}`, `discord:${nadia.id}`)).toBeDefined();
    s.pressButton(greeting.id, nadia, VERIFY_BUTTON);
    await b.waitFor(async () => (await b.app.services.welcome.store.pending(`discord:${s.world.general}`, `discord:${nadia.id}`)) === undefined);
    const hello = s.userMessage(s.world.general, nadia, 'hello neighbours');
    await b.settle();
    expect(s.world.messages.get(hello.id)?.deleted).toBe(false);

    const sam = s.memberJoins('sam');
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`discord:${s.world.general}`)).length === 1);
    await later(b, BURST_MS);
    await later(b, WINDOW_MS);
    await b.waitFor(() => !s.world.members.has(sam.id));
    expect(s.world.members.has(nadia.id)).toBe(true);
    expect(greetings(s)).toHaveLength(2);
  });

  it('without the Guild Members intent, Discord’s join message alone brings the greeting; a bot joining gets none', async () => {
    const { s, b } = await start(false);
    const omar = s.memberJoins('omar');
    s.memberJoins('helper', { bot: true });
    await b.waitFor(async () => (await b.app.services.welcome.store.burst(`discord:${s.world.general}`)).length === 1);
    await b.settle();
    await later(b, BURST_MS);
    await b.waitFor(() => greetings(s).length === 1);
    expect(greetings(s)[0]!.content).toContain(`<@${omar.id}>`);
    expect(greetings(s)[0]!.content).not.toMatch(/helper/i);
  });
});
