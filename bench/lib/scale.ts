// Bench case 6: envelopes/s with N worker processes on one Redis and one PostgreSQL database.
import { Cluster, scratchDatabase } from './cluster.js';
import { benchEnvelope } from './envelopes.js';
import { until } from './stats.js';

export async function runScaleOut(options: { redisUrl: string; databaseUrl: string; workers: number; envelopes: number; partitions: number }): Promise<number> {
  const database = await scratchDatabase(options.databaseUrl);
  const cluster = new Cluster({ redisUrl: options.redisUrl, databaseUrl: database.url, workers: options.workers, partitions: options.partitions, env: { LEASE_TTL_MS: '4000' } });
  try {
    await cluster.start();
    // Let the lease managers settle on their shares before timing.
    await new Promise((resolve) => setTimeout(resolve, options.workers > 1 ? 3000 : 500));
    const run = cluster.prefix;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.envelopes }, (_, n) => cluster.inbound.sink(benchEnvelope(run, n, 200, n % 10 === 0 ? '/rules' : `hello ${n}`))),
    );
    await until(async () => (await cluster.processedCount()) >= options.envelopes, 240_000, 'scale-out').catch(async (error: Error) => {
      const outputs = cluster.processes.map((p) => p.output().slice(-800)).join('\n---\n');
      throw new Error(`${error.message}; processed ${await cluster.processedCount()} of ${options.envelopes}, queued ${await cluster.inbound.depth()}\n${outputs}`);
    });
    return options.envelopes / ((performance.now() - started) / 1000);
  } finally {
    await cluster.stop();
    await database.drop();
  }
}
