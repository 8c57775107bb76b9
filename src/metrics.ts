// Prometheus metrics for /metrics. One registry per app instance, so tests can run several side by side.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(queueDepths: () => Promise<Record<string, number>>) {
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
  new Gauge({
    name: 'quartier_queue_depth',
    help: 'Jobs waiting, active or delayed, per queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, depth] of Object.entries(await queueDepths())) this.set({ queue }, depth);
    },
  });
  return { registry, messagesIn, commands, deliveries, rateLimited, stageErrors };
}

export type Metrics = ReturnType<typeof createMetrics>;
