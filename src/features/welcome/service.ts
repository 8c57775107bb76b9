// Welcome and verification. A join adds the newcomer to their group's burst (and, with verification on, restricts
// them); a sweep greets each burst once its window has passed, removes newcomers whose verification window ended, and
// deletes greetings whose time is up. Everything waits in Redis (store.ts) and is read against the injected clock, so
// it survives restarts and tests drive it without waiting.
import { createHash } from 'node:crypto';
import type { Clock, Context, Group, Outbox, Services, Translate } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import { originOf, repeatEvery, type DeliveryHandlers, type ScheduledWork } from '../../core/feature.js';
import { NO_MEMBER_RESTRICTION, type OutboundMessage } from '../../core/outbound.js';
import type { Logger } from 'pino';
import { answerFor } from '../faq/match.js';
import { scopeOf } from '../faq/service.js';
import { GREETING_NAMES, GREETING_TOPICS, greetingLanguage, greetingText } from './greeting.js';
import { neutraliseName } from '../../i18n/bidi.js';
import { greets, verifyOn } from './settings.js';
import { WelcomeStore, type Newcomer } from './store.js';

export const FEATURE = 'welcome';
/** The data of the verification button under a greeting: whoever presses it verifies themselves, and only if pending. */
export const VERIFY_BUTTON = 'welcome:verify';

export interface WelcomeOptions {
  /** Joins within this long of the first one get one greeting together. */
  burstMs: number;
  /** How long a newcomer has to press the button (or answer the word) once greeted. */
  verifyWindowMs: number;
  /** How long a greeting stays before it is deleted. */
  deleteAfterMs: number;
  /** How often the sweep runs (0: never by itself; tests call sweep()). */
  sweepIntervalMs: number;
  /** A second report of the same join within this long is ignored. */
  joinDedupeMs: number;
}

export const DEFAULT_WELCOME_OPTIONS: WelcomeOptions = {
  burstMs: 5_000,
  verifyWindowMs: 5 * 60_000,
  deleteAfterMs: 15 * 60_000,
  sweepIntervalMs: 1_000,
  joinDedupeMs: 10 * 60_000,
};

/** How long one process holds a burst it is greeting before another may try. */
const BURST_CLAIM_MS = 60_000;

/** How often one person is told the verification button is not theirs. */
const NOTICE_INTERVAL_MS = 10 * 60_000;

/** A restriction outlasts the window a little, so it never ends before the removal; and it ends by itself. */
const RESTRICTION_GRACE_MS = 60_000;

type GreetingRef = { kind: 'greeting'; chat: QualifiedId } | { kind: 'member'; chat: QualifiedId };

export interface WelcomeDeps {
  services: Services;
  outbox: Outbox;
  translate: Translate;
  clock: Clock;
  log: Logger;
  options?: Partial<WelcomeOptions>;
}

/**
 * Whether a newcomer is restricted until they verify. Not on WhatsApp (no such thing), nor on Discord: a member in a
 * timeout cannot press buttons either, so the button could never let them in. There their messages are deleted until
 * they verify instead (the stage), and removal at the end of the window works everywhere.
 */
function restrictable(chatId: QualifiedId): boolean {
  const { platform } = unqualify(chatId);
  return platform !== 'discord' && !NO_MEMBER_RESTRICTION.includes(platform);
}

/**
 * The newcomers named in the greeting's first paragraph, as real mentions (so each is notified), in the order they
 * are named. Names the text does not carry (an admin's text without {name}) mention nobody.
 */
export function mentionsIn(text: string, newcomers: Newcomer[]): NonNullable<OutboundMessage['mentions']> {
  const end = text.indexOf('\n\n') < 0 ? text.length : text.indexOf('\n\n');
  const mentions: NonNullable<OutboundMessage['mentions']> = [];
  let cursor = 0;
  for (const n of newcomers.slice(0, GREETING_NAMES)) {
    const name = neutraliseName(n.name);
    const at = name ? text.indexOf(name, cursor) : -1;
    if (at < 0 || at + name.length > end) continue;
    mentions.push({ userId: n.id, offset: at, length: name.length });
    cursor = at + name.length;
  }
  return mentions;
}

/** Answers compare without case, accents or surrounding punctuation: "Soleil!" answers "soleil". */
export function sameWord(a: string, b: string): boolean {
  const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  return plain(a) !== '' && plain(a) === plain(b);
}

