// Events from post to reminder: posting every copy (held past a group's quiet hours, buttons kept), answers, bringing
// every copy up to the latest counts without editing any copy faster than allowed, reminders a day and an hour
// before, cancel and edit. Timed work runs as jobs of the feature's own BullMQ queue, so it survives a restart:
// - `refresh>`: one per event and time slot (a deterministic id): every answer within a slot is shown by the same
//   edit of each copy, and a slot's job that finds newer answers once done schedules the next slot, so the last state
//   is always shown;
// - `remind>`: a day and an hour before, keyed by the start time, so an edit that moves the event makes new ones and
//   the old ones find the time changed and do nothing;
// - `post>`: a copy for a group in its quiet hours, posted when they end.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock, Context, Group, Outbox, Translate } from '../../core/context.js';
import { qualify, unqualify, type QualifiedId } from '../../core/envelope.js';
import type { DeliveryHandlers, HoldPolicy } from '../../core/feature.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { Db } from '../../db/client.js';
import type { GroupDefaults, GroupRepository } from '../../db/groups.js';
import { jobId } from '../../queue/names.js';
import { instantOfLocal, localDayOf, offsetAt } from '../quiet-and-flood/zoned-time.js';
import type { CommunityRepository } from '../communities/repository.js';
import { privateChatOf } from '../../core/private-chat.js';
import { eventButtons, eventText, whenText, type Where } from './render.js';
import { EventRepository, NAMES_SHOWN, type CommunityEvent, type NewEvent, type Rsvp } from './repository.js';
import type { RsvpAnswer } from './schema.js';

export const EVENTS_QUEUE = 'events';

export interface EventOptions {
  /** The shortest time between two edits of one copy: answers in between are shown together. */
  editIntervalMs: number;
  /** Where the public listener is reached from outside (`https://quartier.example.org`), for calendar links. */
  publicUrl?: string;
  /** Reminders this long before the start. */
  reminders: { day: number; hour: number };
}

export const DEFAULT_EVENT_OPTIONS: EventOptions = {
  // Telegram allows about 20 messages a minute in a group, edits included; one edit per copy every 6 s stays under.
  editIntervalMs: 6_000,
  reminders: { day: 24 * 3600_000, hour: 3600_000 },
};

export type EventJob =
  | { kind: 'refresh'; event: number }
  | { kind: 'remind'; event: number; which: 'day' | 'hour'; startsAt: number; due: number }
  | { kind: 'post'; event: number; target: QualifiedId };

/** What those going are told: a reminder, a cancellation, a change. */
export type Notice = 'day' | 'hour' | 'cancelled' | 'edited';

/** The reference an outbound message of this feature carries in its origin. */
export interface EventRef extends Record<string, unknown> {
  event: number;
  kind: 'post' | 'notice';
  version?: number;
  notice?: Notice;
  /** A private notice: the group to tell instead when it cannot be delivered. */
  group?: QualifiedId;
  tag?: string;
}

export interface EventDeps {
  db: Db;
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  translate: Translate;
  clock: Clock;
  log: Logger;
  groups: GroupRepository;
  communities: Pick<CommunityRepository, 'groupsOf'>;
  defaults: GroupDefaults;
  /** Quiet hours, when that feature runs: a copy for a quiet group waits for their end. */
  hold?: () => HoldPolicy | undefined;
  options?: Partial<EventOptions>;
}

/** `community:<id>`, or `group:<id>` for a group in no community. */
export function scopeOf(group: Pick<Group, 'id' | 'communityId'>): string {
  return group.communityId !== null ? `community:${group.communityId}` : `group:${group.id}`;
}

/** Where the bot writes to a person privately; the console plays it as `console:@<person>`. */
export function privateTargetOf(personId: QualifiedId): QualifiedId | undefined {
  try {
    const { platform, bare } = unqualify(personId);
    return platform === 'console' ? qualify('console', `@${bare}`) : privateChatOf(personId);
  } catch {
    return undefined;
  }
}

const postId = (event: CommunityEvent) => `event:${event.id}:post`;

