// Welcome and verification on the console platform (whole bot, real Redis and PGlite, an injected clock): the greeting
// once per burst, in the newcomer's language, with rules, FAQ topics and the help pointer; /welcome and /verify; the
// verification button, the window and removal; and the attacks on them.
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeConsoleLine } from '../../adapters/console/normalize.js';
import type { Envelope } from '../../src/core/envelope.js';
import { VERIFY_BUTTON } from '../../src/features/welcome/service.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

const BURST_MS = 2_000;
const WINDOW_MS = 5 * 60_000;
const DELETE_MS = 15 * 60_000;

let bot: TestBot | undefined;
// Real time at the start (the console keeps restrictions by the wall clock), then moved on by hand.
let now = Date.now();
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function start(): Promise<TestBot> {
  now = Date.now();
  bot = await startTestApp({ clock: { now: () => now }, welcome: { sweepIntervalMs: 0, burstMs: BURST_MS, verifyWindowMs: WINDOW_MS, deleteAfterMs: DELETE_MS } });
  return bot;
}

// The test chats' title is their key, as bot.chat() names them.
const group = (key = 'g1') => ({ key, title: key });

async function join(b: TestBot, userKey: string, userName: string, extra: { language?: string; isBot?: boolean; group?: string } = {}): Promise<Envelope> {
  const envelope = await b.console.join({ group: group(extra.group), userKey, userName, language: extra.language, isBot: extra.isBot });
  await b.waitFor(() => b.app.idle(0));
  await b.outcomeOf(envelope);
  return envelope;
}

/** Moves the injected clock on and runs the welcome sweep, then waits for what it queued to be delivered. */
async function later(b: TestBot, ms: number): Promise<void> {
  now += ms;
  await b.app.services.welcome.sweep();
  await b.settle();
}

const greetings = (b: TestBot, key = 'g1') => b.console.delivered.filter((d) => d.group === key && d.message.id.startsWith('welcome:console:'));

describe('welcome', () => {
  it('greets a newcomer once, in their own language, with the rules, the FAQ topics and how to ask for help', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/setrules Be kind. No ads.');
    await b.chat('g1', 'mo').as('moderator').send('/faq add When are the bins collected? | Tuesday morning.');
    await join(b, 'nadia', 'Nadia', { language: 'fr-FR' });
    expect(greetings(b)).toHaveLength(0); // the burst is still open
    await later(b, BURST_MS);
    const [greeting, ...more] = greetings(b);
    expect(more).toHaveLength(0);
    expect(greeting!.message.text).toMatch(/^Bienvenue dans g1, Nadia/);
    expect(greeting!.message.text).toContain('Be kind. No ads.');
    expect(greeting!.message.text).toContain('When are the bins collected?');
    expect(greeting!.message.text).toContain('/need');
    expect(greeting!.message.buttons).toBeUndefined();
    // The same join reported again (Telegram sends two updates for one join) is not greeted twice.
    await join(b, 'nadia', 'Nadia', { language: 'fr-FR' });
    await later(b, BURST_MS);
    expect(greetings(b)).toHaveLength(1);
  });

  it('uses the admins’ text with {name} and {group}, its translation for a newcomer in that language, and /welcome off', async () => {
    const b = await start();
    const admin = b.chat('g1').as('admin');
    await admin.send('/welcome Hello {name}, this is {group}! Say hi.');
    await admin.send('/welcome translate es Hola {name}, esto es {group}.');
    const [shown] = await b.chat('g1', 'max').send('/welcome');
    expect(shown!.text).toContain('Hello Nadia, this is g1! Say hi.');
    await join(b, 'omar', 'Omar', { language: 'de' });
    await later(b, BURST_MS);
    await join(b, 'lucia', 'Lucía', { language: 'es' });
    await later(b, BURST_MS);
    // Someone whose language has no translation of the admins' text reads the group's language.
    await join(b, 'marie', 'Marie', { language: 'fr' });
    await later(b, BURST_MS);
    expect(greetings(b).map((g) => g.message.text.split('\n')[0])).toEqual([
      'Hello Omar, this is g1! Say hi.',
      'Hola Lucía, esto es g1.',
      'Hello Marie, this is g1! Say hi.',
    ]);
    await admin.send('/welcome off');
    await join(b, 'zoe', 'Zoé');
    await later(b, BURST_MS);
    expect(greetings(b)).toHaveLength(3);
    const [off] = await b.chat('g1', 'max').send('/welcome');
    expect(off!.text).toMatch(/not greeted/);
  });

  it('greets 50 people joining together with one message naming them, and deletes it after a while', async () => {
    const b = await start();
    for (let i = 0; i < 50; i++) await b.console.join({ group: group(), userKey: `n${i}`, userName: `Person${i}` });
    await b.waitFor(async () => (await b.app.services.welcome.store.burst('console:g1')).length === 50);
    await later(b, BURST_MS);
    const all = greetings(b);
    expect(all).toHaveLength(1);
    const text = all[0]!.message.text;
    for (let i = 0; i < 20; i++) expect(text).toContain(`Person${i}`);
    expect(text).toContain('30 other people');
    expect(all[0]!.message.people).toHaveLength(50);
    await later(b, DELETE_MS);
    const deletion = b.console.delivered.find((d) => d.message.action === 'delete' && d.group === 'g1');
    expect(deletion?.message.editOf).toEqual(all[0]!.messageIds);
  });

  it('does not greet or verify a bot that joins', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'spambot', 'Spam Bot', { isBot: true });
    await later(b, BURST_MS);
    expect(greetings(b)).toHaveLength(0);
    expect(b.console.delivered.filter((d) => d.message.action === 'restrict')).toHaveLength(0);
  });
});