export class WelcomeService {
  readonly store: WelcomeStore;
  readonly options: WelcomeOptions;
  private sweeping: Promise<void> | undefined;

  constructor(private readonly deps: WelcomeDeps) {
    this.store = new WelcomeStore(deps.services.redis, deps.services.prefix);
    this.options = { ...DEFAULT_WELCOME_OPTIONS, ...deps.options };
  }

  private get services(): Services {
    return this.deps.services;
  }

  private t(group: Pick<Group, 'language' | 'timezone'>, key: string, params?: Record<string, unknown>, language = group.language): string {
    return this.deps.translate(language, key, params, { timeZone: group.timezone });
  }

  // ---- joins ---------------------------------------------------------------------------------------------------

  /** A person joined: verification starts at once (with it on), the greeting waits for the rest of the burst. */
  async onJoin(ctx: Context): Promise<void> {
    const { envelope, group } = ctx;
    const person = envelope.sender;
    // Bots are not neighbours (and the bot itself joining is the setup's business, not a greeting's).
    if (person.isBot || envelope.addressedToBot || envelope.chat.type !== 'group' || !greets(group)) return;
    if (!(await this.store.firstJoin(group.id, person.id, this.options.joinDedupeMs))) return;
    const now = this.deps.clock.now();
    const flushAt = now + this.options.burstMs;
    if (verifyOn(group)) {
      const deadline = flushAt + this.options.verifyWindowMs;
      // The window counts from the greeting's delivery (see delivery below), which pacing may delay by up to a window.
      const latest = deadline + this.options.verifyWindowMs;
      await this.store.setPending(group.id, person.id, { deadline, latest, name: person.name });
      if (restrictable(group.id)) {
        await this.deps.outbox.enqueue(this.memberAction(`${envelope.id}:welcome-restrict:${person.id}`, group.id, 'restrict', person.id, latest + RESTRICTION_GRACE_MS));
      }
    }
    const newcomer: Newcomer = { id: person.id, name: person.name, ...(person.language ? { language: person.language } : {}) };
    await this.store.addToBurst(group.id, newcomer, flushAt);
  }

  private memberAction(id: string, chatId: QualifiedId, action: 'restrict' | 'unrestrict' | 'remove', userId: QualifiedId, untilMs?: number): OutboundMessage {
    return {
      id,
      target: chatId,
      action,
      text: '',
      member: { userId, ...(untilMs !== undefined ? { untilMs } : {}) },
      // A newcomer waiting to be let in must not wait for the morning.
      urgent: true,
      people: [userId],
      origin: originOf(FEATURE, { kind: 'member', chat: chatId } satisfies GreetingRef),
    };
  }

  // ---- the greeting --------------------------------------------------------------------------------------------

  /** Greets one burst: one message naming everyone who joined in it. Ids are fixed, so a re-run posts nothing twice. */
  async flush(chatId: QualifiedId, flushAt: number): Promise<void> {
    const now = this.deps.clock.now();
    const newcomers = await this.store.burst(chatId);
    const group = await this.services.groups.find(chatId);
    if (newcomers.length > 0 && group?.active) await this.greet(group, newcomers, flushAt, now);
    await this.store.burstDone(chatId, newcomers.length, now + this.options.burstMs);
  }

