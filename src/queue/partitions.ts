// Partition ownership across processes. Each inbound partition is worked one job at a time, which keeps a chat's
// updates in order — but only if a single process works it. With several worker processes, each partition is
// therefore leased in Redis: a process works a partition only while it holds that partition's lease, renews it while
// alive, and another process takes it over once the lease lapses (the holder died or was cut off).
//
// Balancing: live processes heartbeat into a sorted set; each one aims for ceil(partitions / live) leases, takes free
// partitions up to that share and hands back any surplus (after its worker has finished the job in hand, so the next
// owner never runs a later update of a chat before an earlier one).
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LuaScript } from './lua.js';

export interface LeaseOptions {
  /** How long a lease lives without renewal; a dead process's partitions are taken over after this. */
  ttlMs: number;
  /** How often leases are renewed and the share recomputed; well under ttlMs. */
  renewMs: number;
}

export const DEFAULT_LEASE: LeaseOptions = { ttlMs: 10_000, renewMs: 2_500 };

/** What the lease manager starts and stops as it gains and loses partitions. */
export interface PartitionRunner {
  /** Called once the lease is held. */
  start(partition: number): Promise<void>;
  /** Must resolve only when nothing of this partition is being processed any more (unless `force`). */
  stop(partition: number, force?: boolean): Promise<void>;
}

// The server's clock, so processes on machines with skewed clocks agree on who is alive.
const HEARTBEAT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return redis.call('ZCARD', KEYS[1])
`);

const RENEW = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

type State = 'starting' | 'running' | 'stopping';

export class PartitionLeases {
  readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly held = new Map<number, State>();
  private readonly partitions: number[];
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly options: {
      redis: Redis;
      prefix: string;
      partitions: number[];
      runner: PartitionRunner;
      log: Logger;
      lease?: Partial<LeaseOptions>;
    },
  ) {
    this.partitions = [...options.partitions];
  }

  private get lease(): LeaseOptions {
    return { ...DEFAULT_LEASE, ...this.options.lease };
  }

  private key(partition: number): string {
    return `${this.options.prefix}:lease:inbound-${partition}`;
  }

  private get membersKey(): string {
    return `${this.options.prefix}:lease:members`;
  }

  /** The partitions this process works right now. */
  owned(): number[] {
    return [...this.held.entries()].filter(([, state]) => state !== 'stopping').map(([p]) => p);
  }

  /** Takes a first share at once, then keeps renewing and rebalancing. */
  async start(): Promise<void> {
    await this.round();
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.tick = this.round()
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'partition lease round failed'))
        .finally(() => this.schedule());
    }, this.lease.renewMs);
  }

  private async round(): Promise<void> {
    const { redis } = this.options;
    const { ttlMs } = this.lease;
    const live = Number(await HEARTBEAT.run(redis, [this.membersKey], [this.owner, ttlMs]));

    // Renew what we hold; a lease that lapsed meanwhile belongs to someone else now: stop working it.
    for (const [partition, state] of this.held) {
      const renewed = Number(await RENEW.run(redis, [this.key(partition)], [this.owner, ttlMs]));
      if (renewed === 0 && state !== 'stopping') {
        this.options.log.warn({ partition }, 'partition lease lost; stopping its worker');
        this.stopPartition(partition, false);
      }
    }
    if (this.closed) return;

    const all = this.partitions;
    if (all.length === 0) return;
    const share = Math.ceil(all.length / Math.max(1, live));
    const mine = this.owned();
    // Hand back the surplus: another process joined.
    for (const partition of mine.slice(share)) this.stopPartition(partition, true);
    // Take free partitions up to our share, starting at a point of our own so processes do not all race for p0.
    let count = Math.min(mine.length, share);
    const offset = parseInt(this.owner.slice(-4), 16) % all.length;
    for (let i = 0; i < all.length && count < share; i++) {
      const partition = all[(offset + i) % all.length]!;
      if (this.held.has(partition)) continue;
      const taken = await redis.set(this.key(partition), this.owner, 'PX', ttlMs, 'NX');
      if (taken !== 'OK') continue;
      count++;
      this.held.set(partition, 'starting');
      try {
        await this.options.runner.start(partition);
        if (this.held.get(partition) === 'starting') this.held.set(partition, 'running');
      } catch (error) {
        this.options.log.error({ err: error, partition }, 'could not start partition worker');
        this.stopPartition(partition, true);
      }
    }
  }

  /** Stops the worker (it finishes the job in hand), then frees the lease if we still hold it. */
  private stopPartition(partition: number, release: boolean, force = false): Promise<void> {
    this.held.set(partition, 'stopping');
    return this.options.runner
      .stop(partition, force)
      .catch((error: unknown) => this.options.log.warn({ err: error, partition }, 'partition worker stop failed'))
      .then(async () => {
        if (release) await RELEASE.run(this.options.redis, [this.key(partition)], [this.owner]).catch(() => undefined);
        this.held.delete(partition);
      });
  }

  /** This process gives up `partition` for good (it is shutting down, or a test closed that worker). */
  async drop(partition: number, force = false): Promise<void> {
    const index = this.partitions.indexOf(partition);
    if (index >= 0) this.partitions.splice(index, 1);
    if (this.held.has(partition)) await this.stopPartition(partition, true, force);
  }

  /** Stops every partition worker and frees the leases, so others take over at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.tick;
    await Promise.all([...this.held.keys()].map((partition) => this.stopPartition(partition, true)));
    await this.options.redis.zrem(this.membersKey, this.owner).catch(() => undefined);
  }
}