describe('verification', () => {
  it('restricts a newcomer until they press the button; someone else cannot press it for them', async () => {
    const b = await start();
    const [on] = await b.chat('g1').as('admin').send('/verify on');
    expect(on!.text).toMatch(/5 minutes/);
    await join(b, 'nadia', 'Nadia', { language: 'uk' });
    expect(b.console.isRestricted('g1', 'nadia', now)).toBe(true);
    await expect(b.chat('g1', 'nadia', 'Nadia').send('buy cheap watches')).rejects.toThrow(/may not post/);
    await later(b, BURST_MS);
    const [greeting] = greetings(b);
    expect(greeting!.message.buttons).toEqual([{ label: 'Я сусід, а не робот', data: VERIFY_BUTTON }]);
    expect(greeting!.message.urgent).toBe(true);

    // Another member presses the newcomer's button: nothing is lifted.
    const other = await b.console.press({ group: group(), userKey: 'max', userName: 'Max', data: VERIFY_BUTTON });
    const [refusal] = await b.outcomeOf(other);
    expect(refusal!.text).toMatch(/not answered yet/);
    // Pressing again and again does not make the bot post again and again.
    for (let i = 0; i < 5; i++) expect(await b.outcomeOf(await b.console.press({ group: group(), userKey: 'max', userName: 'Max', data: VERIFY_BUTTON }))).toEqual([]);
    expect(b.console.isRestricted('g1', 'nadia', now)).toBe(true);

    const press = await b.console.press({ group: group(), userKey: 'nadia', userName: 'Nadia', data: VERIFY_BUTTON });
    const [thanks] = await b.outcomeOf(press);
    expect(thanks!.text).toMatch(/Nadia/);
    await b.settle();
    expect(b.console.isRestricted('g1', 'nadia', now)).toBe(false);
    await b.chat('g1', 'nadia', 'Nadia').send('hello neighbours');
    // The window ending later removes nobody.
    await later(b, WINDOW_MS + BURST_MS);
    expect(b.console.removed).toEqual([]);
  });

  it('removes a newcomer who stays silent when the window ends (injected clock)', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'silent', 'Silent');
    await later(b, BURST_MS);
    await later(b, WINDOW_MS - 1_000);
    expect(b.console.removed).toEqual([]);
    await later(b, 1_000);
    expect(b.console.removed).toEqual([{ chatId: 'console:g1', userId: 'console:silent' }]);

  });

  it("tells the group's log chat of each verification and each removal", async () => {
    const b = await start();
    b.console.setRole('g1', 'ada', 'admin');
    b.console.setRole('mods', 'ada', 'admin');
    await b.chat('g1', 'ada', 'Ada').send('/log link');
    const code = await b.privateMatch('ada', /\/log ([A-Z0-9-]+)/);
    await b.chat('mods', 'ada', 'Ada').send(`/log ${code}`);
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'nadia', 'Nadia');
    await join(b, 'silent', 'Silent');
    await later(b, BURST_MS);
    await b.outcomeOf(await b.console.press({ group: group(), userKey: 'nadia', userName: 'Nadia', data: VERIFY_BUTTON }));
    await later(b, WINDOW_MS);
    expect(b.console.removed).toEqual([{ chatId: 'console:g1', userId: 'console:silent' }]);
    const log = b.console.delivered.filter((d) => d.group === 'mods').map((d) => d.message.text);
    expect(log).toContain(`[g1] ${translate('en', 'moderation.event.verified', { member: 'Nadia' })}`);
    expect(log).toContain(`[g1] ${translate('en', 'moderation.event.removed', { member: 'Silent', reason: '/verify' })}`);
    expect(log.filter((l) => l.includes('Nadia'))).toHaveLength(1);
  });

  it('a greeting delivered late still leaves the whole window, and the newcomers are mentioned in it', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'late', 'Late Comer');
    now += BURST_MS + 4 * 60_000; // the sweep ran late, as if the greeting had waited for its turn
    await b.app.services.welcome.sweep();
    await b.settle();
    const [greeting] = greetings(b);
    const text = greeting!.message.text;
    expect(greeting!.message.mentions).toEqual([{ userId: 'console:late', offset: text.indexOf('Late Comer'), length: 'Late Comer'.length }]);
    await later(b, WINDOW_MS - 1_000);
    expect(b.console.removed).toEqual([]);
    await later(b, 1_000);
    expect(b.console.removed).toEqual([{ chatId: 'console:g1', userId: 'console:late' }]);
  });

  it('/verify off lets everyone waiting in', async () => {
    const b = await start();
    const admin = b.chat('g1').as('admin');
    await admin.send('/verify on');
    await join(b, 'nadia', 'Nadia');
    await admin.send('/verify off');
    await b.settle();
    expect(b.console.isRestricted('g1', 'nadia', now)).toBe(false);
    await later(b, WINDOW_MS + BURST_MS);
    expect(b.console.removed).toEqual([]);
  });

  it('/forgetme removes pending verification data: nothing about them is left to act on', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'nadia', 'Nadia');
    const store = b.app.services.welcome.store;
    expect(await store.pending('console:g1', 'console:nadia')).toBeDefined();
    await b.app.services.people.forget('console:nadia', { name: 'Nadia' });
    expect(await store.pending('console:g1', 'console:nadia')).toBeUndefined();
    expect(await store.dueVerifications(now + 10 * WINDOW_MS)).toEqual([]);
    expect(await store.burst('console:g1')).toEqual([]);
    const keys = await b.app.services.redis.keys(`${b.app.services.prefix}:welcome:*`);
    for (const key of keys) expect(JSON.stringify(await dump(b, key))).not.toContain('console:nadia');
    await later(b, WINDOW_MS + BURST_MS);
    expect(b.console.removed).toEqual([]);
    // Nothing will lift the restriction now: it ends by itself (at most two windows and a minute after the join), so
    // nobody stays muted for good.
    expect(b.console.isRestricted('g1', 'nadia', now)).toBe(true);
    expect(b.console.isRestricted('g1', 'nadia', now + WINDOW_MS + 61_000)).toBe(false);
  });
});

