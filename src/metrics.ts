// Prometheus metrics for /metrics. One registry per app instance, so tests can run several side by side. Every label
// value comes from the code (platform names, queue names, command names from the registry, outcomes), never from
// what a user typed.
import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface NamedQueue {
  /** The queue's name in metrics: partitions of one queue share it. */
  name: string;
  queue: Queue;
}

const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

interface QueueSnapshot {
  counts: Record<(typeof QUEUE_STATES)[number], number>;
  /** Age in seconds of the oldest job waiting to be worked (0 when none waits). */
  oldestWaitingSeconds: number;
}

/** Counts per state and the oldest waiting job of every named queue, partitions summed. */
async function snapshot(queues: NamedQueue[], now: number): Promise<Map<string, QueueSnapshot>> {
  const result = new Map<string, QueueSnapshot>();
  await Promise.all(
    queues.map(async ({ name, queue }) => {
      const [counts, oldest] = await Promise.all([
        queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed'),
        // Ascending: the first job of the wait list is the one that has waited longest.
        queue.getJobs(['waiting', 'prioritized'], 0, 0, true),
      ]);
      const entry = result.get(name) ?? { counts: { waiting: 0, delayed: 0, active: 0, failed: 0 }, oldestWaitingSeconds: 0 };
      entry.counts.waiting += (counts.waiting ?? 0) + (counts.prioritized ?? 0);
      entry.counts.delayed += counts.delayed ?? 0;
      entry.counts.active += counts.active ?? 0;
      entry.counts.failed += counts.failed ?? 0;
      const job = oldest[0];
      if (job) entry.oldestWaitingSeconds = Math.max(entry.oldestWaitingSeconds, Math.max(0, now - job.timestamp - (job.delay ?? 0)) / 1000);
      result.set(name, entry);
    }),
  );
  return result;
}

export function createMetrics(queues: () => NamedQueue[], clock: { now(): number } = { now: () => Date.now() }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'quartier_' });
  const messagesIn = new Counter({
    name: 'quartier_messages_in_total',
    help: 'Envelopes accepted from the platforms',
    labelNames: ['platform', 'kind'],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'quartier_commands_total',
    help: 'Commands handled, by outcome',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'quartier_deliveries_total',
    help: 'Delivery jobs finished, by outcome',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'quartier_rate_limited_total',
    help: '429 answers from the platforms (each moves a job, none fails it)',
    labelNames: ['platform'],
    registers: [registry],
  });
  const stageErrors = new Counter({
    name: 'quartier_stage_errors_total',
    help: 'Pipeline stages that threw',
    labelNames: ['stage'],
    registers: [registry],
  });
  // One snapshot per scrape, shared by the three queue gauges (each collects in turn).
  let pending: Promise<Map<string, QueueSnapshot>> | undefined;
  const scrape = () => (pending ??= snapshot(queues(), clock.now()).finally(() => setImmediate(() => (pending = undefined))));
  new Gauge({
    name: 'quartier_queue_depth',
    help: 'Jobs waiting, active or delayed, per queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, { counts }] of await scrape()) this.set({ queue }, counts.waiting + counts.active + counts.delayed);
    },
  });
  new Gauge({
    name: 'quartier_queue_jobs',
    help: 'Jobs per queue and state (waiting, delayed, active, failed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, { counts }] of await scrape()) {
        for (const state of QUEUE_STATES) this.set({ queue, state }, counts[state]);
      }
    },
  });
  new Gauge({
    name: 'quartier_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting to be worked, per queue (0 when none waits)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, { oldestWaitingSeconds }] of await scrape()) this.set({ queue }, oldestWaitingSeconds);
    },
  });
  const deliveryLatency = new Histogram({
    name: 'quartier_delivery_latency_seconds',
    help: 'From enqueue to the platform accepting the message (pacing waits included), per platform',
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const deliveryRetries = new Counter({
    name: 'quartier_delivery_retries_total',
    help: 'Delivery attempts that failed and will be tried again, per platform',
    labelNames: ['platform'],
    registers: [registry],
  });
  return { registry, messagesIn, commands, deliveries, rateLimited, stageErrors, deliveryLatency, deliveryRetries };
}

export type Metrics = ReturnType<typeof createMetrics>;
