// What a stage or a command handler sees: the envelope, the group's settings, and the few things it may do (reply,
// translate, ask for the sender's role). Implementations come from main.ts; core declares only their shape.
import { usageLine, type Command, type CommandForm } from './command.js';
import type { Envelope, QualifiedId } from './envelope.js';
import type { OutboundMessage } from './outbound.js';
import type { Role, RoleLookup } from './roles.js';
import type { Logger } from 'pino';

/** The group as the pipeline loaded it. Features add their settings as columns; this is what every stage needs. */
export interface Group {
  id: QualifiedId;
  platform: string;
  title: string | null;
  language: string;
  timezone: string;
  rules: string | null;
  active: boolean;
  /** Feature settings kept as one JSON document (quiet hours, flood limit, FAQ auto-answer...). */
  settings: Record<string, unknown>;
  communityId: number | null;
}

/** Where outbound messages go: the Outbox queue. Nothing else sends. */
export interface Outbox {
  /** Resolves once the message is durable: 'queued' as a delivery job, 'held' in a quiet group's morning digest. */
  enqueue(message: OutboundMessage): Promise<'queued' | 'held'>;
}

export interface Clock {
  now(): number;
}

/** `timeZone`: the zone ICU date and time arguments (`{at, time, short}`) are shown in; the group's. */
export type Translate = (language: string, key: string, params?: Record<string, unknown>, options?: { timeZone?: string }) => string;

/** Where a translated text goes: an ephemeral reply is seen by the sender only (Discord), so it may use their language. */
export interface TranslateOptions {
  ephemeral?: boolean;
}

/**
 * Services that stages and commands reach through ctx.services. src/services.ts adds the members (repositories,
 * Redis...) by declaration merging, so core does not import storage code.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

export interface ContextDeps {
  outbox: Outbox;
  roles: RoleLookup;
  translate: Translate;
  /** A platform language hint (`uk`, `es-ES`) → a supported language code, or undefined. */
  matchLanguage?: (hint: string | undefined) => string | undefined;
  clock: Clock;
  log: Logger;
  services: Services;
}

export class Context {
  /** Stages leave notes for later stages here (e.g. `commandHandled`). */
  readonly state: Record<string, unknown> = {};
  /** The command form being run, set by the command stage: what usage() describes. */
  command: { command: Command; form: CommandForm; subcommand?: string } | undefined;
  private replyCount = 0;
  private cachedRole: Role | undefined;

  constructor(
    readonly envelope: Envelope,
    public group: Group,
    private readonly deps: ContextDeps,
  ) {}

  get services(): Services {
    return this.deps.services;
  }

  get log(): Logger {
    return this.deps.log;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  get outbox(): Outbox {
    return this.deps.outbox;
  }

  /** The group's language: the language of everything posted for the group to read. */
  get language(): string {
    return this.group.language;
  }

  /**
   * The language of a reply. Only the sender reads a reply in a private chat or an ephemeral answer to a Discord
   * interaction, so it uses their own language where the platform tells it (Telegram language_code, Discord locale)
   * and Quartier speaks it. Elsewhere (an "ephemeral" reply on Telegram is posted in the group) the group's language.
   * In a private chat an explicit /lang choice (settings.languageChosen) wins over the platform's hint.
   */
  replyLanguage(options: TranslateOptions = {}): string {
    const { chat, sender, interaction } = this.envelope;
    const seenBySenderOnly =
      (chat.type === 'private' && this.group.settings.languageChosen !== true) || (options.ephemeral === true && interaction !== undefined);
    if (!seenBySenderOnly) return this.group.language;
    return this.deps.matchLanguage?.(sender.language) ?? this.group.language;
  }

  /** Translates for a reply; pass `{ ephemeral: true }` for text going into an ephemeral reply. */
  t(key: string, params?: Record<string, unknown>, options?: TranslateOptions): string {
    return this.deps.translate(this.replyLanguage(options), key, params, { timeZone: this.group.timezone });
  }

  /**
   * The sender's role in this chat, asked of the platform (cached briefly by the role lookup). A private chat is not a
   * group: nobody moderates anything there, whatever a platform would answer about it (Telegram's private chat has
   * the person's own id, which reads as its "admin").
   */
  async role(): Promise<Role> {
    if (this.envelope.chat.type === 'private') return 'member';
    this.cachedRole ??= await this.deps.roles.roleOf(this.envelope.chat.id, this.envelope.sender.id);
    return this.cachedRole;
  }

  /**
   * A refusal, a usage line or anything else meant for the sender alone: ephemeral where the platform can (a Discord
   * interaction), and then in the sender's own language.
   */
  async replyEphemeral(key: string, params?: Record<string, unknown>): Promise<void> {
    await this.reply(this.t(key, params, { ephemeral: true }), { ephemeral: true });
  }

  /**
   * The usage reply of the command form being run (`/faq add <question> [lang]`), for words that do not fit it: the
   * command stage sends it when the words cannot be bound, a handler when a bound word makes no sense (an unknown
   * language code). Ephemeral, so the argument names are in the sender's language where only they see it.
   */
  async usage(): Promise<void> {
    if (!this.command) throw new Error('usage() outside a command');
    const { command, form, subcommand } = this.command;
    const usage = usageLine((key) => this.t(key, undefined, { ephemeral: true }), command, form, subcommand);
    await this.replyEphemeral('errors.usage', { usage });
  }

  /**
   * Answers in the chat the update came from, as a reply to it. `text` must come from t(): no user-visible literal
   * in handlers. Each reply of one update gets its own deterministic id, so re-running the update cannot post twice.
   */
  async reply(text: string, extra: Partial<Pick<OutboundMessage, 'buttons' | 'format' | 'ephemeral' | 'urgent' | 'people' | 'leavesNoTrace'>> = {}): Promise<void> {
    const n = this.replyCount++;
    const env = this.envelope;
    await this.deps.outbox.enqueue({
      id: `${env.id}:reply${n}`,
      target: env.chat.id,
      action: 'send',
      text,
      replyTo: env.interaction ? undefined : env.messageId,
      threadId: env.chat.threadId,
      interaction: env.interaction,
      // Command replies are answers to someone waiting: quiet hours do not hold them.
      urgent: true,
      // A reply may quote its sender (their name, their words): /forgetme must find it while it waits.
      people: [env.sender.id],
      ...extra,
    });
  }
}
