// The Discord adapter: discord.js v14 gateway (intents Guilds, GuildMessages, MessageContent; the privileged
// GuildMembers only when asked for, to greet joins; members are fetched over REST when a role check needs them) for
// inbound events, REST for sending.
// discord.js handles heartbeats, reconnects and resumes; it is told never to sleep on a rate limit nor retry, so
// the delivery layer stays in charge of pacing and retries.
import { Client, Events, GatewayIntentBits, REST, Routes, Status, type RESTOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { AdapterHooks, CommandMenuEntry, InboundSink, PacingPolicy, PlatformAdapter } from '../../src/core/adapter.js';
import { qualify, type Attachment, type Envelope } from '../../src/core/envelope.js';
import type { DeliveryResult, OutboundMessage, Upload } from '../../src/core/outbound.js';
import { shapesFromRegistered, toApplicationCommands, type ApplicationCommandBody, type CommandShapes } from './commands.js';
import { CODES, isDiscordCode } from './errors.js';
import { DEFAULT_CDN_URL, REQUEST_BUDGET, UPLOAD_LIMIT, downloadFile } from './files.js';
import { normalize } from './normalize.js';
import type { DiscordRawEvent } from './raw.js';
import { DiscordRoles } from './roles.js';
import { DiscordSender } from './send.js';

export const DEFAULT_API_URL = 'https://discord.com/api';

/**
 * 5 messages per 5 s per channel → one a second; 50 requests/s for the bot → one per 25 ms leaves a fifth of the budget
 * for the second request an identity post costs the first time (webhook lookup) and for interaction follow-ups, once
 * the catch-up after a late send (50 ms: two sends more in a second at most) has taken its share.
 */
export const DISCORD_PACING: PacingPolicy = { perChatIntervalMs: 1000, globalIntervalMs: 25, catchUpMs: 50 };

export interface DiscordAdapterOptions {
  token: string;
  /** DISCORD_API_URL: a REST proxy or a test stand-in; /gateway/bot is asked there too. */
  apiUrl?: string;
  logger: Logger;
  /**
   * Requests a second discord.js lets through before it refuses one as rate-limited (Discord's global limit: 50).
   * Benchmarks that exclude pacing lift it; it counts webhook posts too, which Discord itself may not.
   */
  restRequestsPerSecond?: number;
  pacing?: Partial<PacingPolicy>;
  /** Largest file we upload, in bytes (default 10 MiB, Discord's limit in a server without boosts; see files.ts). */
  uploadLimit?: number;
  /** The bytes of one message's files together (default 24 MiB, under Discord's request cap). */
  uploadRequestBudget?: number;
  /**
   * Where stickers are fetched, and one more place (besides Discord's CDN hosts) attachments may be fetched from:
   * a test stand-in. Default https://media.discordapp.net.
   */
  cdnUrl?: string;
  /**
   * DISCORD_MEMBER_EVENTS: ask for the privileged Guild Members intent (enable "Server Members Intent" in the developer
   * portal first, or Discord refuses the connection) and greet joins from GUILD_MEMBER_ADD. Without it, joins come
   * from Discord's own join messages in the system channel, when the server posts them.
   */
  memberEvents?: boolean;
}

const CALLBACK_DEFERRED_MESSAGE = 5;
const CALLBACK_DEFERRED_UPDATE = 6;
const THREAD_TYPES = new Set([10, 11, 12]);

export function createDiscordAdapter(options: DiscordAdapterOptions): PlatformAdapter & { readonly applicationId: () => Promise<string> } {
  return new DiscordAdapter(options);
}

class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'discord' as const;
  readonly pacing: PacingPolicy;
  readonly roles: DiscordRoles;
  /** Guilds the bot is in as of the last READY, and those added since. */
  private readonly knownGuilds = new Set<string>();
  private readonly logger: Logger;
  private readonly restOptions: Partial<RESTOptions>;
  private readonly rest: REST;
  private readonly sender: DiscordSender;
  private readonly ownWebhookIds = new Set<string>();
  private client: Client | undefined;
  private appId: Promise<string> | undefined;
  private shapes: CommandShapes | undefined;
  /** Per-chat hand-off chains: events of one chat reach the sink in gateway order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly options: DiscordAdapterOptions) {
    this.logger = options.logger.child({ platform: 'discord' });
    this.pacing = { ...DISCORD_PACING, ...options.pacing };
    this.restOptions = {
      api: options.apiUrl ?? DEFAULT_API_URL,
      // A 429 (or a bucket discord.js knows is empty) must reach us as an error, never as a sleep.
      rejectOnRateLimit: () => true,
      retries: 0,
      offset: 0,
      globalRequestsPerSecond: options.restRequestsPerSecond ?? 50,
    };
    this.rest = new REST(this.restOptions).setToken(options.token);
    this.roles = new DiscordRoles(this.rest, () => this.client);
    this.sender = new DiscordSender({
      rest: this.rest,
      applicationId: () => this.applicationId(),
      ownWebhookIds: this.ownWebhookIds,
      logger: this.logger,
      requestBudget: options.uploadRequestBudget ?? REQUEST_BUDGET,
      guildOf: (channelId) => this.roles.guildOf(channelId),
    });
  }

  /** From the gateway's READY when connected; otherwise asked once over REST (a worker that only sends). */
  applicationId(): Promise<string> {
    const fromGateway = this.client?.application?.id;
    if (fromGateway) return Promise.resolve(fromGateway);
    if (!this.appId) {
      this.appId = (this.rest.get(Routes.currentApplication()) as Promise<{ id: string }>).then((app) => app.id);
      this.appId.catch(() => (this.appId = undefined));
    }
    return this.appId;
  }

  async start(sink: InboundSink, hooks: AdapterHooks): Promise<void> {
    const client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        ...(this.options.memberEvents ? [GatewayIntentBits.GuildMembers] : []),
      ],
      rest: this.restOptions,
    });
    this.client = client;
    client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => this.onRaw(packet, sink, hooks));
    client.on(Events.ShardReconnecting, () => this.logger.info('gateway reconnecting'));
    client.on(Events.ShardResume, (_id, replayed) => this.logger.info({ replayed }, 'gateway resumed'));
    client.on(Events.ShardDisconnect, (event) => this.logger.error({ code: event.code }, 'gateway disconnected for good'));
    client.on(Events.Error, (error) => this.logger.error({ err: error }, 'discord.js error'));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(this.options.token);
    await ready;
    this.logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'discord gateway ready');
    if (!this.shapes) await this.loadShapes();
  }

  /** Slash commands registered by an earlier run (or another process) still need their shapes here. */
  private async loadShapes(): Promise<void> {
    try {
      const registered = (await this.rest.get(Routes.applicationCommands(await this.applicationId()))) as ApplicationCommandBody[];
      this.shapes ??= shapesFromRegistered(registered);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read registered slash commands; options keep Discord order');
    }
  }

  async registerCommands(commands: CommandMenuEntry[]): Promise<void> {
    const { body, shapes } = toApplicationCommands(commands);
    await this.rest.put(Routes.applicationCommands(await this.applicationId()), { body });
    this.shapes = shapes;
    this.logger.info({ count: body.length }, 'slash commands registered');
  }

  send(message: OutboundMessage): Promise<DeliveryResult> {
    return this.sender.send(message);
  }

  /** The same for every kind: Discord limits files by size, whatever they are. */
  uploadLimit(_kind: Attachment['kind']): number {
    return this.options.uploadLimit ?? UPLOAD_LIMIT;
  }

  download(file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>, maxBytes: number): Promise<Upload> {
    return downloadFile(file, maxBytes, this.options.cdnUrl ?? DEFAULT_CDN_URL);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.destroy();
    // Let events already received reach the sink, but do not hang shutdown on a sink that never answers.
    await Promise.race([Promise.allSettled([...this.chains.values()]), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
  }

  health(): { ok: boolean; detail?: string } {
    if (!this.client) return { ok: false, detail: 'not started' };
    const status = this.client.ws.status;
    return status === Status.Ready ? { ok: true } : { ok: false, detail: `gateway ${Status[status] ?? status}` };
  }

  // ---- inbound -----------------------------------------------------------------------------------------------

  private onRaw(packet: { t?: string; d?: unknown }, sink: InboundSink, hooks: AdapterHooks): void {
    const client = this.client;
    // The guilds READY lists are the bot's already; a GUILD_CREATE for any other is the bot added to it.
    if (packet.t === 'READY') {
      this.knownGuilds.clear();
      for (const guild of (packet.d as { guilds?: { id: string }[] }).guilds ?? []) this.knownGuilds.add(guild.id);
    }
    if (!client?.user || !packet.t) return;
    switch (packet.t) {
      case 'MESSAGE_CREATE':
      case 'MESSAGE_UPDATE':
      case 'MESSAGE_DELETE':
      case 'GUILD_MEMBER_ADD':
      case 'GUILD_CREATE':
      case 'INTERACTION_CREATE': {
        const envelope = normalize(packet as DiscordRawEvent, {
          botUserId: client.user.id,
          applicationId: client.application?.id,
          ownWebhookIds: this.ownWebhookIds,
          parentOf: (id) => {
            const channel = client.channels.cache.get(id);
            return channel && THREAD_TYPES.has(channel.type) && 'parentId' in channel ? (channel.parentId ?? undefined) : undefined;
          },
          commands: this.shapes,
          now: Date.now(),
          systemChannelOf: (guildId) => client.guilds.cache.get(guildId)?.systemChannelId ?? undefined,
          isNewGuild: (guildId) => !this.knownGuilds.has(guildId),
        });
        if (packet.t === 'GUILD_CREATE') this.knownGuilds.add((packet.d as { id: string }).id);
        if (envelope) this.handOff(envelope, sink);
        return;
      }
      case 'CHANNEL_DELETE': {
        const d = packet.d as { id: string };
        void hooks.chatGone(qualify('discord', d.id), 'channel deleted').catch((err: unknown) => this.logger.error({ err }, 'chatGone failed'));
        return;
      }
      case 'GUILD_DELETE': {
        const d = packet.d as { id: string; unavailable?: boolean };
        // unavailable = an outage; without it we were removed from the server. The raw event comes before
        // discord.js drops the guild from its cache, so its channels are still known here.
        if (d.unavailable) return;
        const channels = [...client.channels.cache.values()].filter((c) => 'guildId' in c && c.guildId === d.id && !THREAD_TYPES.has(c.type));
        for (const channel of channels) {
          void hooks.chatGone(qualify('discord', channel.id), 'removed from the server').catch((err: unknown) => this.logger.error({ err }, 'chatGone failed'));
        }
        return;
      }
      case 'CHANNEL_UPDATE': {
        hooks.rolesChanged(qualify('discord', (packet.d as { id: string }).id));
        return;
      }
      case 'GUILD_ROLE_UPDATE':
      case 'GUILD_ROLE_DELETE':
      case 'GUILD_UPDATE': {
        const guildId = (packet.d as { guild_id?: string; id?: string }).guild_id ?? (packet.d as { id: string }).id;
        for (const channel of client.channels.cache.values()) {
          if ('guildId' in channel && channel.guildId === guildId && !THREAD_TYPES.has(channel.type)) hooks.rolesChanged(qualify('discord', channel.id));
        }
        return;
      }
      default:
        return;
    }
  }

  /** Queues the envelope behind earlier events of its chat, then acknowledges interactions once it is stored. */
  private handOff(envelope: Envelope, sink: InboundSink): void {
    const key = envelope.chat.id;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await sink(envelope);
      } catch (error) {
        this.logger.error({ err: error, envelope: envelope.id }, 'could not queue a Discord event');
        return;
      }
      await this.acknowledge(envelope);
    });
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /**
   * Discord wants an answer to an interaction within 3 s. A slash command is deferred publicly (the answer may be
   * public or ephemeral; send.ts deals with both); a button press is acknowledged without changing its message.
   */
  private async acknowledge(envelope: Envelope): Promise<void> {
    const raw = envelope.raw as DiscordRawEvent;
    if (raw.t !== 'INTERACTION_CREATE') return;
    const type = envelope.kind === 'button' ? CALLBACK_DEFERRED_UPDATE : CALLBACK_DEFERRED_MESSAGE;
    try {
      await this.rest.post(Routes.interactionCallback(raw.d.id, raw.d.token), { body: { type }, auth: false });
    } catch (error) {
      // Already answered: the reply was faster than this deferral, which is fine.
      if (isDiscordCode(error, CODES.alreadyAcknowledged)) return;
      this.logger.warn({ err: error, interaction: raw.d.id }, 'could not acknowledge a Discord interaction');
    }
  }
}
