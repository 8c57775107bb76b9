// `npm run bench`: one table, and bench/results/latest.json. Every case repeats and reports min / median / max.
//   1. substrate: BullMQ round trips/s on this Redis, bare no-op workers, same shape as the inbound queue
//   2. pipeline: envelopes/s through the whole pipeline (real app, console adapter, PGlite) into the Outbox; ÷ (1)
//   3. latency: inbound envelope → delivery call, p50 / p99, at a fixed 200 messages a second
//   4. the other benchmarks of bench/ (fan-out, relay, FAQ) as they exist, spawned, their JSON kept
//   5. memory: resident size of one process at idle and with 10,000 groups configured
//   6. scale-out: throughput with one and with three worker processes (needs TEST_DATABASE_URL or DATABASE_URL)
// Uses REDIS_URL when set, otherwise starts a throwaway redis-server. BENCH_QUICK=1 runs smaller cases.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Queue, Worker } from 'bullmq';
import { ConsoleAdapter } from '../adapters/console/index.js';
import { allCommands } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { wrapPglite, type Database } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { benchEnvelope } from './lib/envelopes.js';
import { runScaleOut } from './lib/scale.js';
import { percentile, repeat, round, spread, until, type Spread } from './lib/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const RUNS = quick ? 2 : 3;
const PARTITIONS = 16;
const CHATS = 200;

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const embedded = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redisUrl = process.env.REDIS_URL ?? embedded!.url;
const redis = connectRedis(redisUrl);
const runId = `${Date.now().toString(36)}`;
let runs = 0;
const nextPrefix = () => `bench-${runId}-${runs++}`;

async function clean(prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

// 1. The substrate: as many no-op jobs as case 2 sends, over the same 16 partition queues, one concurrency-1 worker
// each: what BullMQ itself can do here, so (2) is a fraction of something measured on the same machine and moment.
async function substrate(jobs: number): Promise<number> {
  const prefix = nextPrefix();
  const queues = Array.from({ length: PARTITIONS }, (_, p) => new Queue(`inbound-${p}`, { connection: redis, prefix }));
  let done = 0;
  const connection = redis.duplicate();
  const workers = queues.map(
    (q) => new Worker(q.name, async () => void done++, { connection, prefix, concurrency: 1, removeOnComplete: { count: 50_000 } }),
  );
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const started = performance.now();
  await Promise.all(Array.from({ length: jobs }, (_, n) => queues[n % PARTITIONS]!.add('m', { n }, { jobId: `j${n}` })));
  await until(() => done >= jobs, 120_000, 'substrate');
  const rate = jobs / ((performance.now() - started) / 1000);
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  await clean(prefix);
  return rate;
}

async function benchApp(db: Database) {
  const adapter = new ConsoleAdapter();
  const prefix = nextPrefix();
  const app = await createApp({
    db,
    redis,
    prefix,
    adapters: [adapter],
    commands: allCommands,
    log: silentLogger,
    defaults: { language: 'en', timezone: 'Europe/Paris' },
    partitions: PARTITIONS,
    role: 'all',
  });
  await app.start();
  return {
    app,
    adapter,
    stop: async () => {
      await app.stop();
      await clean(prefix);
    },
  };
}

// 2. Envelopes through the whole pipeline. One in ten is a command whose reply goes into the Outbox.
async function pipeline(db: Database, envelopes: number): Promise<number> {
  const { app, stop } = await benchApp(db);
  let processed = 0;
  app.events.on('processed', () => processed++);
  const run = nextPrefix();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: envelopes }, (_, n) => app.sink(benchEnvelope(run, n, CHATS, n % 10 === 0 ? '/rules' : `hello ${n}`))),
  );
  await until(() => processed >= envelopes, 180_000, 'pipeline');
  const rate = envelopes / ((performance.now() - started) / 1000);
  await stop();
  return rate;
}

// 3. Latency at a fixed offered load: every envelope is a command, so each one ends in a delivery call.
async function latency(db: Database, perSecond: number, seconds: number): Promise<{ p50: number; p99: number }> {
  const { app, adapter, stop } = await benchApp(db);
  const run = nextPrefix();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  adapter.onDelivery((delivery) => {
    const source = delivery.message.id.split(':reply')[0]!;
    const at = sentAt.get(source);
    if (at !== undefined) latencies.push(performance.now() - at);
  });
  const total = perSecond * seconds;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    // Open loop: the n-th message goes at its scheduled time whatever happened to the earlier ones.
    const due = started + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const envelope = benchEnvelope(run, n, CHATS, '/rules');
    sentAt.set(envelope.id, performance.now());
    void app.sink(envelope);
  }
  await until(() => latencies.length >= total, 60_000, 'latency');
  await stop();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

// 4. The other benchmarks in bench/, each spawned once; the last JSON object each prints is kept.
async function spawnJson(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? lastJson(out) ?? { output: out.slice(-500) } : { error: `exit ${code}`, stderr: err.slice(-500) });
    });
  });
}

