// Delivery workers: the only code that calls adapters' send(). One worker per platform, with the platform's global
// rate as BullMQ's queue limiter; per-chat pacing was already encoded in each job's delay by the Outbox.
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PlatformAdapter } from '../core/adapter.js';
import { DeliveryError, type DeliveryResult } from '../core/outbound.js';
import type { DeliveryRepository } from '../db/deliveries.js';
import { deliveryQueueName } from './names.js';
import type { ChatPacer } from './pacing.js';
import { deliveryJobSchema, type DeliveryJob } from './payloads.js';

export interface DeliveryEvents {
  delivered(platform: string, job: DeliveryJob, result: DeliveryResult): void;
  failed(platform: string, job: DeliveryJob, reason: string): void;
  rateLimited(platform: string): void;
  chatGone(chatId: string, reason: string): Promise<void>;
  /** A target lacks a permission we need (Discord webhooks, Telegram deletes): shown in /bridge health. */
  missingPermission?(chatId: string, permission: string): void;
}

export interface DeliveryWorkerOptions {
  adapter: PlatformAdapter;
  redis: Redis;
  prefix: string;
  pacer: ChatPacer;
  deliveries: DeliveryRepository;
  events: DeliveryEvents;
  log: Logger;
  concurrency?: number;
}

const SENT_TTL_SECONDS = 7 * 24 * 3600;

export function startDeliveryWorker(options: DeliveryWorkerOptions): Worker<DeliveryJob> {
  const { adapter, redis, prefix, log } = options;
  const platform = adapter.platform;
  const sentKey = (id: string) => `${prefix}:sent:${id}`;

  const processor = async (job: Job<DeliveryJob>, token?: string): Promise<DeliveryResult> => {
    const parsed = deliveryJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed delivery job: ${parsed.error.message}`);
    const data = parsed.data;
    const message = data.message;
    const id = job.id!;

    // Idempotency: if an earlier attempt got the platform's answer but died before completing the job, the answer is
    // here and we do not post again. The window left is between the platform's answer and this SET.
    const already = await redis.get(sentKey(id));
    let result: DeliveryResult;
    if (already) {
      result = JSON.parse(already) as DeliveryResult;
    } else {
      try {
        result = await adapter.send(message);
      } catch (error) {
        return handleFailure(job, token, data, error);
      }
      await redis.set(sentKey(id), JSON.stringify(result), 'EX', SENT_TTL_SECONDS);
    }
    await options.deliveries.record({
      jobId: id,
      outboundId: message.id,
      target: message.target,
      status: 'delivered',
      messageIds: result.messageIds,
      attempts: job.attemptsMade + 1,
    });
    options.events.delivered(platform, data, result);
    return result;
  };

  const handleFailure = async (job: Job<DeliveryJob>, token: string | undefined, data: DeliveryJob, error: unknown): Promise<never> => {
    const message = data.message;
    const id = job.id!;
    if (error instanceof DeliveryError && error.kind === 'rate-limited') {
      // The platform named a time: move this job there (not a failed attempt) and keep the chat's later jobs behind it.
      const at = Date.now() + (error.details.retryAfterMs ?? 1000);
      await options.pacer.pushBack(message.target, at);
      options.events.rateLimited(platform);
      log.warn({ target: message.target, retryAfterMs: error.details.retryAfterMs }, 'rate limited; job moved');
      await job.moveToDelayed(at, token);
      throw new DelayedError();
    }
    const permanent = error instanceof DeliveryError && error.kind === 'permanent';
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const reason = error instanceof Error ? error.message : String(error);
    if (permanent || lastAttempt) {
      await options.deliveries.record({
        jobId: id,
        outboundId: message.id,
        target: message.target,
        status: 'failed',
        error: reason,
        attempts: job.attemptsMade + 1,
      });
      options.events.failed(platform, data, reason);
      if (error instanceof DeliveryError && error.details.chatGone) {
        log.warn({ target: message.target, reason }, 'chat is gone; marking the group inactive');
        await options.events.chatGone(message.target, reason);
      }
      if (error instanceof DeliveryError && error.details.missingPermission) {
        log.warn({ target: message.target, permission: error.details.missingPermission }, 'missing permission');
        options.events.missingPermission?.(message.target, error.details.missingPermission);
      }
      log.warn({ target: message.target, jobId: id, reason }, 'delivery failed permanently');
      throw new UnrecoverableError(reason);
    }
    log.info({ target: message.target, jobId: id, attempt: job.attemptsMade + 1, reason }, 'delivery failed; will retry');
    throw error instanceof Error ? error : new Error(reason);
  };

  const worker = new Worker<DeliveryJob>(deliveryQueueName(platform), processor, {
    connection: redis.duplicate(),
    prefix,
    concurrency: options.concurrency ?? 16,
    limiter: adapter.pacing.globalIntervalMs > 0 ? { max: 1, duration: adapter.pacing.globalIntervalMs } : undefined,
    // A send can take a while on a slow platform; the lock must outlive it.
    lockDuration: 60_000,
  });
  worker.on('error', (error) => log.error({ err: error }, 'delivery worker error'));
  return worker;
}
