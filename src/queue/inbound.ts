// The inbound queue: adapters hand envelopes here and only acknowledge the platform once the sink has resolved, so an
// accepted message survives a crash. It is split into partitions by chat; each partition is worked one job at a time,
// which keeps every chat's updates in order while different chats run side by side.
//
// One job carries a batch: the envelopes of one partition accepted while the previous add to that partition was on its
// way to Redis (group commit). A quiet bot sends batches of one and waits for nothing; a busy one pays BullMQ's
// per-job cost (a dozen Redis commands, a lock, an event) once per batch instead of once per message.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InboundSink } from '../core/adapter.js';
import type { Envelope } from '../core/envelope.js';
import { isInfrastructureError } from '../core/errors.js';
import { inboundQueueName, partitionOf } from './names.js';
import { envelopeSchema } from '../core/envelope.js';
import { PartitionLeases, type LeaseOptions, type PartitionRunner } from './partitions.js';

export interface InboundOptions {
  redis: Redis;
  prefix: string;
  partitions: number;
  /** Most envelopes in one job (default 50). */
  batchSize?: number;
}

/**
 * What an inbound job holds: envelopes of one partition in the order they were accepted. `claims` is only set on a
 * job that retries one envelope of an earlier batch: it keeps the claim that envelope was first processed under.
 */
export interface InboundBatch {
  envelopes: Envelope[];
  claims?: string[];
}

