// The console adapter: with no platform token, a person plays members and admins of a few simulated groups and sees
// what Quartier answers and delivers. The test adapter is the same class driven from code (tests/helpers).
import { randomBytes } from 'node:crypto';
import type { AdapterHooks, InboundSink, PlatformAdapter } from '../../src/core/adapter.js';
import { qualify, unqualify, type Envelope, type QualifiedId } from '../../src/core/envelope.js';
import { DeliveryError, isMemberAction, type DeliveryResult, type OutboundMessage } from '../../src/core/outbound.js';
import type { BotRight, Role, RoleLookup } from '../../src/core/roles.js';
import { normalizeConsoleButton, normalizeConsoleJoin, normalizeConsoleLine } from './normalize.js';

export interface ConsoleGroup {
  key: string;
  title: string;
}

export interface ConsoleDelivery {
  message: OutboundMessage;
  messageIds: string[];
  /** The chat's key (`telegram.lilas`), for printing and for tests. */
  group: string;
}

/** The groups a person can play with in the console, one per platform flavour. */
export const DEFAULT_CONSOLE_GROUPS: ConsoleGroup[] = [
  { key: 'telegram.lilas', title: 'Rue des Lilas (Telegram)' },
  { key: 'discord.jardins', title: 'Jardins partagés (Discord)' },
  { key: 'whatsapp.immeuble', title: 'Immeuble 12 (WhatsApp)' },
];

export class ConsoleAdapter implements PlatformAdapter {
  readonly platform = 'console' as const;
  readonly pacing = { perChatIntervalMs: 0, globalIntervalMs: 0 };
  readonly delivered: ConsoleDelivery[] = [];
  private readonly roleTable = new Map<string, Role>();
  private readonly run = randomBytes(4).toString('hex');
  private seq = 0;
  private sentSeq = 0;
  private sink: InboundSink | undefined;
  private hooks: AdapterHooks | undefined;
  private readonly listeners = new Set<(delivery: ConsoleDelivery) => void>();
  /** `<chat> <user>` → until when (epoch ms; undefined: until lifted) the person may not post, as a platform keeps it. */
  private readonly restrictions = new Map<string, number | undefined>();
  /** The people removed from a chat, in order (they may come back by joining). */
  readonly removed: { chatId: QualifiedId; userId: QualifiedId }[] = [];

  /** What the bot lacks per chat, as a platform would tell it; a chat not set here cannot tell. */
  private readonly missingTable = new Map<QualifiedId, BotRight[]>();

  readonly roles: RoleLookup = {
    roleOf: async (chatId: QualifiedId, userId: QualifiedId) => this.roleTable.get(`${chatId} ${userId}`) ?? 'member',
    missingRights: async (chatId: QualifiedId) => this.missingTable.get(chatId),
  };

  async start(sink: InboundSink, hooks: AdapterHooks): Promise<void> {
    this.sink = sink;
    this.hooks = hooks;
  }

  async stop(): Promise<void> {
    this.sink = undefined;
  }

  /** Sets which rights the bot lacks in this group, as a platform would tell them. */
  setMissingRights(groupKey: string, rights: BotRight[]): void {
    this.missingTable.set(qualify('console', groupKey), rights);
  }

  /** Sets what the platform would say about this person's rights in this group. */
  setRole(groupKey: string, userKey: string, role: Role): void {
    const chatId = qualify('console', groupKey);
    const userId = qualify('console', userKey);
    this.roleTable.set(`${chatId} ${userId}`, role);
    // Like a platform reporting an admin change: cached roles must not outlive it.
    this.hooks?.rolesChanged(chatId, userId);
  }

  /** A person types a line in a group. Resolves once the envelope is durable (like any adapter's acknowledgement). */
  async say(input: {
    group: ConsoleGroup;
    userKey: string;
    userName: string;
    text: string;
    replyTo?: string;
    /** The platform's language hint for the speaker, as Telegram's language_code gives it (tests). */
    language?: string;
  }): Promise<Envelope> {
    if (!this.sink) throw new Error('console adapter is not started');
    if (this.isRestricted(input.group.key, input.userKey)) throw new Error(`console: ${input.userKey} may not post in ${input.group.key} now`);
    const envelope = normalizeConsoleLine({
      seq: this.seq++,
      run: this.run,
      groupKey: input.group.key,
      groupTitle: input.group.title,
      userKey: input.userKey,
      userName: input.userName,
      text: input.text,
      at: Date.now(),
      replyTo: input.replyTo,
      language: input.language,
    });
    await this.sink(envelope);
    return envelope;
  }

  /** A person joins a group (`isBot`: a bot account; `self`: Quartier itself added). Resolves once the join is durable. */
  async join(input: { group: ConsoleGroup; userKey: string; userName: string; language?: string; isBot?: boolean; self?: boolean }): Promise<Envelope> {
    if (!this.sink) throw new Error('console adapter is not started');
    const envelope = normalizeConsoleJoin({ seq: this.seq++, run: this.run, groupKey: input.group.key, groupTitle: input.group.title, userKey: input.userKey, userName: input.userName, at: Date.now(), language: input.language, isBot: input.isBot, self: input.self });
    await this.sink(envelope);
    return envelope;
  }

  /** A person presses a button of one of the bot's messages (its `data`). */
  async press(input: { group: ConsoleGroup; userKey: string; userName: string; data: string; messageId?: QualifiedId; language?: string }): Promise<Envelope> {
    if (!this.sink) throw new Error('console adapter is not started');
    const envelope = normalizeConsoleButton({ seq: this.seq++, run: this.run, groupKey: input.group.key, groupTitle: input.group.title, userKey: input.userKey, userName: input.userName, at: Date.now(), data: input.data, messageId: input.messageId, language: input.language });
    await this.sink(envelope);
    return envelope;
  }

  /** Whether the platform keeps this person from posting in this group now. */
  isRestricted(groupKey: string, userKey: string, now = Date.now()): boolean {
    const key = `${qualify('console', groupKey)} ${qualify('console', userKey)}`;
    if (!this.restrictions.has(key)) return false;
    const until = this.restrictions.get(key);
    return until === undefined || until > now;
  }

  onDelivery(listener: (delivery: ConsoleDelivery) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const group = unqualify(message.target).bare;
    if (isMemberAction(message.action)) this.applyMemberAction(message);
    const messageIds = isMemberAction(message.action) ? [] : message.action === 'send' ? [qualify('console', `bot-${this.run}-${this.sentSeq++}`)] : (message.editOf ?? []);
    const delivery: ConsoleDelivery = { message, messageIds, group };
    this.delivered.push(delivery);
    for (const listener of this.listeners) listener(delivery);
    return { messageIds };
  }

  /** Carries out a member action as a platform would: a restriction (until a time), its lifting, a removal. */
  private applyMemberAction(message: OutboundMessage): void {
    const userId = message.member?.userId;
    if (!userId || unqualify(userId).platform !== 'console') throw new DeliveryError('permanent', `console ${message.action}: no console member named`);
    const key = `${message.target} ${userId}`;
    if (message.action === 'restrict') this.restrictions.set(key, message.member?.untilMs);
    else this.restrictions.delete(key);
    if (message.action === 'remove') this.removed.push({ chatId: message.target, userId });
  }
}
