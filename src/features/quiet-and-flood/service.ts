// Group rules as one service: the Outbox's hold policy and digest store, the reminder ledger, and what happens when a
// platform refuses to delete a member's message for us. Built once in app.ts; stages and commands reach it through
// ctx.services.rules.
import { Worker, type Job } from 'bullmq';
import type { Group, Outbox } from '../../core/context.js';
import type { DeliveryHandlers } from '../../core/feature.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { HoldPolicy } from '../../queue/outbox.js';
import { runAnnouncement, scheduleAnnouncement } from './announce.js';
import { HeldTraffic, QUIET_QUEUE, type AnnounceJob, type DigestJob, type HeldTrafficOptions, type QuietJob } from './held.js';
import { quietHoldPolicy } from './hold.js';
import { quietPeriodAt } from './quiet-hours.js';
import { ReminderLedger } from './reminders.js';
import { rulesSettings } from './settings.js';

/** The rules service needs exactly what its held-traffic store needs, and hands it on. */
export type GroupRulesOptions = HeldTrafficOptions;

/** What the stage remembers about a delete it asked for, so a refusal can still remind the member. */
interface PendingDelete extends Record<string, unknown> {
  chatId: string;
  memberId: string;
  memberName: string;
  messageId: string;
  threadId?: string;
}

const QUIET_DELETE_SUFFIX = ':quiet-delete';

export class GroupRules {
  readonly held: HeldTraffic;
  readonly reminders: ReminderLedger;
  readonly hold: HoldPolicy;
  private outbox: Outbox | undefined;

  constructor(private readonly options: GroupRulesOptions) {
    this.held = new HeldTraffic(options);
    this.reminders = new ReminderLedger(options.redis, options.prefix);
    this.hold = quietHoldPolicy(options.groups);
  }

  /** The Outbox is built after this service (it needs the hold policy); app.ts hands it in once it exists. */
  useOutbox(outbox: Outbox): void {
    this.outbox = outbox;
  }

  private noDeleteKey(chatId: string): string {
    return `${this.options.prefix}:quiet:no-delete:${chatId}`;
  }

  static deleteId(envelopeId: string): string {
    return `${envelopeId}${QUIET_DELETE_SUFFIX}`;
  }

  /** True once the platform refused to delete for us in this chat (until an admin chooses `/quiet mode` again). */
  async deleteRefused(chatId: string): Promise<boolean> {
    return (await this.options.redis.exists(this.noDeleteKey(chatId))) === 1;
  }

  /** `/quiet mode …` was set again: the admins may have granted the right since; try deleting again. */
  async forgetDeleteRefusal(chatId: string): Promise<void> {
    await this.options.redis.del(this.noDeleteKey(chatId));
  }

  /** Asks the delivery layer to delete a member's message; its origin names who wrote it, in case the platform refuses. */
  async requestDelete(envelopeId: string, pending: PendingDelete): Promise<void> {
    await this.requireOutbox().enqueue({
      id: GroupRules.deleteId(envelopeId),
      target: pending.chatId,
      action: 'delete',
      text: '',
      editOf: [pending.messageId],
      urgent: true,
      people: [pending.memberId],
      origin: { feature: 'quiet-and-flood', ref: { ...pending } },
    });
  }

  /** A quiet-hours delete the platform refused for lack of a right. */
  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      if (outcome.kind !== 'failed' || !outcome.missingPermission || outcome.message.action !== 'delete') return;
      await this.onMissingPermission(outcome.message.target, outcome.missingPermission, outcome.message);
    },
  };

  /**
   * The delivery layer reports a permanent refusal for lack of a right. For our quiet-hours deletes: stop deleting
   * in this chat (members get reminders instead), tell the admins once, and remind the member whose message stayed.
   */
  private async onMissingPermission(chatId: string, permission: string, message: OutboundMessage): Promise<void> {
    const { redis, log, translate } = this.options;
    const outbox = this.requireOutbox();
    const group = await this.options.groups.find(chatId);
    const language = group?.language ?? this.options.defaultLanguage;
    const first = (await redis.set(this.noDeleteKey(chatId), permission, 'NX')) === 'OK';
    if (first) {
      log.warn({ chat: chatId, permission }, 'cannot delete during quiet hours; reminding instead');
      await outbox.enqueue({
        id: `quiet-no-delete:${chatId}:${message.id}`,
        target: chatId,
        action: 'send',
        text: translate(language, 'quiet.delete_refused'),
        urgent: true,
      });
    }
    const pending = message.origin?.ref as PendingDelete | undefined;
    if (!pending || !group) return;
    const { quietHours } = rulesSettings(group);
    const now = this.options.clock.now();
    const period = quietHours ? quietPeriodAt(quietHours, new Date(now)) : null;
    if (!quietHours || !period) return;
    if (!(await this.reminders.firstQuietReminder(chatId, pending.memberId, period.end.getTime(), now))) return;
    await outbox.enqueue({
      id: `${message.id}:remind`,
      target: chatId,
      action: 'send',
      text: translate(language, 'quiet.remind', { name: pending.memberName, end: quietHours.end }),
      replyTo: pending.messageId,
      threadId: pending.threadId,
      urgent: true,
    });
  }

  /** After a change of quiet hours or of `/quiet announce`: schedules the next announcement, if any. */
  async scheduleAnnouncement(group: Group): Promise<void> {
    await scheduleAnnouncement(this.held.queue, group, this.options.clock.now());
  }

  /** The worker for digests and announcements (one queue: both are timers of quiet hours). */
  startWorker(outbox: Outbox = this.requireOutbox()): Worker<QuietJob> {
    const { redis, prefix, log, groups, translate } = this.options;
    const processor = async (job: Job<QuietJob>) => {
      if (job.name === 'announce') {
        await runAnnouncement(job.data as AnnounceJob, { queue: this.held.queue, groups, outbox, translate, now: this.options.clock.now() });
        return;
      }
      await this.held.deliver(job.data as DigestJob, outbox);
    };
    // Shared connection: BullMQ duplicates it for its blocking reads and closes those itself.
    const worker = new Worker<QuietJob>(QUIET_QUEUE, processor, { connection: redis, prefix });
    worker.on('error', (error) => log.error({ err: error }, 'group rules worker error'));
    return worker;
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new Error('group rules used before the Outbox was handed in');
    return this.outbox;
  }

  async close(): Promise<void> {
    await this.held.close();
  }
}