const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 500 },
  // Done jobs are kept a little while for inspection only (duplicates are caught by the pipeline's dedupe, not by job ids);
  // a batch can hold fifty envelopes with their raw events, so not many of them.
  removeOnComplete: { age: 600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The envelopes being gathered for one partition's next add. */
interface OpenBatch {
  envelopes: Envelope[];
  stored: Promise<void>;
}

export class InboundQueue {
  readonly queues: Queue<InboundBatch>[];
  private readonly open: (OpenBatch | undefined)[] = [];
  private readonly lastAdd: Promise<unknown>[] = [];
  private readonly batchSize: number;

  constructor(private readonly options: InboundOptions) {
    this.batchSize = options.batchSize ?? 50;
    this.queues = Array.from({ length: options.partitions }, (_, p) => {
      const queue = new Queue<InboundBatch>(inboundQueueName(p), { connection: options.redis, prefix: options.prefix, defaultJobOptions: JOB_OPTIONS });
      // Connection trouble is the Redis client's to report and retry (and the sink's caller sees its add fail).
      queue.on('error', () => {});
      return queue;
    });
  }

  /**
   * The sink adapters call. Resolves once the envelope is stored in Redis. The same event handed in twice (a webhook
   * retried) is stored twice and dropped by the pipeline's dedupe (see `admit`).
   */
  readonly sink: InboundSink = (envelope) => {
    const p = partitionOf(envelope.chat.id, this.options.partitions);
    let batch = this.open[p];
    if (!batch || batch.envelopes.length >= this.batchSize) batch = this.openBatch(p);
    batch.envelopes.push(envelope);
    return batch.stored;
  };

  /**
   * A new batch for partition `p`: it takes envelopes until the partition's previous add has finished and this turn
   * of the event loop is over (so a burst handed in together goes in one job), then is added as one job. Adds of one
   * partition go one after another, so their order in Redis is the order the envelopes were accepted.
   */
  private openBatch(p: number): OpenBatch {
    const envelopes: Envelope[] = [];
    const previous = this.lastAdd[p] ?? Promise.resolve();
    const batch: OpenBatch = {
      envelopes,
      stored: previous
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(async () => {
          if (this.open[p] === batch) this.open[p] = undefined;
          await this.queues[p]!.add('batch', { envelopes });
        }),
    };
    this.open[p] = batch;
    // The next batch waits for this add whether it succeeded or not; a failed add fails only its own envelopes' sinks.
    this.lastAdd[p] = batch.stored.catch(() => undefined);
    return batch;
  }

  /** Inbound jobs not yet done (each holds one or more envelopes). */
  async depth(): Promise<number> {
    const counts = await Promise.all(this.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
  }

  /** Lets adds already on their way land (their senders are waiting for them), a few seconds at most: Redis may be down. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise((resolve) => (timer = setTimeout(resolve, 5_000)));
    await Promise.race([Promise.all(this.lastAdd), givenUp]);
    clearTimeout(timer);
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

/** A job's envelopes with the claim each is processed under. Jobs stored before batches hold one bare envelope. */
function envelopesOf(job: Job<InboundBatch | Envelope>): { envelope: unknown; claim: string }[] {
  // The claim names this job and place (not this attempt): a retry of the same job is not a duplicate event.
  const data = job.data as Partial<InboundBatch>;
  if (!Array.isArray(data.envelopes)) return [{ envelope: job.data, claim: `${job.id}@${job.timestamp}` }];
  return data.envelopes.map((envelope, i) => ({ envelope, claim: data.claims?.[i] ?? `${job.id}@${job.timestamp}#${i}` }));
}

export type EnvelopeProcessor = (envelope: Envelope, claim: string) => Promise<unknown>;
/** An envelope's id and the claim it is processed under (its job and place in it, not the attempt). */
export interface ClaimedEvent {
  id: string;
  claim: string;
}
/** Which of a job's envelopes to process (the pipeline's dedupe), asked once per job. */
export type EnvelopeAdmission = (events: ClaimedEvent[]) => Promise<boolean[]>;

export interface InboundWorkersOptions extends InboundOptions {
  process: EnvelopeProcessor;
  /** Without it, every envelope is processed. */
  admit?: EnvelopeAdmission;
  log: Logger;
  partitionsToWork?: number[];
  /** Partition leases (see partitions.ts); tests and the chaos suite shorten them. */
  lease?: Partial<LeaseOptions>;
  /** BullMQ job lock: a dead process's job in hand goes back to the head of its partition once this lapses. */
  lockMs?: number;
  /**
   * How long a job meeting infrastructure errors is retried at the head of its partition (default 2 min); after
   * that, BullMQ's own retries take over and the partition's later jobs may overtake it.
   */
  inOrderRetryMs?: number;
}

/** One partition this process may work. close() stops working it here and frees its lease for other processes. */
export interface InboundPartitionHandle {
  readonly partition: number;
  /** Whether this process holds the partition's lease right now. */
  owned(): boolean;
  /** `force`: do not wait for the job in hand (it goes back to the partition once its lock lapses). */
  close(force?: boolean): Promise<void>;
}

/**
 * One worker per partition, concurrency 1: the order of a chat's updates is the order they were accepted. With
 * several processes, each partition is worked by whichever process holds its lease (partitions.ts).
 */
export function startInboundWorkers(options: InboundWorkersOptions): InboundPartitionHandle[] {
  const partitions = options.partitionsToWork ?? Array.from({ length: options.partitions }, (_, p) => p);
  const connection = options.redis.duplicate();
  const lockMs = options.lockMs ?? 60_000;
  const running = new Map<number, { worker: Worker<InboundBatch>; queue: Queue<InboundBatch>; stopped: boolean }>();
  const inOrderRetryMs = options.inOrderRetryMs ?? 120_000;
  // When each job that meets infrastructure errors first met one (its in-order retries stop after inOrderRetryMs).
  const failingSince = new Map<string, number>();

  const createWorker = (p: number, queue: Queue<InboundBatch>) => {
    const worker: Worker<InboundBatch> = new Worker<InboundBatch>(
      inboundQueueName(p),
      async (job: Job<InboundBatch>) => {
        try {
          await processJob(job);
          failingSince.delete(job.id!);
        } catch (error) {
          if (!isInfrastructureError(error)) throw error;
          // The database, Redis or the network failed: the job goes back to the head of its partition and the
          // partition waits a little (BullMQ's manual rate limit: not a failed attempt), so the chat's later updates
          // do not overtake it. What it had already finished is marked done and is skipped when it runs again.
          const since = failingSince.get(job.id!) ?? Date.now();
          failingSince.set(job.id!, since);
          if (Date.now() - since > inOrderRetryMs) {
            failingSince.delete(job.id!);
            throw error; // too long: BullMQ's own retries and, in the end, the failed set
          }
          const delay = Math.min(5_000, 250 * 2 ** Math.min(5, Math.floor((Date.now() - since) / 1_000)));
          options.log.warn({ err: error, partition: p, jobId: job.id, retryInMs: delay }, 'inbound job met an infrastructure error; retried in order');
          await worker.rateLimit(delay).catch(() => undefined);
          throw Worker.RateLimitError();
        }
      },
      {
        connection,
        prefix: options.prefix,
        concurrency: 1,
        lockDuration: lockMs,
        stalledInterval: Math.min(30_000, Math.max(500, Math.floor(lockMs / 2))),
        autorun: false,
      },
    );
    const processJob = async (job: Job<InboundBatch>) => {
      const items = envelopesOf(job);
      const admitted = options.admit
        ? await options.admit(items.map(({ envelope, claim }) => ({ id: (envelope as Partial<Envelope>).id ?? `malformed:${claim}`, claim })))
        : items.map(() => true);
      for (const [i, { envelope, claim }] of items.entries()) {
        if (!admitted[i]) continue;
        try {
          const parsed = envelopeSchema.safeParse(envelope);
          if (!parsed.success) throw new UnrecoverableError(`malformed envelope: ${parsed.error.message}`);
          await options.process(parsed.data as Envelope, claim);
        } catch (error) {
          // A job of one envelope keeps BullMQ's retries and, in the end, its failed set; an infrastructure error
          // fails the whole job, retried in order (above).
          if (items.length === 1 || isInfrastructureError(error)) throw error;
          // In a batch, the envelope that failed is retried on its own, under the same claim, and the rest go on:
          // one broken message must not hold back or re-run its neighbours. Its id is fixed so a re-run of this
          // batch (after a crash) does not add the retry twice.
          options.log.warn({ err: error, partition: p, jobId: job.id, index: i }, 'inbound envelope failed; retrying it alone');
          await queue.add('retry', { envelopes: [envelope as Envelope], claims: [claim] }, { ...JOB_OPTIONS, jobId: `${job.id}-retry-${i}`, delay: 500 });
        }
      }
    };
    worker.on('error', (error) => options.log.error({ err: error, partition: p }, 'inbound worker error'));
    worker.on('failed', (job, error) =>
      options.log.error({ err: error, partition: p, jobId: job?.id, attempts: job?.attemptsMade }, 'inbound job failed'),
    );
    return worker;
  };

  const runner: PartitionRunner = {
    async start(p) {
      const queue = new Queue<InboundBatch>(inboundQueueName(p), { connection: options.redis, prefix: options.prefix });
      const worker = createWorker(p, queue);
      const entry = { worker, queue, stopped: false };
      running.set(p, entry);
      // A job a previous owner still had in hand (it died, or lost its lease) must go back to the head of the
      // partition before anything newer runs, or that chat's order breaks. The stalled checker puts it back once its
      // lock lapses; only then does this worker start taking jobs. Not awaited: lease renewal must not wait on it.
      void (async () => {
        await worker.startStalledCheckTimer();
        while (!entry.stopped && (await queue.getActiveCount()) > 0) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, lockMs / 4)));
        }
        if (!entry.stopped) void worker.run().catch((error: unknown) => options.log.error({ err: error, partition: p }, 'inbound worker stopped'));
      })().catch((error: unknown) => options.log.error({ err: error, partition: p }, 'inbound partition start failed'));
    },
    async stop(p, force) {
      const entry = running.get(p);
      if (!entry) return;
      entry.stopped = true;
      await entry.worker.close(force);
      await entry.queue.close();
      running.delete(p);
    },
  };

  const leases = new PartitionLeases({ redis: options.redis, prefix: options.prefix, partitions, runner, log: options.log, lease: options.lease });
  const started = leases.start().catch((error: unknown) => options.log.error({ err: error }, 'partition leases did not start'));
  let open = partitions.length;
  return partitions.map((partition) => {
    let closing: Promise<void> | undefined;
    return {
      partition,
      owned: () => leases.owned().includes(partition),
      close: (force = false) =>
        (closing ??= (async () => {
          await started;
          await leases.drop(partition, force);
          // The last one out stops the lease manager and the shared connection.
          if (--open === 0) {
            await leases.close();
            connection.disconnect();
          }
        })()),
    };
  });
}
