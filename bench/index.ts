// `npm run bench`: one table, and bench/results/latest.json. Every case repeats and reports min / median / max.
//   1. substrate: BullMQ round trips/s on this Redis, bare no-op workers, same shape as the inbound queue
//   2. pipeline: envelopes/s through the whole pipeline (real app, console adapter) into the Outbox; ÷ (1)
//   3. latency: inbound envelope → delivery call, p50 / p99, at a fixed 200 messages a second
//   4. the other benchmarks of bench/ (fan-out, relay, FAQ), spawned and repeated; headline figures in the table
//   5. memory: resident size of the bot as `npm start` runs it (compiled), idle, and with 10,000 groups configured
//   6. scale-out: throughput with one and with three worker processes (needs TEST_DATABASE_URL or DATABASE_URL)
// Cases 2, 3 and 5 run on PGlite (the embedded default) and, when TEST_DATABASE_URL or DATABASE_URL names a PostgreSQL
// server, on PostgreSQL too (a scratch database, dropped afterwards).
// Wall-clock figures on a shared 2-core machine move with whatever else runs; two figures that do not: the CPU time
// this process spent per envelope (cases 1 and 2: the app, the load generator and BullMQ's client side; Redis's own
// CPU is not in it) and the Redis commands per envelope (INFO commandstats; exact only on the benchmark's own Redis).
// The first run of a case in a process pays for V8 compiling its code paths (about half the speed): cases 1 to 3 do
// one unmeasured warm-up run first.
// Uses REDIS_URL when set, otherwise starts a throwaway redis-server. BENCH_QUICK=1 runs smaller cases; BENCH_CASES=2,3
// runs only those cases (1 always runs with 2: the ratio needs it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { ConsoleAdapter } from '../adapters/console/index.js';
import { createApp } from '../src/app.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { groups } from '../src/db/schema/index.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { scratchDatabase } from './lib/cluster.js';
import { benchEnvelope } from './lib/envelopes.js';
import { buildBot, idleMemory, idleRss } from './lib/memory.js';
import { commandCounts, perEnvelope, type CommandCounts } from './lib/redis-stats.js';
import { runScaleOut } from './lib/scale.js';
import { percentile, round, spread, until, type Spread } from './lib/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const quick = process.env.BENCH_QUICK === '1';
const RUNS = quick ? 2 : 3;
const PARTITIONS = 16;
const CHATS = 200;
const cases = new Set((process.env.BENCH_CASES ?? '1,2,3,4,5,6').split(',').map((c) => c.trim()));
if (cases.has('2')) cases.add('1');
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

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

/** One measured run: envelopes (or jobs) per second, and this process's CPU and Redis's commands per envelope. */
interface Run {
  rate: number;
  cpuMs: number;
  redis: CommandCounts;
}

/** Times `work` (which handles `count` envelopes) with its CPU time and Redis commands. */
async function measure(count: number, work: () => Promise<void>): Promise<Run> {
  const commands = await commandCounts(redis);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: count / seconds, cpuMs: (used.user + used.system) / 1000 / count, redis: perEnvelope(commands, await commandCounts(redis), count) };
}

/** One unmeasured warm-up run, then `times` measured ones. */
async function repeatRuns(times: number, run: () => Promise<Run>): Promise<Run[]> {
  await run();
  const results: Run[] = [];
  for (let i = 0; i < times; i++) results.push(await run());
  return results;
}

// 1. The substrate: as many no-op jobs as case 2 sends, over the same 16 partition queues, one concurrency-1 worker
// each: what BullMQ itself can do here, so (2) is a fraction of something measured on the same machine and moment.
async function substrate(jobs: number): Promise<Run> {
  const prefix = nextPrefix();
  const queues = Array.from({ length: PARTITIONS }, (_, p) => new Queue(`inbound-${p}`, { connection: redis, prefix }));
  let done = 0;
  const connection = redis.duplicate();
  const workers = queues.map(
    (q) => new Worker(q.name, async () => void done++, { connection, prefix, concurrency: 1, removeOnComplete: { count: 50_000 } }),
  );
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const run = await measure(jobs, async () => {
    await Promise.all(Array.from({ length: jobs }, (_, n) => queues[n % PARTITIONS]!.add('m', { n }, { jobId: `j${n}` })));
    await until(() => done >= jobs, 120_000, 'substrate');
  });
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  await clean(prefix);
  return run;
}