function lastJson(text: string): unknown {
  // The last top-level {...} block printed.
  for (let end = text.lastIndexOf('}'); end >= 0; end = text.lastIndexOf('}', end - 1)) {
    for (let start = text.lastIndexOf('{', end); start >= 0; start = text.lastIndexOf('{', start - 1)) {
      try {
        return JSON.parse(text.slice(start, end + 1));
      } catch {
        // not this brace; try an earlier one
      }
    }
  }
  return undefined;
}

// 5. Memory of one process (role all, PGlite in memory, console adapter), measured by the process itself.
async function memory(groups: number): Promise<{ idle: number; loaded: number }> {
  const result = (await spawnJson(path.join(here, 'lib/node.ts'), [], { ROLE: 'all', REDIS_URL: redisUrl, PREFIX: nextPrefix(), MEMORY_REPORT: String(groups), DATABASE_URL: '', NODE_OPTIONS: '--expose-gc', EXIT_AFTER_REPORT: '1' }, 180_000)) as { memory?: { idle: number; loaded: number } };
  if (!result.memory) throw new Error(`memory case failed: ${JSON.stringify(result)}`);
  return result.memory;
}

const MB = (bytes: number) => round(bytes / 1024 / 1024);
const results: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, quick };
const rows: [string, Spread | string, string, string][] = [];
const fmt = (s: Spread, digits = 0) => `${round(s.min, digits)} / ${round(s.median, digits)} / ${round(s.max, digits)}`;

const pglite = new PGlite();
const db = await wrapPglite(pglite, { migrate: true });

const JOBS = quick ? 1000 : 3000;
const sub = await repeat(RUNS, () => substrate(JOBS));
rows.push(['1. BullMQ round trips/s (bare workers)', sub, '', '']);

const pipe = await repeat(RUNS, () => pipeline(db, JOBS));
const ratio = spread(pipe.runs.map((r, i) => r / sub.runs[i]!));
rows.push(['2. pipeline envelopes/s', pipe, `ratio ${fmt(ratio, 2)}`, ratio.median >= 0.5 ? 'goal ≥ 0.5 met' : 'goal ≥ 0.5 MISSED']);

const lat = [] as { p50: number; p99: number }[];
for (let i = 0; i < RUNS; i++) lat.push(await latency(db, 200, quick ? 5 : 10));
const p50 = spread(lat.map((l) => l.p50));
const p99 = spread(lat.map((l) => l.p99));
rows.push(['3. latency p50 ms @ 200/s', p50, '', '']);
rows.push(['3. latency p99 ms @ 200/s', p99, '', p99.median < 50 ? 'goal < 50 ms met' : 'goal < 50 ms MISSED']);

const mem = [] as { idle: number; loaded: number }[];
for (let i = 0; i < (quick ? 1 : 2); i++) mem.push(await memory(10_000));
const idle = spread(mem.map((m) => MB(m.idle)));
const loaded = spread(mem.map((m) => MB(m.loaded)));
rows.push(['5. RSS MB at idle', idle, '', idle.median < 150 ? 'goal < 150 MB met' : 'goal < 150 MB MISSED']);
rows.push(['5. RSS MB with 10,000 groups', loaded, '', '']);

const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let scale: Record<string, unknown> = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure scale-out' };
if (databaseUrl) {
  const one = await repeat(RUNS, () => runScaleOut({ redisUrl, databaseUrl, workers: 1, envelopes: JOBS, partitions: PARTITIONS }));
  const three = await repeat(RUNS, () => runScaleOut({ redisUrl, databaseUrl, workers: 3, envelopes: JOBS, partitions: PARTITIONS }));
  rows.push(['6. envelopes/s, 1 worker process', one, '', '']);
  rows.push(['6. envelopes/s, 3 worker processes', three, `×${round(three.median / one.median, 2)}`, '']);
  scale = { oneWorker: one, threeWorkers: three };
} else rows.push(['6. scale-out', 'skipped', 'no TEST_DATABASE_URL', '']);

const others: Record<string, unknown> = {};
for (const [name, script, args] of [
  ['fanout', 'fanout.ts', []],
  ['telegram-fanout', 'telegram-fanout.ts', ['100', '2']],
  ['relay', 'relay.ts', []],
  ['faq', 'faq.ts', []],
] as const) {
  const file = path.join(here, script);
  if (!existsSync(file)) continue;
  others[name] = await spawnJson(file, [...args], { REDIS_URL: redisUrl }, 150_000);
  rows.push([`4. ${name} (bench/${script}, 1 run)`, 'see JSON', '', '']);
}

Object.assign(results, {
  substrate: sub,
  pipeline: pipe,
  ratio,
  latency: { p50, p99, offeredPerSecond: 200 },
  memoryMB: { idle, withGroups: loaded, groups: 10_000 },
  scale,
  others,
});

const table = [['case', 'min / median / max', '', 'goal'], ...rows.map(([name, s, extra, goal]) => [name, typeof s === 'string' ? s : fmt(s, 1), extra, goal])];
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
process.stdout.write(`\n${table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}\n\n`);
for (const [name, value] of Object.entries(others)) process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('written: bench/results/latest.json\n');

await db.close();
redis.disconnect();
await embedded?.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
