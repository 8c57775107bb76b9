// Quartier's own non-urgent traffic into a quiet group, kept in Redis (never in memory) and delivered once as a
// morning digest when the quiet stretch ends.
//
// - keep(): the Outbox hands over a message its HoldPolicy held until `until`. It is appended to the list of that
//   group and that quiet stretch, and one digest job with a deterministic id (group + `until`) is scheduled at
//   `until`; adding it again for the next held message is a no-op.
// - The digest job closes the list (a "done" flag: anything arriving later is delivered normally), packs the list
//   into as few messages as the platform allows, enqueues them through the Outbox with deterministic ids, and only
//   then deletes the list. A crash anywhere re-runs the job on the same list, producing the same ids, which the
//   delivery queue ignores: delivered once, also across a restart.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock, Outbox, Translate } from '../../core/context.js';
import { unqualify } from '../../core/envelope.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { GroupRepository } from '../../db/groups.js';
import { LuaScript } from '../../queue/lua.js';
import { jobId } from '../../queue/names.js';
import type { HeldStore } from '../../queue/outbox.js';
import { outboundSchema } from '../../queue/payloads.js';
import { buildDigest, TEXT_LIMITS } from './digest.js';

/** Group rules' timers: digests at the end of quiet stretches, and announcements (announce.ts). */
export const QUIET_QUEUE = 'rules-quiet';
const DONE_TTL_SECONDS = 3 * 24 * 3600;

export interface DigestJob {
  target: string;
  until: number;
}

export interface AnnounceJob {
  target: string;
  at: number;
}

export type QuietJob = DigestJob | AnnounceJob;

// KEYS: done flag, held list, set of pending `until`s of the group. ARGV: message JSON, until.
// Atomic, so a message is either in the list the digest will read or refused (and then sent normally).
const KEEP = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
return 1
`);

export interface HeldTrafficOptions {
  redis: Redis;
  prefix: string;
  clock: Clock;
  log: Logger;
  groups: Pick<GroupRepository, 'find' | 'findRecent'>;
  translate: Translate;
  defaultLanguage: string;
}

export class HeldTraffic implements HeldStore {
  readonly queue: Queue<QuietJob>;

  constructor(private readonly options: HeldTrafficOptions) {
    this.queue = new Queue<QuietJob>(QUIET_QUEUE, {
      connection: options.redis,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 2 * 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  private listKey(target: string, until: number): string {
    return `${this.options.prefix}:quiet:held:${target}:${until}`;
  }

  private doneKey(target: string, until: number): string {
    return `${this.options.prefix}:quiet:held-done:${target}:${until}`;
  }

  private pendingKey(target: string): string {
    return `${this.options.prefix}:quiet:held-pending:${target}`;
  }

  static jobIdOf(target: string, until: number): string {
    return jobId('digest', target, String(until));
  }

  async keep(message: OutboundMessage, until: number, now: number): Promise<boolean> {
    const { target } = message;
    const kept = await KEEP.run(
      this.options.redis,
      [this.doneKey(target, until), this.listKey(target, until), this.pendingKey(target)],
      [JSON.stringify(message), String(until)],
    );
    if (Number(kept) !== 1) return false;
    await this.queue.add('digest', { target, until }, { jobId: HeldTraffic.jobIdOf(target, until), delay: Math.max(0, until - now) });
    return true;
  }

  /** How many messages wait for `target`'s digests (for /quiet and tests). */
  async count(target: string): Promise<number> {
    const pending = await this.options.redis.smembers(this.pendingKey(target));
    let total = 0;
    for (const until of pending) total += await this.options.redis.llen(this.listKey(target, Number(until)));
    return total;
  }

  /** Quiet hours were switched off: deliver what waits now instead of at the old end. */
  async release(target: string): Promise<void> {
    for (const until of await this.options.redis.smembers(this.pendingKey(target))) {
      const job = await this.queue.getJob(HeldTraffic.jobIdOf(target, Number(until)));
      if (job && (await job.isDelayed())) await job.promote();
    }
  }

  /** Builds and enqueues one digest. Safe to run again for the same job: same list, same ids. */
  async deliver(job: DigestJob, outbox: Outbox): Promise<number> {
    const { redis } = this.options;
    const { target, until } = job;
    await redis.set(this.doneKey(target, until), '1', 'EX', DONE_TTL_SECONDS);
    const raw = await redis.lrange(this.listKey(target, until), 0, -1);
    const held: OutboundMessage[] = [];
    for (const entry of raw) {
      const parsed = outboundSchema.safeParse(JSON.parse(entry));
      if (parsed.success) held.push(parsed.data);
      else this.options.log.warn({ target, error: parsed.error.message }, 'dropping a malformed held message');
    }
    if (held.length > 0) {
      const group = await this.options.groups.find(target);
      const language = group?.language ?? this.options.defaultLanguage;
      const header = this.options.translate(language, 'quiet.digest.header', { count: held.length });
      const parts = buildDigest(held, TEXT_LIMITS[unqualify(target).platform], header);
      // One after the other: each reserves the chat's next pacing slot, so the parts arrive in order.
      for (const [index, part] of parts.entries()) {
        await outbox.enqueue({ ...part, id: `digest:${target}:${until}:${index}`, target, action: 'send', urgent: true });
      }
      this.options.log.info({ target, held: held.length, parts: parts.length }, 'quiet-hours digest enqueued');
    }
    await redis.del(this.listKey(target, until));
    await redis.srem(this.pendingKey(target), String(until));
    return held.length;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