  private async greet(group: Group, newcomers: Newcomer[], flushAt: number, now: number): Promise<void> {
    const pending = (await Promise.all(newcomers.map(async (n) => ((await this.store.pending(group.id, n.id)) ? n : undefined)))).filter(
      (n): n is Newcomer => n !== undefined,
    );
    const verifying = verifyOn(group) && pending.length > 0;
    const language = greetingLanguage(group, newcomers);
    const platform = unqualify(group.id).platform;
    // WhatsApp has no buttons: the greeting gives a word to answer instead.
    const word = verifying && platform === 'whatsapp' ? this.wordFor(language, `${group.id} ${flushAt}`) : undefined;
    const minutes = Math.max(1, Math.round(this.options.verifyWindowMs / 60_000));
    const text = greetingText(
      { language, newcomers, group, topics: await this.topics(group, language), ...(verifying ? { verify: { minutes, ...(word ? { word } : {}) } } : {}) },
      this.deps.translate,
    );
    if (word) {
      for (const n of pending) {
        // Re-read: someone who answered meanwhile is no longer waiting.
        const current = await this.store.pending(group.id, n.id);
        if (current) await this.store.setPending(group.id, n.id, { ...current, word });
      }
    }

    const id = `welcome:${group.id}:${flushAt}`;
    const people = newcomers.map((n) => n.id);
    const mentions = mentionsIn(text, newcomers);
    // Quiet hours hold a plain greeting for the morning digest; Discord can greet privately instead, at once. A
    // verification prompt cannot wait: it goes now.
    const quiet = !verifying && (await this.services.rules?.hold({ id, target: group.id, action: 'send', text }, now)) !== undefined;
    if (quiet && platform === 'discord') {
      for (const n of newcomers) {
        await this.deps.outbox.enqueue({ id: `${id}:dm`, target: `discord:@${unqualify(n.id).bare}`, action: 'send', text, people: [n.id] });
      }
      return;
    }
    await this.deps.outbox.enqueue({
      id,
      target: group.id,
      action: 'send',
      text,
      ...(mentions.length > 0 ? { mentions } : {}),
      ...(verifying && !word ? { buttons: [{ label: this.t(group, 'welcome.verify.label', undefined, language), data: VERIFY_BUTTON }] } : {}),
      ...(verifying ? { urgent: true } : {}),
      people,
      origin: originOf(FEATURE, { kind: 'greeting', chat: group.id } satisfies GreetingRef),
    });
  }

  /** A few FAQ topics, in the greeting's language where they have it. */
  private async topics(group: Group, language: string): Promise<string[]> {
    const faq = this.services.faq;
    if (!faq) return [];
    const entries = (await faq.index(scopeOf(group))).entries().slice(0, GREETING_TOPICS);
    return entries.map((entry) => answerFor(entry, { hint: language, group: group.language }).question);
  }

  /** The word a WhatsApp burst answers: one of the language's list, the same for every run of the same burst. */
  private wordFor(language: string, seed: string): string {
    const words = this.deps.translate(language, 'welcome.verify.words').split(',').map((w) => w.trim()).filter(Boolean);
    const n = createHash('sha256').update(seed).digest().readUInt32BE(0);
    return words[n % words.length] ?? 'quartier';
  }

  // ---- verification --------------------------------------------------------------------------------------------

  /** The verification button: it verifies whoever pressed it, if they are waiting; anyone else is told it is not theirs. */
  async onButton(ctx: Context): Promise<void> {
    const { group, envelope } = ctx;
    if (!(await this.store.pending(group.id, envelope.sender.id))) {
      // Ephemeral on Discord, but a message in the group elsewhere: said once in a while per person, not per press.
      if (await this.store.firstNotice(group.id, envelope.sender.id, 'not-yours', NOTICE_INTERVAL_MS)) await ctx.replyEphemeral('welcome.verify.not_yours');
      return;
    }
    await this.verified(ctx);
  }

  /**
   * A message from someone still waiting: on WhatsApp the right word verifies them; anything else is deleted (the
   * platform restriction keeps them from posting elsewhere; this catches what gets through, and all of WhatsApp).
   * Returns true when the message was theirs to handle.
   */
  async onMessage(ctx: Context): Promise<boolean> {
    const { group, envelope } = ctx;
    const pending = await this.store.pending(group.id, envelope.sender.id);
    if (!pending) return false;
    if (pending.word !== undefined && sameWord(envelope.text, pending.word)) {
      await this.verified(ctx);
      return true;
    }
    if (envelope.messageId) {
      await this.deps.outbox.enqueue({
        id: `${envelope.id}:welcome-delete`,
        target: group.id,
        action: 'delete',
        text: '',
        editOf: [envelope.messageId],
        urgent: true,
        origin: originOf(FEATURE, { kind: 'member', chat: group.id } satisfies GreetingRef),
      });
    }
    return true;
  }

  private async verified(ctx: Context): Promise<void> {
    const { group, envelope } = ctx;
    if (!(await this.store.clearPending(group.id, envelope.sender.id))) return;
    if (restrictable(group.id)) await this.deps.outbox.enqueue(this.memberAction(`${envelope.id}:welcome-unrestrict`, group.id, 'unrestrict', envelope.sender.id));
    await ctx.replyEphemeral('welcome.verify.done', { name: envelope.sender.name });
    // The group's log chat (moderation, when the deployment has it) hears of each verification.
    await ctx.services.moderationEvents?.emit({
      id: `${envelope.id}:welcome-verified`,
      groupId: group.id,
      kind: 'verified',
      params: { member: envelope.sender.name },
      people: [envelope.sender.id],
    });
  }

