// Delivery workers: the only code that calls adapters' send(). One worker per platform; per-chat pacing is already
// encoded in each job's delay by the Outbox, and the platform's global rate is booked when a job claims its turn.
import { DelayedError, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PlatformAdapter } from '../core/adapter.js';
import type { DeliveryHandlers, DeliveryOutcome } from '../core/feature.js';
import { DeliveryError, isMemberAction, type DeliveryResult } from '../core/outbound.js';
import type { DeliveryRepository } from '../db/deliveries.js';
import { scrubValue } from './erase.js';
import { deliveryQueueName } from './names.js';
import type { ChatLanes } from './chat-lane.js';
import { resolveFiles, type FileBudgets, type FileSources } from './files.js';
import type { ChatPacer } from './pacing.js';
import { deliveryJobSchema, type DeliveryJob } from './payloads.js';

export interface DeliveryEvents {
  delivered(platform: string, job: DeliveryJob, result: DeliveryResult): void;
  failed(platform: string, job: DeliveryJob, reason: string): void;
  rateLimited(platform: string): void;
  /** An attempt failed and the job will be tried again. */
  retrying?(platform: string, job: DeliveryJob): void;
  chatGone(chatId: string, reason: string): Promise<void>;
}

/** The delivery handlers of the feature an outbound message's origin names (see core/feature.ts). */
export type HandlersOf = (feature: string) => DeliveryHandlers | undefined;

export interface DeliveryWorkerOptions {
  adapter: PlatformAdapter;
  redis: Redis;
  prefix: string;
  pacer: ChatPacer;
  /** Per-chat order and spacing at run time (see chat-lane.ts). */
  lanes: ChatLanes;
  deliveries: DeliveryRepository;
  events: DeliveryEvents;
  log: Logger;
  concurrency?: number;
  /** BullMQ job lock (default 60 s): a dead worker's job in hand is retried by another once it lapses. */
  lockMs?: number;
  /** Routes each message's outcome to the feature its origin names. */
  handlers?: HandlersOf;
  /** The adapters this process can fetch files from (a bridged photo is fetched from where it was posted). */
  fileSources?: FileSources;
  /** Memory for files: per job, and shared by the process's delivery workers (see files.ts). */
  fileBudgets?: FileBudgets;
}

const SENT_TTL_SECONDS = 7 * 24 * 3600;
/** How long a failed outcome handler waits before it runs again. */
const HANDLER_RETRY_MS = 5_000;

/** What the sent marker holds once a delivery has failed for good, until its failure is handled. */
interface StoredFailure {
  failure: { reason: string; chatGone: boolean; missingPermission?: string; unsupported?: boolean };
}