export class EventService {
  readonly events: EventRepository;
  readonly options: EventOptions;
  readonly queue: Queue<EventJob>;

  constructor(private readonly deps: EventDeps) {
    this.events = new EventRepository(deps.db);
    this.options = { ...DEFAULT_EVENT_OPTIONS, ...deps.options, reminders: { ...DEFAULT_EVENT_OPTIONS.reminders, ...deps.options?.reminders } };
    this.queue = new Queue<EventJob>(EVENTS_QUEUE, {
      connection: deps.redis,
      prefix: deps.prefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 2 * 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    this.queue.on('error', () => {});
  }

  /** The app's clock (injected in tests). */
  now(): number {
    return this.deps.clock.now();
  }

  private async where(target: QualifiedId): Promise<Where> {
    const group = await this.deps.groups.find(target);
    return { language: group?.language ?? this.deps.defaults.language, timezone: group?.timezone ?? this.deps.defaults.timezone };
  }

  /** The chats a new event of `origin` goes to: the origin first, then the community's other active groups. */
  async targetsFor(origin: Pick<Group, 'id' | 'communityId'>): Promise<QualifiedId[]> {
    if (origin.communityId === null) return [origin.id];
    const members = await this.deps.communities.groupsOf(origin.communityId);
    return [origin.id, ...members.filter((g) => g.active && g.id !== origin.id).map((g) => g.id)];
  }

  async create(ctx: Context, input: Omit<NewEvent, 'scope' | 'originGroup' | 'authorId' | 'authorName' | 'envelopeId' | 'targets' | 'now'>, status: 'scheduled' | 'proposed') {
    return this.events.create(
      {
        ...input,
        scope: scopeOf(ctx.group),
        originGroup: ctx.group.id,
        authorId: ctx.envelope.sender.id,
        authorName: ctx.envelope.sender.name,
        envelopeId: ctx.envelope.id,
        targets: status === 'scheduled' ? await this.targetsFor(ctx.group) : [],
        now: new Date(this.deps.clock.now()),
      },
      status,
    );
  }

  /** The copy for one target, as it stands now. */
  private async copyMessage(event: CommunityEvent, target: QualifiedId): Promise<Omit<OutboundMessage, 'id' | 'action'>> {
    const where = await this.where(target);
    const attendance = await this.events.attendance(event.id);
    return {
      target,
      people: [...(event.authorId ? [event.authorId] : []), ...attendance.goingIds.slice(0, NAMES_SHOWN)],
      text: eventText(this.deps.translate, where, event, attendance),
      buttons: eventButtons(this.deps.translate, where.language, event),
      origin: { feature: 'events', ref: { event: event.id, kind: 'post', version: event.version } satisfies EventRef },
    };
  }

  /**
   * Posts every copy. The origin's answers the person who asked when `reply` is given (never held: they are waiting);
   * a copy for a group in its quiet hours waits for their end as a job that posts it then, so it keeps its buttons.
   */
  async publish(event: CommunityEvent, reply?: Context): Promise<number> {
    const now = this.deps.clock.now();
    const hold = this.deps.hold?.();
    for (const target of event.targets) {
      const copy = await this.copyMessage(event, target);
      const message: OutboundMessage = { ...copy, id: postId(event), action: 'send' };
      if (reply && target === reply.group.id) {
        // A plain post even for a Discord slash command (the command's own reply answers the interaction): a copy
        // must stay a channel message that later edits can reach.
        const env = reply.envelope;
        await this.deps.outbox.enqueue({ ...message, replyTo: env.interaction ? undefined : env.messageId, threadId: env.chat.threadId, urgent: true });
        continue;
      }
      const until = hold ? await hold(message, now) : undefined;
      if (until !== undefined && until > now) {
        await this.queue.add('post', { kind: 'post', event: event.id, target }, { jobId: jobId('post', String(event.id), target), delay: until - now });
        continue;
      }
      await this.deps.outbox.enqueue(message);
    }
    await this.scheduleReminders(event);
    this.deps.log.info({ event: event.id, targets: event.targets.length }, 'event published');
    return event.targets.length;
  }

  /** A held copy, once the group's quiet hours are over. */
  private async postHeld(eventId: number, target: QualifiedId): Promise<void> {
    const event = await this.events.find(eventId);
    if (!event || event.status !== 'scheduled') return;
    const copy = await this.copyMessage(event, target);
    await this.deps.outbox.enqueue({ ...copy, id: postId(event), action: 'send', urgent: true });
  }

  /** Records an answer and schedules the copies' update; false when it changed nothing. */
  async answer(event: CommunityEvent, person: { id: QualifiedId; name: string }, answer: RsvpAnswer, groupId: QualifiedId): Promise<boolean> {
    const changed = await this.events.answer(event, { personId: person.id, personName: person.name, answer, groupId, at: new Date(this.deps.clock.now()) });
    if (changed) await this.scheduleRefresh(event.id);
    return changed;
  }

  /**
   * One refresh job per event and time slot: answers arriving within a slot share it. Slots follow the real clock,
   * as the platforms' limits do.
   */
  async scheduleRefresh(eventId: number, minDelayMs = 0): Promise<void> {
    const interval = this.options.editIntervalMs;
    const now = Date.now() + minDelayMs;
    const slot = Math.floor(now / interval) + 1;
    await this.queue.add(
      'refresh',
      { kind: 'refresh', event: eventId },
      { jobId: jobId('refresh', String(eventId), String(slot)), delay: Math.max(0, slot * interval - Date.now()), removeOnComplete: true, removeOnFail: true },
    );
  }

  /** Brings every delivered copy that shows an older version up to the current one (one edit each). */
  async refresh(eventId: number): Promise<number> {
    const event = await this.events.find(eventId);
    if (!event) return 0;
    let edited = 0;
    for (const copy of await this.events.copies(eventId)) {
      if (copy.shownVersion >= event.version || copy.messageIds.length === 0) continue;
      const message = await this.copyMessage(event, copy.target);
      await this.deps.outbox.enqueue({ ...message, id: `event:${event.id}:v${event.version}`, action: 'edit', editOf: copy.messageIds, urgent: true });
      await this.events.copyShown(eventId, copy.target, event.version);
      edited++;
    }
    // An answer that came in while this ran is shown by the next slot.
    const now = await this.events.find(eventId);
    if (now && now.version > event.version) await this.scheduleRefresh(eventId);
    return edited;
  }

  /**
   * The day-before reminder comes at the same local time the day before in the origin group's zone (23 or 25 hours
   * before across a daylight-saving change), the hour-before one an hour before.
   */
  reminderTimes(event: CommunityEvent, timeZone: string): { day: number; hour: number } {
    const startsAt = event.startsAt.getTime();
    const day = localDayOf(timeZone, startsAt);
    const minute = Math.round((startsAt + offsetAt(timeZone, startsAt)) / 60_000) - day * 1440;
    const sameTimeDayBefore = this.options.reminders.day === DEFAULT_EVENT_OPTIONS.reminders.day ? instantOfLocal(timeZone, day - 1, minute) : startsAt - this.options.reminders.day;
    return { day: sameTimeDayBefore, hour: startsAt - this.options.reminders.hour };
  }

  async scheduleReminders(event: CommunityEvent): Promise<void> {
    const now = this.deps.clock.now();
    const startsAt = event.startsAt.getTime();
    const times = this.reminderTimes(event, (await this.where(event.originGroup)).timezone);
    for (const which of ['day', 'hour'] as const) {
      const due = times[which];
      if (due <= now) continue;
      await this.queue.add('remind', { kind: 'remind', event: event.id, which, startsAt, due }, { jobId: jobId('remind', String(event.id), which, String(startsAt)), delay: due - now });
    }
  }

  /** A reminder job: only if the event is still on, at the time the job was made for. */
  async remind(eventId: number, which: 'day' | 'hour', startsAt: number): Promise<number> {
    const event = await this.events.find(eventId);
    if (!event || event.status !== 'scheduled' || event.startsAt.getTime() !== startsAt) return 0;
    return this.notifyGoing(event, which, `remind-${which}-${startsAt}`);
  }

  /**
   * Tells everyone going: privately where the platform allows, else (or when that fails) one message in the group
   * where they answered. Group messages are not urgent: quiet hours hold them.
   */
  async notifyGoing(event: CommunityEvent, notice: Notice, tag: string): Promise<number> {
    const going = await this.events.going(event.id);
    const groups = new Set<QualifiedId>();
    for (const rsvp of going) {
      const target = privateTargetOf(rsvp.personId);
      if (!target) {
        groups.add(rsvp.groupId);
        continue;
      }
      const where = await this.where(rsvp.groupId);
      await this.deps.outbox.enqueue({
        id: `event:${event.id}:${tag}:${rsvp.personId}`,
        target,
        action: 'send',
        text: this.noticeText(event, notice, where),
        urgent: true,
        people: [rsvp.personId],
        origin: { feature: 'events', ref: { event: event.id, kind: 'notice', notice, group: rsvp.groupId, tag } satisfies EventRef },
      });
    }
    for (const group of groups) await this.notifyGroup(event, notice, tag, group);
    return going.length;
  }

  private async notifyGroup(event: CommunityEvent, notice: Notice, tag: string, group: QualifiedId): Promise<void> {
    const where = await this.where(group);
    await this.deps.outbox.enqueue({ id: `event:${event.id}:${tag}:group`, target: group, action: 'send', text: this.noticeText(event, notice, where) });
  }

  private noticeText(event: CommunityEvent, notice: Notice, where: Where): string {
    return this.deps.translate(where.language, `events.notice_${notice}`, {
      id: event.id,
      title: event.title,
      when: whenText(this.deps.translate, where, event.startsAt),
      place: event.place ?? '',
    });
  }

  async cancel(event: CommunityEvent): Promise<CommunityEvent | undefined> {
    const cancelled = await this.events.setStatus(event.id, 'scheduled', 'cancelled', new Date(this.deps.clock.now()));
    if (!cancelled) return undefined;
    await this.scheduleRefresh(event.id);
    await this.notifyGoing(cancelled, 'cancelled', `cancelled-v${cancelled.version}`);
    return cancelled;
  }

  async edit(event: CommunityEvent, change: { title: string; place: string | null; startsAt: Date }): Promise<CommunityEvent | undefined> {
    const edited = await this.events.edit(event.id, change, new Date(this.deps.clock.now()));
    if (!edited) return undefined;
    await this.scheduleRefresh(event.id);
    await this.scheduleReminders(edited);
    await this.notifyGoing(edited, 'edited', `edited-v${edited.version}`);
    return edited;
  }

  /**
   * A copy delivered: its message ids are kept (edits need them) and, if answers came in since it was written, it is
   * brought up to date. A private notice that could not be delivered becomes one message in the person's group.
   */
  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      const ref = outcome.message.origin?.ref as EventRef | undefined;
      if (!ref) return;
      if (ref.kind === 'post' && outcome.kind === 'delivered' && outcome.message.action === 'send') {
        await this.events.copyDelivered(ref.event, outcome.message.target, outcome.result.messageIds, ref.version ?? 0);
        const event = await this.events.find(ref.event);
        if (event && event.version > (ref.version ?? 0)) await this.scheduleRefresh(ref.event);
        return;
      }
      if (ref.kind === 'notice' && outcome.kind === 'failed' && ref.group && ref.notice && ref.tag) {
        const event = await this.events.find(ref.event);
        if (event) await this.notifyGroup(event, ref.notice, ref.tag, ref.group);
      }
    },
  };

  startWorker(): { close(): Promise<void> } {
    const worker = new Worker<EventJob>(
      EVENTS_QUEUE,
      async (job: Job<EventJob>) => {
        const data = job.data;
        if (data.kind === 'refresh') await this.refresh(data.event);
        else if (data.kind === 'remind') await this.remind(data.event, data.which, data.startsAt);
        else await this.postHeld(data.event, data.target);
      },
      { connection: this.deps.redis, prefix: this.deps.prefix },
    );
    worker.on('error', (error) => this.deps.log.error({ err: error }, 'events worker error'));
    return { close: () => worker.close() };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export type { Rsvp };
