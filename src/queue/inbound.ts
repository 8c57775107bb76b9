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

/** One worker per partition, concurrency 1: the order of a chat's updates is the order they were accepted. */
export function startInboundWorkers(options: InboundOptions & { process: EnvelopeProcessor; log: Logger; partitionsToWork?: number[] }): Worker<Envelope>[] {
  const partitions = options.partitionsToWork ?? Array.from({ length: options.partitions }, (_, p) => p);
  const connection = options.redis.duplicate();
  return partitions.map((p) => {
    const worker = new Worker<Envelope>(
      inboundQueueName(p),
      async (job: Job<Envelope>) => {
        const parsed = envelopeSchema.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`malformed envelope: ${parsed.error.message}`);
        // The claim names this job (not this attempt): a retry of the same job is not a duplicate event.
        await options.process(parsed.data as Envelope, `${job.id}@${job.timestamp}`);
      },
      { connection, prefix: options.prefix, concurrency: 1, lockDuration: 60_000 },
    );
    worker.on('error', (error) => options.log.error({ err: error, partition: p }, 'inbound worker error'));
    worker.on('failed', (job, error) =>
      options.log.error({ err: error, partition: p, jobId: job?.id, attempts: job?.attemptsMade }, 'inbound job failed'),
    );
    return worker;
  });
}
