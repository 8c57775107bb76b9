// Several Quartier processes (bench/lib/node.ts) on one Redis prefix and one PostgreSQL database: used by the
// scale-out benchmark, the scale test and the chaos tests. The caller plays the gateway's part of accepting
// envelopes (InboundQueue.sink, exactly what a gateway does) or starts a gateway process of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Redis } from 'ioredis';
import { openPostgres } from '../../src/db/client.js';
import { connectRedis } from '../../src/queue/redis.js';
import { InboundQueue } from '../../src/queue/inbound.js';
import { traceCountKey, traceKey } from './trace.js';

const nodeScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node.ts');

/** A fresh database on the server, migrated once here (so worker processes start quickly); dropped by drop(). */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quartier_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrated = await openPostgres(url.toString(), { max: 1 });
  await migrated.close();
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface ClusterProcess {
  child: ChildProcess;
  role: string;
  ready: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

export function startProcess(env: NodeJS.ProcessEnv): ClusterProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', nodeScript], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-4000);
      if (out.includes('ready')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000)));
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before it was ready:\n${out}`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, role: env.ROLE ?? 'worker', ready, exited, output: () => out };
}

export interface ClusterOptions {
  redisUrl: string;
  databaseUrl: string;
  prefix?: string;
  workers: number;
  partitions: number;
  env?: NodeJS.ProcessEnv;
}

export class Cluster {
  readonly prefix: string;
  readonly redis: Redis;
  readonly inbound: InboundQueue;
  readonly processes: ClusterProcess[] = [];

  constructor(private readonly options: ClusterOptions) {
    this.prefix = options.prefix ?? `cluster-${randomBytes(4).toString('hex')}`;
    this.redis = connectRedis(options.redisUrl);
    this.redis.on('error', () => {});
    this.inbound = new InboundQueue({ redis: this.redis, prefix: this.prefix, partitions: options.partitions });
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      REDIS_URL: this.options.redisUrl,
      DATABASE_URL: this.options.databaseUrl,
      PREFIX: this.prefix,
      PARTITIONS: String(this.options.partitions),
      ...this.options.env,
      ...extra,
    };
  }

  /** Starts a process and waits until it is ready. */
  async add(role: 'worker' | 'gateway' | 'all' = 'worker', extra: NodeJS.ProcessEnv = {}): Promise<ClusterProcess> {
    const proc = startProcess(this.env({ ROLE: role, ...extra }));
    this.processes.push(proc);
    await proc.ready;
    return proc;
  }

  async start(): Promise<this> {
    await Promise.all(Array.from({ length: this.options.workers }, () => this.add('worker')));
    return this;
  }

  /** Envelopes processed so far, across all processes. */
  async processedCount(): Promise<number> {
    return Number((await this.redis.get(traceCountKey(this.prefix))) ?? 0);
  }

  /** For each chat: the envelope ids in the order they were processed, and which process ran each. */
  async trace(chatIds: string[]): Promise<Map<string, { id: string; pid: number }[]>> {
    const result = new Map<string, { id: string; pid: number }[]>();
    for (const chat of chatIds) {
      const entries = await this.redis.lrange(traceKey(this.prefix, chat), 0, -1);
      result.set(
        chat,
        entries.map((entry) => {
          const [id, pid] = entry.split(' ');
          return { id: id!, pid: Number(pid) };
        }),
      );
    }
    return result;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(async (proc) => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
        proc.child.kill('SIGTERM');
        const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
        await proc.exited;
        clearTimeout(timer);
      }),
    );
    await this.inbound.close();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    this.redis.disconnect();
  }
}
