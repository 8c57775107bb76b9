// The inbound queue: adapters hand envelopes here and only acknowledge the platform once add() has resolved, so an
// accepted message survives a crash. It is split into partitions by chat; each partition is worked one job at a time,
// which keeps every chat's updates in order while different chats run side by side.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InboundSink } from '../core/adapter.js';
import type { Envelope } from '../core/envelope.js';
import { inboundQueueName, jobId, partitionOf } from './names.js';
import { envelopeSchema } from './payloads.js';
import { PartitionLeases, type LeaseOptions, type PartitionRunner } from './partitions.js';

export interface InboundOptions {
  redis: Redis;
  prefix: string;
  partitions: number;
}

export class InboundQueue {
  readonly queues: Queue<Envelope>[];

  constructor(private readonly options: InboundOptions) {
    this.queues = Array.from(
      { length: options.partitions },
      (_, p) =>
        new Queue<Envelope>(inboundQueueName(p), {
          connection: options.redis,
          prefix: options.prefix,
          defaultJobOptions: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 500 },
            // Kept an hour: the same platform event added again meanwhile (a webhook retry) is ignored by its id.
            removeOnComplete: { age: 3600, count: 50_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
    );
  }

  /** The sink adapters call. Resolves once the envelope is stored in Redis. */
  readonly sink: InboundSink = async (envelope) => {
    const queue = this.queues[partitionOf(envelope.chat.id, this.options.partitions)]!;
    await queue.add(envelope.kind, envelope, { jobId: jobId(envelope.id) });
  };

  async depth(): Promise<number> {
    const counts = await Promise.all(this.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

export type EnvelopeProcessor = (envelope: Envelope, claim: string) => Promise<unknown>;

export interface InboundWorkersOptions extends InboundOptions {
  process: EnvelopeProcessor;
  log: Logger;
  partitionsToWork?: number[];
  /** Partition leases (see partitions.ts); tests and the chaos suite shorten them. */
  lease?: Partial<LeaseOptions>;
  /** BullMQ job lock: a dead process's job in hand goes back to the head of its partition once this lapses. */
  lockMs?: number;
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
  const running = new Map<number, { worker: Worker<Envelope>; queue: Queue<Envelope>; stopped: boolean }>();

  const createWorker = (p: number) => {
    const worker = new Worker<Envelope>(
      inboundQueueName(p),
      async (job: Job<Envelope>) => {
        const parsed = envelopeSchema.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`malformed envelope: ${parsed.error.message}`);
        // The claim names this job (not this attempt): a retry of the same job is not a duplicate event.
        await options.process(parsed.data as Envelope, `${job.id}@${job.timestamp}`);
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
    worker.on('error', (error) => options.log.error({ err: error, partition: p }, 'inbound worker error'));
    worker.on('failed', (job, error) =>
      options.log.error({ err: error, partition: p, jobId: job?.id, attempts: job?.attemptsMade }, 'inbound job failed'),
    );
    return worker;
  };

  const runner: PartitionRunner = {
    async start(p) {
      const worker = createWorker(p);
      const queue = new Queue<Envelope>(inboundQueueName(p), { connection: options.redis, prefix: options.prefix });
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
