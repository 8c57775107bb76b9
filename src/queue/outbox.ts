// The Outbox: the one way out. Every outbound message becomes one delivery job per target chat on that platform's
// delivery queue, with a deterministic id (so a retry or a re-run never posts twice) and a delay that encodes both
// quiet hours (hold until they end) and per-chat pacing (the chat's next free slot).
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Outbox } from '../core/context.js';
import { unqualify, type Platform } from '../core/envelope.js';
import { isMemberAction, type OutboundMessage } from '../core/outbound.js';
import type { PacingPolicy } from '../core/adapter.js';
import { deliveryQueueName, jobId } from './names.js';
import { ChatLanes } from './chat-lane.js';
import { ChatPacer } from './pacing.js';
import { outboundSchema, type DeliveryJob } from './payloads.js';
import type { Clock } from '../core/context.js';
import type { HeldStore, HoldPolicy } from '../core/feature.js';

export type { HeldStore, HoldPolicy };

export interface OutboxOptions {
  redis: Redis;
  prefix: string;
  pacing: (platform: Platform) => PacingPolicy;
  clock: Clock;
  hold?: HoldPolicy;
  /** With a hold policy: keeps held messages for a digest. Without one, a held message is a job delayed until then. */
  held?: HeldStore;
  /** Called after each enqueue; used by metrics. */
  onEnqueued?: (platform: Platform, held: boolean) => void;
}

export const DELIVERY_ATTEMPTS = 8;

export function deliveryJobId(message: OutboundMessage): string {
  return jobId(message.id, message.target);
}

export class QueueOutbox implements Outbox {
  private readonly queues = new Map<Platform, Queue<DeliveryJob>>();
  private readonly pacer: ChatPacer;
  readonly lanes: ChatLanes;

  constructor(private readonly options: OutboxOptions) {
    this.pacer = new ChatPacer(options.redis, options.prefix);
    this.lanes = new ChatLanes(options.redis, options.prefix);
  }

  queue(platform: Platform): Queue<DeliveryJob> {
    let queue = this.queues.get(platform);
    if (!queue) {
      queue = new Queue<DeliveryJob>(deliveryQueueName(platform), {
        connection: this.options.redis,
        prefix: this.options.prefix,
        defaultJobOptions: {
          attempts: DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          // Completed jobs are kept for a day so the same id added again (a re-run after a crash) is ignored.
          removeOnComplete: { age: 24 * 3600, count: 100_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
      // Connection trouble is the Redis client's to report and retry; without a listener BullMQ prints it raw.
      queue.on('error', () => {});
      this.queues.set(platform, queue);
    }
    return queue;
  }

  async enqueue(message: OutboundMessage): Promise<'queued' | 'held'> {
    outboundSchema.parse(message);
    const { platform } = unqualify(message.target);
    const now = this.options.clock.now();
    const holdUntil = message.urgent || !this.options.hold ? undefined : await this.options.hold(message, now);
    if (holdUntil !== undefined && (await this.options.held?.keep(message, holdUntil, now))) {
      this.options.onEnqueued?.(platform, true);
      return 'held';
    }
    const policy = this.options.pacing(platform);
    const earliest = Math.max(now, holdUntil ?? 0);
    // Edits and deletes of an interaction reply or of our own message are cheap for the chat, but they still count
    // against the platform's limits, so they are paced like sends. Member actions (restrict, remove) post nothing in
    // the chat and are not counted as its messages: they take no slot (a wave of 50 newcomers restricted does not
    // push their greeting back by 50 slots); the platform's global pace still applies to them.
    const member = isMemberAction(message.action);
    const slot = await this.pacer.reserve(message.target, earliest, member ? 0 : policy.perChatIntervalMs, member ? 0 : (policy.jitterMs ?? 0));
    const id = deliveryJobId(message);
    // The lane first: a job must never run before it has its place in the chat's order.
    await this.lanes.join(message.target, id, slot);
    await this.queue(platform).add(
      message.action,
      { message, enqueuedAt: now },
      { jobId: id, delay: Math.max(0, slot - now), ...(message.leavesNoTrace ? { removeOnComplete: true } : {}) },
    );
    this.options.onEnqueued?.(platform, holdUntil !== undefined);
    return 'queued';
  }

  get chatPacer(): ChatPacer {
    return this.pacer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
