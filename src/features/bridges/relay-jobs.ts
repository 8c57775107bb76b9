// What the bridge remembers about each relay job, in Redis next to the queue: which canonical message it relays,
// edits or deletes, where it came from and what it replies to. The copy it replies to or edits is looked up only
// when the job has its turn (delivery-hook.ts), because that copy may itself still be waiting in the queue.
//
// Order: the delivery layer's per-chat lanes (src/queue/chat-lane.ts) let a job send only once the chat's earlier
// jobs are delivered or have failed for good, so a retried relay is never overtaken by a later one. The bridge
// relies on that; it only counts the relays still pending per chat for `/bridge`.
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

export const RELAY_TTL_SECONDS = 8 * 24 * 3600;

export interface RelayMeta {
  kind: 'send' | 'edit' | 'delete';
  /** The canonical message this job relays, edits or deletes. */
  canonical: QualifiedId;
  /** The chat the original came from (where failure notices go). */
  source: QualifiedId;
  /** The canonical message (and part) the original replied to. */
  replyTo?: { canonical: QualifiedId; part: number };
}

export class RelayJobs {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: string, id: string): string {
    return `${this.prefix}:bridge:${kind}:${id}`;
  }

  /** Remembers a new relay job; false when it was registered before (the envelope is being processed again). */
  async register(jobId: string, target: QualifiedId, meta: RelayMeta): Promise<boolean> {
    const created = await this.redis.set(this.key('job', jobId), JSON.stringify(meta), 'EX', RELAY_TTL_SECONDS, 'NX');
    if (created === null) return false;
    await this.redis.incr(this.key('pending', target));
    return true;
  }

  async meta(jobId: string): Promise<RelayMeta | undefined> {
    const raw = await this.redis.get(this.key('job', jobId));
    return raw ? (JSON.parse(raw) as RelayMeta) : undefined;
  }

  /** The job is done for good (delivered or failed): counted once, however often this is called. */
  async settle(jobId: string, target: QualifiedId): Promise<void> {
    const first = await this.redis.set(this.key('settled', jobId), '1', 'EX', RELAY_TTL_SECONDS, 'NX');
    if (first === null) return;
    if ((await this.redis.decr(this.key('pending', target))) < 0) await this.redis.set(this.key('pending', target), '0');
  }

  /** Relays enqueued for `target` and not settled yet. */
  async pending(target: QualifiedId): Promise<number> {
    return Math.max(0, Number((await this.redis.get(this.key('pending', target))) ?? 0));
  }
}
