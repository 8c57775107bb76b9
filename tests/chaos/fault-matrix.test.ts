// The fault matrix: for each feature (commands, quiet hours and their digest, FAQ auto-answer, alerts across a
// community, help requests, bridges), each fault (the database down for a few seconds, a Redis command failing, the
// platform answering 5xx) at each boundary it can hit (the pipeline's dedupe, the Outbox, the delivery). Every case
// runs the feature's scenario on a fresh bot (real Redis, the console platform; PGlite, or PostgreSQL behind a TCP
// proxy for the database fault), with the fault on while the scenario's messages are accepted, and asserts that each
// chat received exactly what it should: nothing accepted lost, nothing posted twice, in order.
// Files across a bridge under a failing source are in tests/bridge/files.test.ts ("waits while the source CDN fails").
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { DeliveryError, type OutboundMessage } from '../../src/core/outbound.js';
import { qualify } from '../../src/core/envelope.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { scratchDatabase } from '../../bench/lib/cluster.js';
import { postgresUrl } from '../helpers/storage.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TcpProxy } from './lib/tcp-proxy.js';

const serverUrl = postgresUrl();
if (!serverUrl) console.warn('tests/chaos/fault-matrix: the database fault needs TEST_DATABASE_URL (CI sets it); its cases are skipped');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- features -------------------------------------------------------------------------------------------------

interface Scenario {
  /** Before the fault: what the scenario needs in place (roles, settings, links). */
  setup(bot: TestBot, key: (name: string) => string): Promise<void>;
  /** Under the fault: what members say, in order. Each line is accepted (durable) before the next is said. */
  act(bot: TestBot, key: (name: string) => string): Promise<void>;
  /** After the fault: anything that releases held traffic. */
  after?(bot: TestBot, key: (name: string) => string): Promise<void>;
  /** What each chat must have received from act() on, in order, each exactly once. */
  expected: Record<string, RegExp[]>;
  /** Chats whose expected messages may come in any order (still each exactly once). */
  anyOrder?: string[];
  /** Notices a chat may also get because of the fault (a bridge telling its source that relays wait). */
  tolerated?: Record<string, RegExp>;
}

async function say(bot: TestBot, group: string, user: string, text: string): Promise<void> {
  await bot.console.say({ group: { key: group, title: group }, userKey: user, userName: user, text });
}

function hhmm(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(date);
}

