// Help requests from post to done: posting a request in its group and every other group of its community, offers
// (the author is told privately where the platform allows, else by a mention in the origin group), closing every
// copy (an edit where the copy was delivered, a follow-up where it is still waiting), and the expiry sweep with one
// reminder first. Everything leaves through the Outbox with deterministic ids, so a re-run never posts twice.
import type { Logger } from 'pino';
import type { CommunityRepository } from '../communities/repository.js';
import type { Clock, Context, Group, Outbox, Translate } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import { repeatEvery, type DeliveryHandlers, type ScheduledWork } from '../../core/feature.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { Db } from '../../db/client.js';
import type { DeliveryRepository } from '../../db/deliveries.js';
import type { GroupDefaults, GroupRepository } from '../../db/groups.js';
import { neutraliseBidi } from '../../i18n/bidi.js';
import { requestScope, requestTargets } from './community-groups.js';
import type { NeedText } from './parse.js';
import { privateChatOf } from '../../core/private-chat.js';
import { HelpRepository, LIVE, type HelpOffer, type HelpRequest } from './repository.js';

export interface HelpOptions {
  /** How long a request stays open before it expires. */
  expiryMs: number;
  /** The author's reminder comes this long before expiry. */
  reminderBeforeMs: number;
  /** Spam guard: open (or offered) requests one person may have at once. */
  maxOpenPerMember: number;
  /** How often the expiry sweep runs (0: never by itself; tests call sweep()). */
  sweepIntervalMs: number;
}

export const DEFAULT_HELP_OPTIONS: HelpOptions = {
  expiryMs: 7 * 24 * 3600_000,
  reminderBeforeMs: 24 * 3600_000,
  maxOpenPerMember: 3,
  sweepIntervalMs: 60_000,
};

export interface HelpDeps {
  db: Db;
  outbox: Outbox;
  translate: Translate;
  clock: Clock;
  log: Logger;
  groups: GroupRepository;
  deliveries: DeliveryRepository;
  communities: Pick<CommunityRepository, 'groupsOf'>;
  defaults: GroupDefaults;
  options?: Partial<HelpOptions>;
}

/** How a request ends; `removed` is a moderator's cancel. */
export type Closing = 'done' | 'cancelled' | 'removed' | 'expired';

/** What the author is told about. */
type Notice = { kind: 'offer'; offer: HelpOffer } | { kind: 'reminder' };

export const OFFER_BUTTON_PREFIX = 'help:offer:';

/**
 * What other features hear when a request is solved with /done (the addresses feature offers to add whoever helped):
 * the update that closed it, the request, and the people who offered, in the order they offered.
 */
export interface RequestSolved {
  ctx: Context;
  request: Readonly<HelpRequest>;
  helpers: { id: QualifiedId; name: string; groupId: QualifiedId }[];
}

export type SolvedListener = (solved: RequestSolved) => Promise<void>;

const postId = (request: HelpRequest) => `help:${request.id}:post`;
/** Whose name or words a notice carries: the author's request, and the offerer's name. */
const noticePeople = (request: HelpRequest, notice: Notice): string[] =>
  notice.kind === 'offer' ? [request.authorId, notice.offer.offererId] : [request.authorId];
const noticeTag = (notice: Notice) => (notice.kind === 'offer' ? `offer-${notice.offer.id}` : 'reminder');
/** A private notice's reference, in its origin: which request, and which offer when it announces one. */
export interface NoticeRef extends Record<string, unknown> {
  request: number;
  offer?: number;
}

export class HelpService {
  readonly requests: HelpRepository;
  readonly options: HelpOptions;
  private readonly solvedListeners: SolvedListener[] = [];

  constructor(private readonly deps: HelpDeps) {
    this.requests = new HelpRepository(deps.db);
    this.options = { ...DEFAULT_HELP_OPTIONS, ...deps.options };
  }

  scopeOf(group: Pick<Group, 'id' | 'communityId'>): string {
    return requestScope(group);
  }