export function startDeliveryWorker(options: DeliveryWorkerOptions): Worker<DeliveryJob> {
  const { adapter, redis, prefix, log } = options;
  const platform = adapter.platform;
  const sentKey = (id: string) => `${prefix}:sent:${id}`;
  // Parts of a split text already posted by an attempt that failed on a later part: the retry resumes after them.
  const partsKey = (id: string) => `${prefix}:parts:${id}`;
  // Which of those parts carry only a file (the bridge's edits leave such copies alone).
  const fileOnlyKey = (id: string) => `${prefix}:parts:file-only:${id}`;

  // Wakes the chat's next job as soon as this one leaves the lane, instead of letting it find out on its next check.
  const queue = new Queue<DeliveryJob>(deliveryQueueName(platform), { connection: redis, prefix });
  const leaveLane = async (chatId: string, jobId: string): Promise<void> => {
    const next = await options.lanes.leave(chatId, jobId);
    if (!next) return;
    // A handle is all promote() needs (it names the job by id), so the job is not read first. BullMQ promotes only a
    // job that is still delayed; one that already runs, or is gone, is refused, and that is fine: nothing to wake.
    await new Job<DeliveryJob>(queue, 'wake', undefined as never, {}, next).promote().catch(() => {});
  };

  const handlersFor = (message: DeliveryJob['message']): DeliveryHandlers | undefined =>
    message.origin ? options.handlers?.(message.origin.feature) : undefined;

  const processor = async (job: Job<DeliveryJob>, token?: string): Promise<DeliveryResult> => {
    const parsed = deliveryJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed delivery job: ${parsed.error.message}`);
    let data = parsed.data;
    let message = data.message;
    const id = job.id!;
    const handlers = handlersFor(message);

    // Idempotency: if an earlier attempt got the platform's answer but died before completing the job, the answer is
    // in the "sent" marker and we do not post again (the claim reads it first, in the same round trip). The window
    // left is between the platform's answer and the SET below.
    const claim = () =>
      options.lanes.claim({
        chatId: message.target,
        jobId: id,
        queueKey: `${prefix}:${job.queueName}`,
        sentKey: sentKey(id),
        readLists: [partsKey(id), fileOnlyKey(id)],
        now: Date.now(),
        // A member action posts nothing in the chat: it keeps its place in the chat's order but neither waits for the
        // chat's spacing nor uses it up (see the Outbox).
        intervalMs: isMemberAction(message.action) ? 0 : adapter.pacing.perChatIntervalMs,
        globalIntervalMs: adapter.pacing.globalIntervalMs,
      });
    const turn = await claim();
    let result: DeliveryResult;
    if (turn.kind === 'sent') {
      const stored = JSON.parse(turn.result) as DeliveryResult | StoredFailure;
      // A final failure whose handling did not finish (the process died, or the handler failed): handled again, not
      // sent again.
      if ('failure' in stored) return finishFailure(job, token, data, stored.failure);
      result = stored;
    } else {
      if (turn.kind === 'wait') {
        await job.moveToDelayed(turn.retryAt, token);
        throw new DelayedError();
      }
      const [posted = [], postedFileOnly = []] = turn.lists;
      let more: DeliveryResult | undefined;
      // The job's share of the process's file budget, given back as soon as the send is over.
      let releaseFiles = () => {};
      try {
        const prepared = await handlers?.prepare?.(message, id);
        if (prepared?.skip !== undefined) return await completeSkipped(job, data, prepared.skip);
        if (prepared?.message) {
          message = prepared.message;
          data = { ...data, message };
        }
        // Files are fetched now, at the job's turn; a failed fetch at the source is retried like a failed send.
        const files = await resolveFiles(message, adapter, options.fileSources ?? (() => undefined), options.fileBudgets);
        releaseFiles = files.release;
        for (const refusal of files.refused) log.info({ target: message.target, jobId: id, reason: refusal.reason }, 'file sent as a notice');
        // A long text goes one part per turn of its chat: parts sent back to back break the platform's per-chat
        // limit (Telegram answers the third of three with 429). Without per-chat spacing (tests, benchmarks) and
        // for files (fetched once per run: see files.ts) the parts go together.
        const onePerTurn = adapter.pacing.perChatIntervalMs > 0 && message.action === 'send' && !message.interaction && !files.message.uploads?.length;
        // Right before the send, whatever the files took: at the time booked for it (a few ms ahead when other jobs
        // booked the ones before; waited here, not through the queue, so it is not lost) and one interval after the
        // platform's previous actual send.
        await options.lanes.spaceSend(`${prefix}:${job.queueName}`, adapter.pacing, turn.at);
        const sent = await adapter.send({ ...files.message, ...(posted.length > 0 ? { resumeAfter: posted.length } : {}), ...(onePerTurn ? { partLimit: 1 } : {}) });
        const fileOnlyIds = [...postedFileOnly, ...(sent.fileOnlyIds ?? [])];
        result = { messageIds: [...posted, ...sent.messageIds], ...(fileOnlyIds.length > 0 ? { fileOnlyIds } : {}) };
        if (sent.more) more = sent;
      } catch (error) {
        const delivered = error instanceof DeliveryError ? (error.details.deliveredIds ?? []) : [];
        const deliveredFileOnly = error instanceof DeliveryError ? (error.details.deliveredFileOnlyIds ?? []) : [];
        if (delivered.length > 0) {
          const tx = redis.multi().rpush(partsKey(id), ...delivered).expire(partsKey(id), SENT_TTL_SECONDS);
          if (deliveredFileOnly.length > 0) tx.rpush(fileOnlyKey(id), ...deliveredFileOnly).expire(fileOnlyKey(id), SENT_TTL_SECONDS);
          await tx.exec();
        }
        releaseFiles();
        return handleFailure(job, token, data, error);
      }
      releaseFiles();
      if (more) {
        // Parts remain: what was posted is kept for the next run (as after a failure part-way), and the job waits for
        // its chat's next turn, still at the head of the chat's lane so nothing else goes in between.
        const tx = redis.multi().rpush(partsKey(id), ...more.messageIds).expire(partsKey(id), SENT_TTL_SECONDS);
        if (more.fileOnlyIds?.length) tx.rpush(fileOnlyKey(id), ...more.fileOnlyIds).expire(fileOnlyKey(id), SENT_TTL_SECONDS);
        await tx.exec();
        await job.moveToDelayed(Date.now() + adapter.pacing.perChatIntervalMs, token);
        throw new DelayedError();
      }
      if (message.leavesNoTrace) await redis.del(sentKey(id), partsKey(id), fileOnlyKey(id));
      else await redis.multi().set(sentKey(id), JSON.stringify(result), 'EX', SENT_TTL_SECONDS).del(partsKey(id), fileOnlyKey(id)).exec();
    }
    // Before leaving the lane: the chat's next job (an edit of this copy) must find what the handler records.
    await handlers?.outcome?.({ kind: 'delivered', message, jobId: id, result });
    await leaveLane(message.target, id);
    // Resolves once the row is committed (rows are written in batches, see deliveries.ts): the job completes after.
    if (!message.leavesNoTrace) {
      await options.deliveries.record({
        jobId: id,
        outboundId: message.id,
        target: message.target,
        status: 'delivered',
        messageIds: result.messageIds,
        attempts: job.attemptsMade + 1,
      });
    }
    options.events.delivered(platform, data, result);
    return result;
  };

  /** A hook found nothing to do (an edit of a copy that was never posted): done, with no message. */
  const completeSkipped = async (job: Job<DeliveryJob>, data: DeliveryJob, reason: string): Promise<DeliveryResult> => {
    const { target, id: outboundId } = data.message;
    log.debug({ target, jobId: job.id, reason }, 'delivery skipped');
    const result: DeliveryResult = { messageIds: [] };
    await handlersFor(data.message)?.outcome?.({ kind: 'delivered', message: data.message, jobId: job.id!, result });
    await leaveLane(target, job.id!);
    await options.deliveries.record({ jobId: job.id!, outboundId, target, status: 'delivered', messageIds: [], attempts: job.attemptsMade + 1 });
    options.events.delivered(platform, data, result);
    return result;
  };

  /**
   * A delivery that no attempt will fix: recorded, the chat marked gone where it is, and the failure handed to the
   * message's feature. A handler that fails is run again later (the job waits, it is not sent again).
   */
  const finishFailure = async (job: Job<DeliveryJob>, token: string | undefined, data: DeliveryJob, failure: StoredFailure['failure']): Promise<never> => {
    const message = data.message;
    const id = job.id!;
    await leaveLane(message.target, id);
    await options.deliveries.record({ jobId: id, outboundId: message.id, target: message.target, status: 'failed', error: failure.reason, attempts: job.attemptsMade + 1 });
    if (failure.chatGone) {
      log.warn({ target: message.target, reason: failure.reason }, 'chat is gone; marking the group inactive');
      await options.events.chatGone(message.target, failure.reason);
    }
    if (failure.missingPermission) log.warn({ target: message.target, permission: failure.missingPermission }, 'missing permission');
    const outcome: DeliveryOutcome = { kind: 'failed', message, jobId: id, ...failure, chatGone: failure.chatGone };
    try {
      await handlersFor(message)?.outcome?.(outcome);
    } catch (error) {
      log.error({ err: error, jobId: id, feature: message.origin?.feature }, 'failure handler failed; it runs again later');
      await job.moveToDelayed(Date.now() + HANDLER_RETRY_MS, token);
      throw new DelayedError();
    }
    options.events.failed(platform, data, failure.reason);
    log.warn({ target: message.target, jobId: id, reason: failure.reason }, 'delivery failed permanently');
    throw new UnrecoverableError(failure.reason);
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
      const failure: StoredFailure['failure'] = {
        reason,
        chatGone: error instanceof DeliveryError && error.details.chatGone === true,
        ...(error instanceof DeliveryError && error.details.missingPermission ? { missingPermission: error.details.missingPermission } : {}),
        ...(error instanceof DeliveryError && error.details.unsupported ? { unsupported: true } : {}),
      };
      // Kept before anything acts on it, so a run after a crash handles the failure without sending again.
      await redis.set(sentKey(id), JSON.stringify({ failure } satisfies StoredFailure), 'EX', SENT_TTL_SECONDS);
      return finishFailure(job, token, data, failure);
    }
    log.info({ target: message.target, jobId: id, attempt: job.attemptsMade + 1, reason }, 'delivery failed; will retry');
    options.events.retrying?.(platform, data);
    await handlersFor(message)?.outcome?.({ kind: 'retrying', message, jobId: id, reason });
    throw error instanceof Error ? error : new Error(reason);
  };

  const worker = new Worker<DeliveryJob>(deliveryQueueName(platform), processor, {
    // Shared: BullMQ duplicates it for its blocking reads and closes those itself; the caller closes this one.
    connection: redis,
    prefix,
    concurrency: options.concurrency ?? 16,
    // A send can take a while on a slow platform; the lock must outlive it.
    lockDuration: options.lockMs ?? 60_000,
    stalledInterval: Math.min(30_000, Math.max(500, Math.floor((options.lockMs ?? 60_000) / 2))),
  });
  worker.on('error', (error) => log.error({ err: error }, 'delivery worker error'));
  worker.on('closed', () => void queue.close());
  // BullMQ writes a job's life into the queue's event stream after the processor returns, so a message that leaves no
  // trace has those entries removed here, once it has completed.
  worker.on('completed', (job) => {
    if (!job.data.message.leavesNoTrace) return;
    scrubValue(redis, `${prefix}:${deliveryQueueName(platform)}:events`, (text) => text === job.id).catch((error: unknown) =>
      log.warn({ err: error }, 'could not remove a delivered job from the event stream'),
    );
  });
  return worker;
}
