// Three real adapters against their stand-ins (WhatsApp client, Discord REST + gateway, Telegram Bot API), one bot
// on real Redis and PGlite, and helpers to link the three chats with /bridge codes.
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import type { TestAppOptions } from '../helpers/app.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import type { Clock } from '../../src/core/context.js';
import type { Database } from '../../src/db/client.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import type { WhatsAppClient } from '../../adapters/whatsapp/client.js';
import { DRIVERS, type Driver, type StandinWorld } from '../whatsapp/drivers.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';

export { ADMIN, GROUP, MEMBER };
export const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
export const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
export const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const logger = pino({ level: 'silent' });

export class World {
  bot!: TestBot;
  readonly clock = { offset: 0, now: () => Date.now() + this.clock.offset } as Clock & { offset: number };
  /** Extra Discord adapter options (a lower upload limit, say), applied at the next start(). */
  discordOptions: { uploadLimit?: number } = {};
  private loggedIn = false;

  private constructor(
    /** The WhatsApp world, on the stand-in of the chosen driver's library. */
    readonly wa: StandinWorld,
    private readonly waClient: WhatsAppClient,
    readonly driver: Driver['name'],
    readonly discord: DiscordStandIn,
    readonly telegram: TelegramStandin,
  ) {}

  static async create(options: TestAppOptions = {}, discordOptions: World['discordOptions'] = {}, driver: Driver = DRIVERS[0]!): Promise<World> {
    const { world: wa, client } = driver.create(BOT);
    wa.addGroup(GROUP, 'Lilas WhatsApp', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    // The admin has written to the bot before: a private message (where codes go) reaches them.
    wa.addContact(ADMIN);
    const discord = await new DiscordStandIn({ perChannel: { limit: 1000, windowMs: 1000 }, global: { limit: 1000, windowMs: 1000 } }).start();
    const telegram = await TelegramStandin.start({ groupLimit: 1000, globalLimit: 1000 });
    telegram.addChat(LILAS);
    telegram.setMember(LILAS.id, ALICE, 'administrator', { can_delete_messages: true });
    telegram.setMember(LILAS.id, BOB, 'member');
    const world = new World(wa, client, driver.name, discord, telegram);
    world.discordOptions = discordOptions;
    await world.start(options);
    return world;
  }

  /** Starts (or, after stop(), restarts) the bot with fresh adapters on the same stand-ins. */
  async start(options: TestAppOptions = {}): Promise<void> {
    // Pacing scaled down but kept above zero, so each chat's jobs get distinct slots in enqueue order.
    const pacing = { perChatIntervalMs: 5, globalIntervalMs: 0, jitterMs: 0 };
    const whatsapp = createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: this.waClient, terminal: null, pacing });
    const discord = createDiscordAdapter({ token: this.discord.token, apiUrl: this.discord.apiUrl, cdnUrl: this.discord.cdnUrl, logger, pacing: { perChatIntervalMs: 5, globalIntervalMs: 1 }, ...this.discordOptions });
    const telegram = createTelegramAdapter({ token: this.telegram.token, apiRoot: this.telegram.apiRoot, logger, pacing, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    this.bot = await startTestApp({ adapters: [whatsapp, discord, telegram], noConsole: true, clock: this.clock, ...options });
    // Logged in once: a restart finds the saved login, as a real session does.
    if (!this.loggedIn) {
      await this.bot.waitFor(() => this.wa.qrCount > 0);
      this.wa.scanQr();
      this.loggedIn = true;
    }
    await this.bot.waitFor(async () => (await this.bot.app.health()).checks.whatsapp?.ok === true);
  }

  get db(): Database {
    return this.bot.db;
  }

  async stopBot(): Promise<void> {
    await this.bot.stop();
  }

  async close(): Promise<void> {
    await this.bot.stop().catch(() => undefined);
    await this.discord.stop();
    await this.telegram.close();
  }

  get general(): string {
    return this.discord.world.general;
  }

  /** Messages visible in #general that the bot or its webhook posted. */
  discordCopies() {
    return this.discord.messagesIn(this.general).filter((m) => (m.author as { id: string }).id === this.discord.world.bot.id || m.webhook_id);
  }

  /** What the bot sent to the Telegram group (sendMessage calls), in order. */
  telegramCopies() {
    return this.telegram.sent.filter((s) => s.chatId === LILAS.id);
  }

  /** Asks for a code in WhatsApp and returns it as the bot sent it: privately, to the admin who asked. */
  async codeFromWhatsApp(): Promise<string> {
    const before = this.wa.sent.length;
    this.wa.receiveGroupMessage(GROUP, ADMIN, '/bridge link');
    const code = () =>
      this.wa.sent
        .slice(before)
        .filter((s) => s.chatId === ADMIN)
        .map((s) => /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(s.body)?.[1])
        .find(Boolean);
    await this.bot.waitFor(() => code() !== undefined);
    return code()!;
  }

  /** WhatsApp ↔ Discord ↔ Telegram, each link made with its own code, moderators on both sides. */
  async linkAll(): Promise<void> {
    const first = await this.codeFromWhatsApp();
    this.discord.userMessage(this.general, this.discord.world.users.moderator, `!bridge ${first}`);
    await this.bot.waitFor(() => this.discordCopies().some((m) => /Linked with/.test(m.content)));
    const second = await this.codeFromWhatsApp();
    await this.telegram.userMessage({ chat: LILAS, from: ALICE, text: `/bridge ${second}` });
    await this.bot.waitFor(() => this.telegramCopies().some((m) => /Linked with/.test(m.text)));
    await this.bot.settle();
  }
}