  /**
   * Stores the request (or finds the one this update already stored) and posts it: in the origin group as the answer
   * to the author (never held: they are waiting for the number), and in every other community group, held during
   * their quiet hours unless urgent.
   */
  async post(ctx: Context, need: NeedText): Promise<HelpRequest> {
    const now = this.deps.clock.now();
    const { request } = await this.requests.create({
      sourceId: ctx.envelope.id,
      scope: this.scopeOf(ctx.group),
      originGroup: ctx.group.id,
      authorId: ctx.envelope.sender.id,
      authorName: ctx.envelope.sender.name,
      text: need.text,
      tags: need.tags,
      urgent: need.urgent,
      targets: await requestTargets(this.deps.communities, ctx.group),
      createdAt: new Date(now),
      expiresAt: new Date(now + this.options.expiryMs),
    });
    const env = ctx.envelope;
    for (const target of request.targets) {
      const isOrigin = target === request.originGroup;
      const group = isOrigin ? ctx.group : await this.deps.groups.find(target);
      const language = group?.language ?? this.deps.defaults.language;
      await this.deps.outbox.enqueue({
        id: postId(request),
        target,
        action: 'send',
        text: this.deps.translate(language, request.urgent ? 'request.post_urgent' : 'request.post', {
          number: request.number,
          author: request.authorName,
          group: ctx.group.title ?? '',
          text: request.text,
        }),
        buttons: [{ label: this.deps.translate(language, 'request.button'), data: `${OFFER_BUTTON_PREFIX}${request.id}` }],
        people: [request.authorId],
        ...(isOrigin
          ? { replyTo: env.interaction ? undefined : env.messageId, threadId: env.chat.threadId, interaction: env.interaction, urgent: true }
          : { urgent: request.urgent }),
      });
    }
    ctx.log.info({ request: request.id, number: request.number, targets: request.targets.length }, 'help request posted');
    return request;
  }

  /** `/offer` and the "I can help" button. */
  async offer(ctx: Context, request: HelpRequest): Promise<void> {
    const sender = ctx.envelope.sender;
    if (!LIVE.includes(request.status)) {
      await ctx.replyEphemeral('request.closed_already', { number: request.number });
      return;
    }
    if (request.authorId === sender.id) {
      await ctx.replyEphemeral('request.offer_own', { number: request.number });
      return;
    }
    const offer = await this.requests.addOffer(request, {
      offererId: sender.id,
      offererName: sender.name,
      groupId: ctx.group.id,
      at: new Date(this.deps.clock.now()),
    });
    if (!offer) {
      await ctx.replyEphemeral('request.offer_again', { number: request.number, author: request.authorName });
      return;
    }
    await ctx.reply(ctx.t('request.offer_thanks', { offerer: sender.name, author: request.authorName, number: request.number }));
    await this.notifyAuthor(request, { kind: 'offer', offer });
  }

  /**
   * Closes a live request and shows it closed everywhere it was posted. Returns undefined when it was not live
   * (already closed by someone else, or expired).
   */
  async close(request: HelpRequest, closing: Closing, actorId: QualifiedId | null): Promise<HelpRequest | undefined> {
    const status = closing === 'removed' ? 'cancelled' : closing;
    const closed = await this.requests.close(request.id, status, closing, actorId, new Date(this.deps.clock.now()));
    if (!closed) return undefined;
    const copies = await this.deps.deliveries.byOutbound([postId(closed)]);
    for (const target of closed.targets) {
      const group = await this.deps.groups.find(target);
      const text = this.deps.translate(group?.language ?? this.deps.defaults.language, `request.closed_${closing}`, {
        number: closed.number,
        text: closed.text,
        author: closed.authorName,
      });
      const copy = copies.find((c) => c.target === target);
      const message: OutboundMessage =
        copy?.status === 'delivered' && copy.messageIds.length > 0
          ? // The copy is there: change it in place (and its button goes, on platforms where an edit drops it).
            { id: `help:${closed.id}:close`, target, action: 'edit', editOf: copy.messageIds, text, urgent: true, people: [closed.authorId] }
          : // Still waiting (held for quiet hours, or paced): a follow-up that the pacer puts right after it.
            { id: `help:${closed.id}:close`, target, action: 'send', text, urgent: closed.urgent, people: [closed.authorId] };
      // A copy that failed for good was never shown: nothing to close there.
      if (copy?.status === 'failed') continue;
      await this.deps.outbox.enqueue(message);
    }
    return closed;
  }

  /** Registers a follow-up to run when a request is solved with /done (in the update that closed it). */
  onSolved(listener: SolvedListener): void {
    this.solvedListeners.push(listener);
  }

