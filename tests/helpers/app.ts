// The whole bot for a test: real Redis (unique prefix), a PGlite clone, the console adapter as the test adapter, and
// any platform adapters you pass (pointed at your stand-in).
//
//   const bot = await startTestApp({ adapters: [telegramAdapter] });
//   const chat = bot.chat('telegram.lilas');          // a console group, as member 'alex'
//   const replies = await chat.send('/help');          // resolves once the replies are delivered
//   chat.as('admin');                                   // the console platform now says alex is admin there
//   await bot.waitFor(() => standIn.sent.length === 3); // for platform adapters: poll your stand-in
//   await bot.settle();                                 // all queues idle (delayed jobs due within 1 s count)
//   await bot.stop();                                   // in afterEach / finally
//
// Options mirror AppOptions (clock, hold, beforeCommands, afterCommands, commands, defaults...). Pacing is the
// adapters' own: pass scaled-down pacing to your adapter's factory.
import type { Logger } from 'pino';
import { ConsoleAdapter, type ConsoleGroup } from '../../adapters/console/index.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { Envelope } from '../../src/core/envelope.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import type { Role } from '../../src/core/roles.js';
import type { Database } from '../../src/db/client.js';
import { silentLogger } from '../../src/logger.js';
import { pgliteDatabase, testRedis } from './storage.js';

export interface TestAppOptions extends Partial<Omit<AppOptions, 'db' | 'redis' | 'prefix' | 'log'>> {
  /** Another way to the test Redis (a proxy that can fail); the test Redis itself by default. */
  redisUrl?: string;
  db?: Database;
  log?: Logger;
  /** Skip the console adapter (platform-only tests). */
  noConsole?: boolean;
}

export interface Reply {
  text: string;
  message: OutboundMessage;
}

export class TestChat {
  constructor(
    private readonly bot: TestBot,
    readonly group: ConsoleGroup,
    readonly userKey: string,
    readonly userName: string,
  ) {}

  /** Sets this person's role in this group, as the platform would report it. */
  as(role: Role): this {
    this.bot.console.setRole(this.group.key, this.userKey, role);
    return this;
  }

  /** Another person in the same group. */
  user(userKey: string, userName = userKey): TestChat {
    return new TestChat(this.bot, this.group, userKey, userName);
  }

  /** Says `text` here and resolves with the bot's replies to it once they are delivered. */
  async send(text: string): Promise<Reply[]> {
    const envelope = await this.bot.console.say({ group: this.group, userKey: this.userKey, userName: this.userName, text });
    return this.bot.outcomeOf(envelope);
  }

  /** Everything delivered to this group so far. */
  get delivered(): Reply[] {
    return this.bot.console.delivered.filter((d) => d.group === this.group.key).map((d) => ({ text: d.message.text, message: d.message }));
  }
}

export class TestBot {
  private readonly processed = new Set<string>();
  private readonly enqueuedBy = new Map<string, OutboundMessage[]>();
  private readonly finished = new Map<string, string[] | Error>();

  constructor(
    readonly app: App,
    readonly console: ConsoleAdapter,
    readonly db: Database,
    private readonly cleanup: () => Promise<void>,
  ) {
    app.events.on('processed', (id) => this.processed.add(id));
    app.events.on('enqueued', (message) => {
      const source = message.id.split(':reply')[0]!;
      const list = this.enqueuedBy.get(source) ?? [];
      list.push(message);
      this.enqueuedBy.set(source, list);
    });
    app.events.on('delivered', (jobId, ids) => this.finished.set(jobId, ids));
    app.events.on('failed', (jobId, reason) => this.finished.set(jobId, new Error(reason)));
  }

  /** What the bot sent privately to a console person (`console:@<userKey>`): codes go there, never to a group. */
  privateTo(userKey: string): Reply[] {
    return this.console.delivered.filter((d) => d.group === `@${userKey}`).map((d) => ({ text: d.message.text, message: d.message }));
  }

  /** Waits for a private message to `userKey` matching `pattern` (after the first `skip` ones) and returns group 1. */
  async privateMatch(userKey: string, pattern: RegExp, skip = 0): Promise<string> {
    const found = () => this.privateTo(userKey).slice(skip).map((r) => pattern.exec(r.text)?.[1]).find(Boolean);
    await this.waitFor(() => found() !== undefined);
    return found()!;
  }

  chat(groupKey: string, userKey = 'alex', userName = 'Alex'): TestChat {
    const title = groupKey;
    return new TestChat(this, { key: groupKey, title }, userKey, userName);
  }

  /** Waits until `envelope` was processed and each reply it produced was delivered (or failed). */
  async outcomeOf(envelope: Envelope, timeoutMs = 15_000): Promise<Reply[]> {
    await this.waitFor(() => this.processed.has(envelope.id), timeoutMs);
    const messages = this.enqueuedBy.get(envelope.id) ?? [];
    const { deliveryJobId } = await import('../../src/queue/outbox.js');
    await this.waitFor(() => messages.every((m) => this.finished.has(deliveryJobId(m))), timeoutMs);
    return messages.map((message) => ({ text: message.text, message }));
  }

  /** Polls `condition` every 20 ms until it holds, or fails after `timeoutMs`. */
  async waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** All queues idle (delayed jobs due within `horizonMs` count as pending). */
  async settle(horizonMs = 1000, timeoutMs = 15_000): Promise<void> {
    await this.waitFor(() => this.app.idle(horizonMs), timeoutMs);
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.cleanup();
  }
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestBot> {
  const db = options.db ?? (await pgliteDatabase());
  const { redis, prefix, cleanup } = await testRedis(options.redisUrl);
  // A test that breaks the way to Redis expects connection errors; the client reconnects by itself.
  if (options.redisUrl) redis.on('error', () => undefined);
  const consoleAdapter = new ConsoleAdapter();
  const adapters: PlatformAdapter[] = [...(options.noConsole ? [] : [consoleAdapter]), ...(options.adapters ?? [])];
  const app = await createApp({
    defaults: { language: 'en', timezone: 'Europe/Paris' },
    partitions: 4,
    role: 'all',
    deadlineMs: 10_000,
    // Tests play one person typing dozens of commands in a second; the limit's own tests pass their scaled-down one.
    commandRateLimit: { capacity: 1_000_000, refillMs: 1 },
    ...options,
    adapters,
    db,
    redis,
    prefix,
    log: options.log ?? silentLogger,
  });
  await app.start();
  return new TestBot(app, consoleAdapter, db, async () => {
    await cleanup();
    if (!options.db) await db.close();
  });
}