async function benchApp(db: Database) {
  const adapter = new ConsoleAdapter();
  const prefix = nextPrefix();
  const app = await createApp({
    db,
    redis,
    prefix,
    adapters: [adapter],
    log: silentLogger,
    defaults: { language: 'en', timezone: 'Europe/Paris' },
    partitions: PARTITIONS,
    role: 'all',
    // Fifty synthetic members send commands many times a second each: the per-person limit would answer most of them
    // with silence, and the benchmark measures the pipeline, not the limit (its Redis round trip is still paid).
    commandRateLimit: { capacity: 1_000_000, refillMs: 1 },
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

// 2. Envelopes through the whole pipeline. One in ten is a command whose reply goes into the Outbox (and is delivered:
// the delivery work is counted in the CPU and Redis figures, not waited for in the rate).
async function pipeline(db: Database, envelopes: number): Promise<Run> {
  const { app, stop } = await benchApp(db);
  let processed = 0;
  app.events.on('processed', () => processed++);
  const run = nextPrefix();
  const result = await measure(envelopes, async () => {
    await Promise.all(
      Array.from({ length: envelopes }, (_, n) => app.sink(benchEnvelope(run, n, CHATS, n % 10 === 0 ? '/rules' : `hello ${n}`))),
    );
    await until(() => processed >= envelopes, 180_000, 'pipeline');
  });
  await stop();
  return result;
}

// 3. Latency at a fixed offered load: every envelope is a command, so each one ends in a delivery call. Measured on a
// bot that is already running (steady state: its caches refresh every few seconds, and that is in the figure); the
// first seconds after a start, when every chat's group is read from the database at once, are reported apart.
type Latency = { p50: number; p99: number };

async function latencyRun(bot: Awaited<ReturnType<typeof benchApp>>, perSecond: number, seconds: number): Promise<Latency> {
  const run = nextPrefix();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stopListening = bot.adapter.onDelivery((delivery) => {
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
    void bot.app.sink(envelope);
  }
  await until(() => latencies.length >= total, 60_000, 'latency');
  stopListening();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function latency(db: Database, perSecond: number, seconds: number, times: number): Promise<{ start: Latency; runs: Latency[] }> {
  const bot = await benchApp(db);
  const start = await latencyRun(bot, perSecond, 2);
  const runs: Latency[] = [];
  for (let i = 0; i < times; i++) runs.push(await latencyRun(bot, perSecond, seconds));
  await bot.stop();
  return { start, runs };
}

// 4. Runs one of the other benchmarks in bench/; the last JSON object it prints is kept.
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

// 5. Memory of the bot as `npm start` runs it (bench/lib/memory.ts): its first start on a new data directory, then a
// restart once 10,000 groups are stored. With PostgreSQL (DATABASE_URL), the same on a scratch database.
const GROUPS = 10_000;
// V8 gives back what start-up used only after the process has been quiet for a while (~15 s here).
const SETTLE_MS = 20_000;

async function addGroups(db: Database): Promise<void> {
  for (let start = 0; start < GROUPS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, GROUPS - start) }, (_, i) => ({
      id: `telegram:${-2_000_000_000_000 - start - i}`,
      platform: 'telegram' as const,
      title: `Group ${start + i}`,
      language: 'en',
      timezone: 'Europe/Paris',
    }));
    await db.db.insert(groups).values(rows).onConflictDoNothing();
  }
}

async function memoryPglite(): Promise<{ idle: number; loaded: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-data-'));
  try {
    const idle = await idleRss(root, { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }, SETTLE_MS);
    const db = await openPglite(dataDir);
    await addGroups(db);
    await db.close();
    const loaded = await idleRss(root, { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }, SETTLE_MS);
    return { idle, loaded };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The bot with WhatsApp enabled on `driver`, idle and waiting for a login; Chromium's processes counted apart. */
async function memoryWhatsApp(driver: 'web' | 'baileys'): Promise<{ bot: number; children: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-data-'));
  try {
    // CONSOLE=on: the console's banner is how the bench knows the bot is up.
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', WHATSAPP_ENABLED: 'true', WHATSAPP_DRIVER: driver, CONSOLE: 'on' };
    return await idleMemory(root, env, SETTLE_MS, /chrom/i);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function memoryPostgres(serverUrl: string): Promise<{ idle: number; loaded: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-data-'));
  const database = await scratchDatabase(serverUrl);
  try {
    const idle = await idleRss(root, { DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: '' }, SETTLE_MS);
    const db = await openPostgres(database.url, { migrate: false, max: 1 });
    await addGroups(db);
    await db.close();
    const loaded = await idleRss(root, { DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: '' }, SETTLE_MS);
    return { idle, loaded };
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const MB = (bytes: number) => round(bytes / 1024 / 1024);
const results: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version, quick };
const rows: [string, Spread | string, string, string][] = [];
const fmt = (s: Spread, digits = 0) => `${round(s.min, digits)} / ${round(s.median, digits)} / ${round(s.max, digits)}`;
const cpuAndRedis = (r: Run[]) =>
  `CPU ${round(spread(r.map((x) => x.cpuMs)).median, 2)} ms, Redis ${round(spread(r.map((x) => x.redis.total)).median, 1)} cmds (${round(spread(r.map((x) => x.redis.scripts)).median, 1)} scripts) /env`;

/** The databases cases 2 and 3 run on: PGlite in this process, opened as the bot opens it, and PostgreSQL if given. */
async function databases(): Promise<{ name: string; db: Database; drop(): Promise<void> }[]> {
  const list: { name: string; db: Database; drop(): Promise<void> }[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-data-'));
  const pglite = await openPglite(dataDir);
  list.push({
    name: 'PGlite',
    db: pglite,
    drop: async () => {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  if (databaseUrl) {
    const scratch = await scratchDatabase(databaseUrl);
    const db = await openPostgres(scratch.url, { migrate: false });
    list.push({
      name: 'PostgreSQL',
      db,
      drop: async () => {
        await db.close();
        await scratch.drop();
      },
    });
  }
  return list;
}

// Long enough that a run lasts a few seconds even for the bare substrate (a run under a second is mostly noise).
const JOBS = quick ? 2000 : 10_000;
const dbs = cases.has('2') || cases.has('3') ? await databases() : [];

let sub: Run[] = [];
if (cases.has('1')) {
  sub = await repeatRuns(RUNS, () => substrate(JOBS));
  rows.push(['1. BullMQ round trips/s (bare workers)', spread(sub.map((r) => r.rate)), cpuAndRedis(sub), '']);
  results.substrate = { rate: spread(sub.map((r) => r.rate)), runs: sub };
}

if (cases.has('2')) {
  results.pipeline = {};
  for (const { name, db } of dbs) {
    const pipe = await repeatRuns(RUNS, () => pipeline(db, JOBS));
    const ratio = spread(pipe.map((r, i) => r.rate / sub[i]!.rate));
    rows.push([`2. pipeline envelopes/s, ${name}`, spread(pipe.map((r) => r.rate)), `ratio ${fmt(ratio, 2)}; ${cpuAndRedis(pipe)}`, ratio.median >= 0.5 ? 'goal ≥ 0.5 met' : 'goal ≥ 0.5 MISSED']);
    (results.pipeline as Record<string, unknown>)[name] = { rate: spread(pipe.map((r) => r.rate)), ratio, runs: pipe };
  }
}

if (cases.has('3')) {
  results.latency = { offeredPerSecond: 200 };
  for (const { name, db } of dbs) {
    const lat = await latency(db, 200, quick ? 5 : 10, RUNS);
    const p50 = spread(lat.runs.map((l) => l.p50));
    const p99 = spread(lat.runs.map((l) => l.p99));
    const start = `first 2 s after start: p50 ${round(lat.start.p50)}, p99 ${round(lat.start.p99)}`;
    rows.push([`3. latency p50 ms @ 200/s, ${name}`, p50, '', '']);
    rows.push([`3. latency p99 ms @ 200/s, ${name}`, p99, start, p99.median < 50 ? 'goal < 50 ms met' : 'goal < 50 ms MISSED']);
    (results.latency as Record<string, unknown>)[name] = { p50, p99, firstTwoSecondsAfterStart: lat.start };
  }
}
for (const { drop } of dbs) await drop();

if (cases.has('5')) {
  buildBot(root);
  results.memoryMB = { groups: GROUPS };
  const variants: [string, () => Promise<{ idle: number; loaded: number }>][] = [['PGlite', memoryPglite]];
  if (databaseUrl) variants.push(['PostgreSQL', () => memoryPostgres(databaseUrl)]);
  for (const [name, measureMemory] of variants) {
    const mem = [] as { idle: number; loaded: number }[];
    for (let i = 0; i < (quick ? 1 : 2); i++) mem.push(await measureMemory());
    const idle = spread(mem.map((m) => MB(m.idle)));
    const loaded = spread(mem.map((m) => MB(m.loaded)));
    rows.push([`5. RSS MB at idle (npm start), ${name}`, idle, '', idle.median < 150 ? 'goal < 150 MB met' : 'goal < 150 MB MISSED']);
    rows.push([`5. RSS MB, restarted with 10,000 groups, ${name}`, loaded, '', '']);
    (results.memoryMB as Record<string, unknown>)[name] = { idle, withGroups: loaded };
  }
  // WhatsApp enabled, not logged in (no QR code is scanned), with each driver. With no route to WhatsApp the session
  // retries with backoff: Baileys holds its library and socket state all the same; whatsapp-web.js closes its
  // browser between attempts, so its Chromium figure is the browser's only when WhatsApp Web was reachable.
  for (const driver of ['baileys', 'web'] as const) {
    const mem = [] as { bot: number; children: number }[];
    for (let i = 0; i < (quick ? 1 : 2); i++) mem.push(await memoryWhatsApp(driver));
    const bot = spread(mem.map((m) => MB(m.bot)));
    const browser = spread(mem.map((m) => MB(m.children)));
    if (driver === 'baileys') {
      rows.push(['5. RSS MB at idle, WhatsApp on Baileys, PGlite', bot, 'no browser', bot.median < 200 ? 'goal < 200 MB met' : 'goal < 200 MB MISSED']);
    } else {
      rows.push(['5. RSS MB at idle, WhatsApp on whatsapp-web.js, PGlite', bot, `+ Chromium ${browser.median} MB`, '']);
    }
    (results.memoryMB as Record<string, unknown>)[`whatsapp-${driver}`] = { bot, chromium: browser };
  }
}

if (cases.has('6')) {
  if (databaseUrl) {
    const runScale = (workers: number) => runScaleOut({ redisUrl, databaseUrl, workers, envelopes: JOBS, partitions: PARTITIONS });
    const one = [] as number[];
    const three = [] as number[];
    for (let i = 0; i < RUNS; i++) one.push(await runScale(1));
    for (let i = 0; i < RUNS; i++) three.push(await runScale(3));
    rows.push(['6. envelopes/s, 1 worker process', spread(one), '', '']);
    rows.push(['6. envelopes/s, 3 worker processes', spread(three), `×${round(spread(three).median / spread(one).median, 2)}`, '']);
    results.scale = { oneWorker: spread(one), threeWorkers: spread(three) };
  } else {
    rows.push(['6. scale-out', 'skipped', 'no TEST_DATABASE_URL', '']);
    results.scale = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure scale-out' };
  }
}

// 4. The other benchmarks, each run RUNS times (once in a quick run); the table shows their headline figures, the JSON
// keeps every run's full output.
type Figures = Record<string, number | undefined>;
type Json = Record<string, unknown>;
/** The number at `keys` in a benchmark's output, if it printed one there. */
function at(output: unknown, ...keys: string[]): number | undefined {
  const value = keys.reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Json)[key] : undefined), output);
  return typeof value === 'number' ? value : undefined;
}
const OTHERS: { name: string; script: string; args: string[]; figures: (out: Json) => Figures; goals?: Record<string, (median: number) => string> }[] = [
  {
    name: 'fan-out, 1,000 groups',
    script: 'fanout.ts',
    args: [],
    figures: (o) => ({
      'makespan ÷ minimum, overall': at(o, 'ratio'),
      'makespan ÷ minimum, Telegram': at(o, 'perPlatform', 'telegram', 'ratio'),
      'makespan ÷ minimum, Discord': at(o, 'perPlatform', 'discord', 'ratio'),
      '429s': ['telegram', 'discord', 'whatsapp'].reduce((sum, p) => sum + (at(o, 'rateLimited429', p) ?? 0), 0),
    }),
    goals: {
      'makespan ÷ minimum, overall': (m) => (m <= 1.05 ? 'goal ≤ 1.05 met' : 'goal ≤ 1.05 MISSED'),
      'makespan ÷ minimum, Telegram': (m) => (m <= 1.05 ? 'goal ≤ 1.05 met' : 'goal ≤ 1.05 MISSED'),
      'makespan ÷ minimum, Discord': (m) => (m <= 1.05 ? 'goal ≤ 1.05 met' : 'goal ≤ 1.05 MISSED'),
      '429s': (m) => (m === 0 ? 'goal 0 met' : 'goal 0 MISSED'),
    },
  },
  {
    name: 'Telegram fan-out, 100 groups × 2',
    script: 'telegram-fanout.ts',
    args: ['100', '2'],
    figures: (o) => ({ 'messages/s': at(o, 'messagesPerSecond'), '429s': at(o, 'rateLimited429') }),
  },
  {
    name: 'relay, every direction at 10/s over 10 bridges',
    script: 'relay-directions.ts',
    args: [],
    figures: (o) =>
      Object.fromEntries(
        ((o.rows as { direction: string; backlog: number; p50Ms: number; p99Ms: number }[] | undefined) ?? []).flatMap((row) => {
          const name = `${row.direction}${row.backlog > 0 ? ', busy group' : ''}`;
          return [
            [`${name} p50 ms`, row.p50Ms],
            [`${name} p99 ms`, row.p99Ms],
          ];
        }),
      ),
    goals: Object.fromEntries(
      ['Telegram → Discord', 'Discord → Telegram', 'WhatsApp → Telegram', 'WhatsApp → Discord'].flatMap((direction) =>
        ['', ', busy group'].flatMap((busy) => [
          [`${direction}${busy} p50 ms`, (m: number) => (m <= 20 ? 'goal ≤ 20 met' : 'goal ≤ 20 MISSED')],
          [`${direction}${busy} p99 ms`, (m: number) => (m <= 50 ? 'goal ≤ 50 met' : 'goal ≤ 50 MISSED')],
        ]),
      ),
    ),
  },
  {
    name: 'relay WhatsApp → Discord',
    script: 'relay.ts',
    args: [],
    figures: (o) => ({
      'p99 ms at 50/s over 10 bridges': at(o, 'latency', 'spread', 'p99Ms'),
      'p99 ms at 50/s into one chat': at(o, 'latency', 'oneChat', 'p99Ms'),
      'burst relayed/s, one chat': at(o, 'throughput', 'oneChat', 'relayedPerSecond'),
      'photo p50 ms': at(o, 'photos', 'p50Ms'),
      duplicates: at(o, 'duplicates'),
    }),
  },
  {
    name: 'FAQ, 5,000 entries',
    script: 'faq.ts',
    args: [],
    figures: (o) => ({ '/faq p99 ms': at(o, 'faqP99Ms'), 'auto-answer p99 ms': at(o, 'autoAnswerP99Ms') }),
    goals: { '/faq p99 ms': (m) => (m < 10 ? 'goal < 10 ms met' : 'goal < 10 ms MISSED') },
  },
];

const others: Record<string, unknown> = {};
if (cases.has('4')) {
  for (const { name, script, args, figures, goals } of OTHERS) {
    const file = path.join(here, script);
    if (!existsSync(file)) continue;
    const outputs: Json[] = [];
    for (let i = 0; i < (quick ? 1 : RUNS); i++) outputs.push((await spawnJson(file, args, { REDIS_URL: redisUrl }, 300_000)) as Json);
    others[name] = outputs;
    const failed = outputs.find((o) => o.error !== undefined);
    if (failed) {
      rows.push([`4. ${name} (bench/${script})`, 'failed', String(failed.error), '']);
      continue;
    }
    const perRun = outputs.map(figures);
    for (const figure of Object.keys(perRun[0]!)) {
      const values = perRun.map((f) => f[figure]).filter((v): v is number => typeof v === 'number');
      if (values.length === 0) continue;
      const s = spread(values);
      rows.push([`4. ${name}: ${figure}`, s, '', goals?.[figure]?.(s.median) ?? '']);
    }
  }
  results.others = others;
}
results.loadavgAfter = os.loadavg();

// Small figures (ratios) keep two decimals; the rest one.
const cell = (s: Spread) => fmt(s, Math.abs(s.median) < 10 && s.median % 1 !== 0 ? 2 : 1);
const table = [['case', 'min / median / max', '', 'goal'], ...rows.map(([name, s, extra, goal]) => [name, typeof s === 'string' ? s : cell(s), extra, goal])];
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
process.stdout.write(`\n${table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}\n\n`);
const load = (l: number[]) => l.map((x) => round(x, 2)).join(' ');
process.stdout.write(`load average before: ${load(results.loadavg as number[])}; after: ${load(results.loadavgAfter as number[])} (${os.cpus().length} CPUs)\n`);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('written: bench/results/latest.json\n');

redis.disconnect();
await embedded?.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