  /** Tells the listeners that `request` was just solved by this update. */
  async solved(ctx: Context, request: HelpRequest): Promise<void> {
    if (this.solvedListeners.length === 0) return;
    const helpers = (await this.requests.offersOf(request.id)).map((o) => ({ id: o.offererId, name: o.offererName, groupId: o.groupId }));
    for (const listener of this.solvedListeners) await listener({ ctx, request, helpers });
  }

  /** Reminders due, then expiries due, at the injected clock's now. Safe to run from several workers at once. */
  async sweep(): Promise<{ reminded: number; expired: number }> {
    const now = new Date(this.deps.clock.now());
    let reminded = 0;
    let expired = 0;
    for (const due of await this.requests.dueForReminder(now, this.options.reminderBeforeMs)) {
      const claimed = await this.requests.claimReminder(due, now, this.options.reminderBeforeMs);
      if (!claimed) continue;
      await this.notifyAuthor(claimed, { kind: 'reminder' });
      reminded++;
    }
    for (const due of await this.requests.dueForExpiry(now)) {
      if (await this.close(due, 'expired', null)) expired++;
    }
    return { reminded, expired };
  }

  /** Reminders and expiry, every `sweepIntervalMs` until closed. */
  startSweeping(): ScheduledWork {
    return repeatEvery(this.options.sweepIntervalMs, () => this.sweep(), (error) => this.deps.log.error({ err: error }, 'help request sweep failed'));
  }

  /**
   * A private notice to an author that cannot be delivered (a Telegram user who never started the bot, a blocked bot)
   * becomes a mention in the origin group.
   */
  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      if (outcome.kind !== 'failed' || !outcome.message.origin) return;
      const ref = outcome.message.origin.ref as NoticeRef;
      const request = await this.requests.byId(ref.request);
      if (!request) return;
      if (ref.offer === undefined) {
        await this.notifyInGroup(request, { kind: 'reminder' });
        return;
      }
      const offer = await this.requests.offer(ref.offer);
      if (offer) await this.notifyInGroup(request, { kind: 'offer', offer });
    },
  };

  private async notifyAuthor(request: HelpRequest, notice: Notice): Promise<void> {
    const target = privateChatOf(request.authorId);
    if (!target) {
      await this.notifyInGroup(request, notice);
      return;
    }
    const language = await this.originLanguage(request);
    await this.deps.outbox.enqueue({
      id: `help:${request.id}:${noticeTag(notice)}:dm`,
      target,
      action: 'send',
      text: this.deps.translate(language, `request.${notice.kind}_private`, await this.noticeParams(request, notice)),
      urgent: request.urgent,
      people: noticePeople(request, notice),
      origin: { feature: 'help-requests', ref: { request: request.id, ...(notice.kind === 'offer' ? { offer: notice.offer.id } : {}) } satisfies NoticeRef },
    });
  }

  /** The fallback: a real mention of the author in the origin group (only their name; no contact details). */
  private async notifyInGroup(request: HelpRequest, notice: Notice): Promise<void> {
    const language = await this.originLanguage(request);
    const text = this.deps.translate(language, `request.${notice.kind}_mention`, await this.noticeParams(request, notice));
    // The name as the reply shows it: translate() balances the bidirectional controls of every argument.
    const shown = neutraliseBidi(request.authorName);
    const offset = text.indexOf(shown);
    // An erased author (/forgetme) has no id left to mention.
    const mentions = offset >= 0 && request.authorId !== 'erased' ? [{ userId: request.authorId, offset, length: shown.length }] : undefined;
    await this.deps.outbox.enqueue({
      id: `help:${request.id}:${noticeTag(notice)}:group`,
      target: request.originGroup,
      action: 'send',
      text,
      ...(mentions ? { mentions } : {}),
      urgent: request.urgent,
      people: noticePeople(request, notice),
    });
  }

  private async noticeParams(request: HelpRequest, notice: Notice): Promise<Record<string, unknown>> {
    const base = { number: request.number, author: request.authorName, text: request.text };
    if (notice.kind === 'reminder') {
      const hours = Math.max(1, Math.round((request.expiresAt.getTime() - this.deps.clock.now()) / 3600_000));
      return { ...base, hours };
    }
    const where = await this.deps.groups.find(notice.offer.groupId);
    return { ...base, offerer: notice.offer.offererName, group: where?.title ?? '' };
  }

  private async originLanguage(request: HelpRequest): Promise<string> {
    return (await this.deps.groups.find(request.originGroup))?.language ?? this.deps.defaults.language;
  }
}