const FEATURES: Record<string, Scenario> = {
  commands: {
    async setup(bot, key) {
      bot.console.setRole(key('a'), 'ada', 'admin');
    },
    async act(bot, key) {
      await say(bot, key('a'), 'ada', '/setrules Be kind to each other');
      await say(bot, key('a'), 'max', '/rules');
      await say(bot, key('a'), 'max', '/lang');
    },
    expected: { a: [/The rules are saved/, /Be kind to each other/, /English/i] },
  },
  'quiet hours and digest': {
    // Relays into a quiet group wait for its digest, which the end of quiet hours releases.
    async setup(bot, key) {
      bot.console.setRole(key('b'), 'bea', 'admin');
      const at = new Date();
      await bot.app.services.bridge.repo.link(qualify('console', key('a')), `bridge-${key('a')}`, qualify('console', 'ada'), at);
      await bot.app.services.bridge.repo.link(qualify('console', key('b')), `bridge-${key('a')}`, qualify('console', 'ada'), at);
      const now = Date.now();
      const zone = 'Europe/Paris';
      await say(bot, key('b'), 'bea', `/quiet ${hhmm(new Date(now - 3600_000), zone)}-${hhmm(new Date(now + 3600_000), zone)} ${zone}`);
      await bot.settle();
    },
    async act(bot, key) {
      await say(bot, key('a'), 'max', 'message one');
      await say(bot, key('a'), 'max', 'message two');
    },
    async after(bot, key) {
      await bot.waitFor(async () => (await bot.app.services.rules.held.count(qualify('console', key('b')))) === 2, 60_000);
      await say(bot, key('b'), 'bea', '/quiet off');
    },
    // The digest once, both relays in it, in order. The reply to /quiet off and the digest it releases are two
    // outputs of one command: either may come first (a retried reply comes after the digest), and a command re-run
    // after its change was stored answers from the state it finds (no quiet hours any more).
    expected: { b: [/Quiet hours are off|This group has no quiet hours/, /While the group was quiet, 2 messages waited[\s\S]*message one[\s\S]*message two/] },
    anyOrder: ['b'],
    tolerated: { a: /not getting through right now/ },
  },
  'FAQ auto-answer': {
    async setup(bot, key) {
      bot.console.setRole(key('a'), 'ada', 'admin');
      await say(bot, key('a'), 'ada', '/faq add wifi password | It is on the fridge');
      await say(bot, key('a'), 'ada', '/faq add bin collection day | Bins go out on Tuesday evening');
      await say(bot, key('a'), 'ada', '/faq auto on');
      await bot.settle();
    },
    async act(bot, key) {
      await say(bot, key('a'), 'max', 'what is the wifi password?');
      await say(bot, key('a'), 'sam', 'which day is the bin collection?');
    },
    expected: { a: [/It is on the fridge/, /Bins go out on Tuesday evening/] },
  },
  alerts: {
    async setup(bot, key) {
      bot.console.setRole(key('a'), 'ada', 'admin');
      bot.console.setRole(key('b'), 'bea', 'admin');
      await say(bot, key('a'), 'ada', '/community create Quartier');
      await bot.settle();
      // The join code goes to Ada privately (console private chats are `@<person>`), never into the group.
      const created = bot.console.delivered.find((d) => d.group === '@ada' && /community join/.test(d.message.text));
      const code = /\/community join (\S+)/.exec(created!.message.text)![1]!;
      await say(bot, key('b'), 'bea', `/community join ${code}`);
      await bot.settle();
    },
    async act(bot, key) {
      await say(bot, key('a'), 'ada', '/alert Water cut tomorrow 9:00-12:00');
      await say(bot, key('a'), 'ada', '/alert Market moved to the square');
    },
    expected: {
      a: [/Alert #\d+ sent to 1 group/, /Alert #\d+ sent to 1 group/],
      b: [/Water cut tomorrow/, /Market moved to the square/],
    },
  },
  'help requests': {
    async setup() {},
    async act(bot, key) {
      await say(bot, key('a'), 'max', '/need a ladder for Saturday');
      await say(bot, key('a'), 'sam', '/need someone to water plants');
      await say(bot, key('a'), 'sam', '/requests');
    },
    expected: { a: [/Help wanted #\d+[\s\S]*ladder/, /Help wanted #\d+[\s\S]*water plants/, /ladder[\s\S]*water plants/] },
  },
  bridges: {
    async setup(bot, key) {
      const at = new Date();
      await bot.app.services.bridge.repo.link(qualify('console', key('a')), `bridge-${key('a')}`, qualify('console', 'ada'), at);
      await bot.app.services.bridge.repo.link(qualify('console', key('b')), `bridge-${key('a')}`, qualify('console', 'ada'), at);
    },
    async act(bot, key) {
      for (const text of ['one', 'two', 'three', 'four']) await say(bot, key('a'), 'max', `message ${text}`);
    },
    expected: { b: [/message one/, /message two/, /message three/, /message four/] },
    // While the other side fails, the source group is told once that relays wait.
    tolerated: { a: /not getting through right now/ },
  },
};

// ---- faults ---------------------------------------------------------------------------------------------------

interface Fault {
  /** Whether the case can run here (the database fault needs a PostgreSQL server). */
  available: boolean;
  /** A bot for the case (the database fault puts a proxy between the bot and PostgreSQL). */
  start(): Promise<{ bot: TestBot; arm(): Promise<void>; disarm(): Promise<void>; hits(): number; close(): Promise<void> }>;
}

/** Once armed, the first `count` Redis commands that `matches` get an error, as from a failing server. */
function failRedisCommands(redis: Redis, matches: (name: string, args: unknown[]) => boolean, count: number) {
  let armed = false;
  let left = count;
  let hits = 0;
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args: unknown[]; reject(error: Error): void; promise: Promise<unknown> }, stream?: unknown) => {
    if (armed && left > 0 && matches(command.name, command.args)) {
      left -= 1;
      hits += 1;
      const error = new Error('ERR injected by the fault matrix');
      error.name = 'ReplyError';
      command.reject(error);
      return command.promise;
    }
    return original(command as never, stream as never);
  }) as typeof redis.sendCommand;
  return {
    arm: async () => {
      armed = true;
    },
    // The fault lasts for its first `count` matching commands, whenever the scenario reaches that boundary.
    disarm: async () => {},
    hits: () => hits,
  };
}

const keyArgs = (args: unknown[]) => {
  const n = Number(args[1]);
  return args.slice(2, 2 + (Number.isFinite(n) ? n : 0)).map(String);
};
const REDIS_BOUNDARIES: Record<string, (name: string, args: unknown[]) => boolean> = {
  // The one script that claims a job's events before the pipeline runs.
  dedupe: (name, args) => name === 'evalsha' && keyArgs(args).some((k) => k.includes(':seen:')),
  // The Outbox: a message takes its place in its chat's lane (one key).
  outbox: (name, args) => name === 'evalsha' && keyArgs(args).length === 1 && keyArgs(args)[0]!.includes(':lane:'),
  // The delivery: a job claims its turn (lane, spacing, sent marker).
  delivery: (name, args) => name === 'evalsha' && keyArgs(args).length > 5 && keyArgs(args)[0]!.includes(':lane:'),
};