describe('attacks', () => {
  it('a member cannot /welcome set, /welcome off, /welcome translate or /verify', async () => {
    const b = await start();
    const member = b.chat('g1', 'max');
    for (const command of ['/welcome Buy watches at spam.example', '/welcome off', '/welcome translate fr Achetez', '/verify on']) {
      const [reply] = await member.send(command);
      expect(reply!.text).toMatch(/admin/i);
    }
    expect((await b.app.services.groups.find('console:g1'))?.settings).toEqual({});
  });

  it('a private chat cannot /welcome set or /verify', async () => {
    const b = await start();
    for (const text of ['/welcome Hello', '/verify on']) {
      const line = normalizeConsoleLine({ seq: Math.floor(Math.random() * 1e9), run: 'private', groupKey: '@alex', groupTitle: 'Alex', userKey: 'alex', userName: 'Alex', text, at: now });
      const envelope: Envelope = { ...line, chat: { id: 'console:@alex', type: 'private' } };
      await b.app.sink(envelope);
      const [reply] = await b.outcomeOf(envelope);
      expect(reply!.text).toMatch(/group/i);
    }
    expect(await b.app.services.groups.find('console:@alex')).toSatisfy((g: { settings: object } | undefined) => !g || Object.keys(g.settings).length === 0);
  });

  it('an unverified newcomer’s messages never reach the group, even where the platform let one through', async () => {
    const b = await start();
    await b.chat('g1').as('admin').send('/verify on');
    await join(b, 'nadia', 'Nadia');
    // The platform restriction failed (a bot without the right): lift it on the console to let a message through.
    await b.console.send({ id: 'x', target: 'console:g1', action: 'unrestrict', text: '', member: { userId: 'console:nadia' } });
    await b.chat('g1', 'nadia', 'Nadia').send('/rules');
    await b.settle();
    const deletion = b.console.delivered.find((d) => d.message.action === 'delete');
    expect(deletion).toBeDefined();
    expect(b.console.delivered.filter((d) => d.message.text.includes('rules'))).toHaveLength(0);
  });
});

async function dump(b: TestBot, key: string): Promise<unknown> {
  const redis = b.app.services.redis;
  switch (await redis.type(key)) {
    case 'string':
      return redis.get(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'hash':
      return redis.hgetall(key);
    case 'zset':
      return redis.zrange(key, '0', '-1');
    default:
      return null;
  }
}

describe('several processes sweeping', () => {
  it('a burst another process is greeting is left to it (joins arriving meanwhile are not trimmed away twice)', async () => {
    const b = await start();
    for (let i = 0; i < 3; i++) await b.console.join({ group: group(), userKey: `n${i}`, userName: `Person${i}` });
    await b.waitFor(async () => (await b.app.services.welcome.store.burst('console:g1')).length === 3);
    now += BURST_MS;
    const welcome = b.app.services.welcome;
    const [due] = await welcome.store.dueBursts(now);
    // Another process claimed the burst a moment ago and is greeting it: this sweep leaves it alone.
    expect(await welcome.store.claimBurst(due!, 60_000)).toBe(true);
    await welcome.sweep();
    await b.settle();
    expect(greetings(b)).toHaveLength(0);
    expect(await welcome.store.burst('console:g1')).toHaveLength(3);
    // That process greets it, once.
    await welcome.flush(due!.chatId, due!.flushAt);
    await b.settle();
    expect(greetings(b)).toHaveLength(1);
    expect(await welcome.store.burst('console:g1')).toEqual([]);
  });
});