  /** Someone waiting left: nothing more to do about them. */
  async onLeave(chatId: QualifiedId, userId: QualifiedId): Promise<void> {
    await this.store.clearPending(chatId, userId);
  }

  /** /verify off: everyone still waiting is let in. */
  async releaseAll(chatId: QualifiedId, eventId: string): Promise<number> {
    let released = 0;
    for (const userId of await this.store.pendingIn(chatId)) {
      if (!(await this.store.clearPending(chatId, userId))) continue;
      released++;
      if (restrictable(chatId)) await this.deps.outbox.enqueue(this.memberAction(`${eventId}:welcome-release:${userId}`, chatId, 'unrestrict', userId));
    }
    return released;
  }

  // ---- the sweep -----------------------------------------------------------------------------------------------

  /** Greets due bursts, removes newcomers whose window ended, deletes greetings whose time is up. */
  async sweep(): Promise<void> {
    // One sweep at a time in a process; other processes may sweep too: every step is idempotent.
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const now = this.deps.clock.now();
    for (const burst of await this.store.dueBursts(now)) {
      if (await this.store.claimBurst(burst, BURST_CLAIM_MS)) await this.flush(burst.chatId, burst.flushAt);
    }
    for (const due of await this.store.dueVerifications(now)) {
      const pending = await this.store.pending(due.chatId, due.userId);
      // The press and the deadline may race: whoever ends the verification acts.
      if (!(await this.store.clearPending(due.chatId, due.userId))) continue;
      const removal = `welcome:remove:${due.chatId}:${due.userId}:${pending?.deadline ?? now}`;
      await this.deps.outbox.enqueue(this.memberAction(removal, due.chatId, 'remove', due.userId));
      const name = pending?.name ?? unqualify(due.userId).bare;
      await this.deps.services.moderationEvents?.emit({ id: `${removal}:log`, groupId: due.chatId, kind: 'removed', params: { member: name, reason: '/verify' }, people: [due.userId] });
    }
    for (const item of await this.store.dueDeletions(now)) {
      const key = createHash('sha256').update(item.member).digest('hex').slice(0, 16);
      await this.deps.outbox.enqueue({ id: `welcome:cleanup:${key}`, target: item.target, action: 'delete', text: '', editOf: item.messageIds, urgent: true });
      await this.store.deletionDone(item.member);
    }
  }

  startSweeping(): ScheduledWork {
    return repeatEvery(this.options.sweepIntervalMs, () => this.sweep(), (error) => this.deps.log.error({ err: error }, 'welcome sweep failed'));
  }

  // ---- outcomes ------------------------------------------------------------------------------------------------

  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      const ref = outcome.message.origin?.ref as GreetingRef | undefined;
      if (!ref) return;
      if (outcome.kind === 'delivered' && ref.kind === 'greeting' && outcome.result.messageIds.length > 0) {
        const now = this.deps.clock.now();
        await this.store.deleteLater(outcome.message.target, outcome.result.messageIds, now + this.options.deleteAfterMs);
        // A greeting that waited for its turn still leaves the whole window to answer it.
        for (const userId of outcome.message.people ?? []) {
          const pending = await this.store.pending(ref.chat, userId);
          if (!pending) continue;
          const deadline = Math.min(pending.latest ?? pending.deadline, Math.max(pending.deadline, now + this.options.verifyWindowMs));
          if (deadline !== pending.deadline) await this.store.setPending(ref.chat, userId, { ...pending, deadline });
        }
        return;
      }
      // The bot may not restrict, remove or delete: the admins are told once what right it needs.
      if (outcome.kind === 'failed' && ref.kind === 'member' && outcome.missingPermission) {
        const group = await this.services.groups.find(ref.chat);
        if (!group) return;
        await this.deps.outbox.enqueue({
          id: `welcome:permission:${ref.chat}:${outcome.missingPermission}`,
          target: ref.chat,
          action: 'send',
          text: this.t(group, 'welcome.verify.missing_permission', { platform: group.platform }),
          urgent: true,
        });
      }
    },
  };
}