const FAULTS: Record<string, Fault> = {
  'database down for 3 s': {
    available: Boolean(serverUrl),
    async start() {
      const scratch = await scratchDatabase(serverUrl!);
      const server = new URL(serverUrl!);
      const proxy = await TcpProxy.reserve({ host: server.hostname, port: Number(server.port || 5432) });
      await proxy.up();
      const url = new URL(scratch.url);
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      const db: Database = await openPostgres(url.toString(), { migrate: false, max: 4 });
      const bot = await startTestApp({ db, locks: { deliveryMs: 2000, inboundMs: 2000 } });
      let downAt = 0;
      return {
        bot,
        arm: async () => {
          await proxy.down();
          downAt = Date.now();
        },
        disarm: async () => {
          await sleep(Math.max(0, 3000 - (Date.now() - downAt)));
          await proxy.up();
        },
        hits: () => (downAt > 0 ? 1 : 0),
        close: async () => {
          await bot.stop();
          await proxy.down();
          await db.close();
          await scratch.drop();
        },
      };
    },
  },
  ...Object.fromEntries(
    Object.entries(REDIS_BOUNDARIES).map(([boundary, matches]): [string, Fault] => [
      `Redis command failing at the ${boundary}`,
      {
        available: true,
        async start() {
          const bot = await startTestApp();
          const fault = failRedisCommands(bot.app.services.redis, matches, 2);
          return { bot, ...fault, close: () => bot.stop() };
        },
      },
    ]),
  ),
  'platform answering 5xx at the delivery': {
    available: true,
    async start() {
      const bot = await startTestApp();
      const send = bot.console.send.bind(bot.console);
      let armed = false;
      let left = 3;
      let hits = 0;
      bot.console.send = async (message: OutboundMessage) => {
        if (armed && left > 0) {
          left -= 1;
          hits += 1;
          throw new DeliveryError('transient', '502 Bad Gateway');
        }
        return send(message);
      };
      return {
        bot,
        arm: async () => {
          armed = true;
        },
        // The fault lasts for the scenario's first three sends, whenever they happen (a digest's come late).
        disarm: async () => {},
        hits: () => hits,
        close: () => bot.stop(),
      };
    },
  },
};

// ---- the matrix -----------------------------------------------------------------------------------------------

const CASES = Object.entries(FAULTS).flatMap(([fault, f]) => Object.keys(FEATURES).map((feature) => ({ fault, feature, available: f.available })));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('fault matrix: nothing accepted is lost, nothing posted twice, per-chat order kept', () => {
  it.each(CASES)('$feature × $fault', async ({ fault, feature, available }) => {
    if (!available) return;
    const scenario = FEATURES[feature]!;
    const env = await FAULTS[fault]!.start();
    close = env.close;
    const { bot } = env;
    const run = Math.random().toString(36).slice(2, 8);
    const key = (name: string) => `m${run}.${name}`;
    await scenario.setup(bot, key);
    const from = bot.console.delivered.length;

    await env.arm();
    // Lines are accepted while the fault is on; what matters is that each accepted line is fully handled later.
    await scenario.act(bot, key);
    await env.disarm();
    await scenario.after?.(bot, key);

    const received = (chat: string) => bot.console.delivered.slice(from).filter((d) => d.group === key(chat)).map((d) => d.message.text);
    const complete = () => Object.entries(scenario.expected).every(([chat, patterns]) => received(chat).length >= patterns.length);
    await bot.waitFor(complete, 90_000);
    await bot.settle(1000, 60_000);
    await sleep(500); // a late duplicate would land now
    expect(env.hits()).toBeGreaterThan(0);
    for (const [chat, patterns] of Object.entries(scenario.expected)) {
      const texts = received(chat);
      expect(texts, `${chat}: ${JSON.stringify(texts)}`).toHaveLength(patterns.length);
      if (scenario.anyOrder?.includes(chat)) {
        for (const pattern of patterns) expect(texts.filter((t) => pattern.test(t)), `${chat}: ${pattern} in ${JSON.stringify(texts)}`).toHaveLength(1);
      } else {
        patterns.forEach((pattern, i) => expect(texts[i], `${chat} #${i}`).toMatch(pattern));
      }
    }
    // Chats outside the scenario got nothing from it.
    const others = bot.console.delivered
      .slice(from)
      .filter((d) => !Object.keys(scenario.expected).some((chat) => d.group === key(chat)))
      .filter((d) => !Object.entries(scenario.tolerated ?? {}).some(([chat, pattern]) => d.group === key(chat) && pattern.test(d.message.text)));
    expect(others.map((d) => `${d.group}: ${d.message.text}`)).toEqual([]);
  }, 150_000);
});
