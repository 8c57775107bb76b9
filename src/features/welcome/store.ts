// What the welcome feature keeps in Redis, durable across restarts and shared by every process:
// - bursts: newcomers waiting for their group's greeting (a list per group) and, in one sorted set, when each group's
//   greeting goes (the first join of a burst sets it; later joins of the burst join the list);
// - pending verifications: per group, a hash of newcomer → their deadline and answer word, and one sorted set of
//   deadlines for the sweep;
// - greetings to delete: a sorted set of the posted greetings' message ids by the time they go.
// Every entry names the newcomer's id, so /forgetme's Redis scrub removes them with everything else about them.
import type { Redis } from 'ioredis';
import type { QualifiedId } from '../../core/envelope.js';

export interface Newcomer {
  id: QualifiedId;
  name: string;
  /** The platform's language hint, as given. */
  language?: string;
}

export interface Pending {
  deadline: number;
  /** The latest the deadline may move to (a greeting delivered late): the restriction lasts a little beyond it. */
  latest: number;
  /** WhatsApp: the word that verifies them. */
  word?: string;
  /** Their name as they joined, for the log chat's line if they are removed. */
  name?: string;
}

export interface DueBurst {
  chatId: QualifiedId;
  flushAt: number;
}

export class WelcomeStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'welcome', ...parts].join(':');
  }

  /**
   * True the first time this person's join is seen within `ttlMs` (a platform may report one join twice: Telegram's
   * service message and member update, a retried inbound job).
   */
  async firstJoin(chatId: QualifiedId, userId: QualifiedId, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key('joined', chatId, userId), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** True at most once per `ttlMs` for this person and notice (a refusal repeated on every press would flood the group). */
  async firstNotice(chatId: QualifiedId, userId: QualifiedId, notice: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key('notice', notice, chatId, userId), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Adds a newcomer to the group's burst; the first one of a burst sets when the greeting goes. */
  async addToBurst(chatId: QualifiedId, newcomer: Newcomer, flushAt: number): Promise<void> {
    await this.redis
      .multi()
      .rpush(this.key('burst', chatId), JSON.stringify(newcomer))
      .zadd(this.key('bursts'), 'NX', flushAt, chatId)
      .exec();
  }

  /**
   * One process greets a burst: another sweeping at the same moment would trim joins that arrived meanwhile along
   * with the ones it greeted. The claim lapses by itself, so a process that dies mid-way leaves the burst to the next.
   */
  async claimBurst(burst: DueBurst, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key('flushing', burst.chatId, String(burst.flushAt)), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async dueBursts(now: number, limit = 100): Promise<DueBurst[]> {
    const flat = await this.redis.zrangebyscore(this.key('bursts'), '-inf', now, 'WITHSCORES', 'LIMIT', 0, limit);
    const due: DueBurst[] = [];
    for (let i = 0; i < flat.length; i += 2) due.push({ chatId: flat[i]!, flushAt: Number(flat[i + 1]) });
    return due;
  }

  async burst(chatId: QualifiedId): Promise<Newcomer[]> {
    const raw = await this.redis.lrange(this.key('burst', chatId), 0, -1);
    return raw.flatMap((item) => {
      try {
        return [JSON.parse(item) as Newcomer];
      } catch {
        return [];
      }
    });
  }

  /**
   * The greeting of the first `count` newcomers is queued: they leave the list. Joins that arrived meanwhile start the
   * next burst, greeted `burstMs` later.
   */
  async burstDone(chatId: QualifiedId, count: number, next: number): Promise<void> {
    const list = this.key('burst', chatId);
    const results = await this.redis.multi().ltrim(list, count, -1).zrem(this.key('bursts'), chatId).llen(list).exec();
    const left = Number(results?.[2]?.[1] ?? 0);
    if (left > 0) await this.redis.zadd(this.key('bursts'), 'NX', next, chatId);
  }

  async setPending(chatId: QualifiedId, userId: QualifiedId, pending: Pending): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key('pending', chatId), userId, JSON.stringify(pending))
      .zadd(this.key('deadlines'), pending.deadline, `${chatId} ${userId}`)
      .exec();
  }

  async pending(chatId: QualifiedId, userId: QualifiedId): Promise<Pending | undefined> {
    const raw = await this.redis.hget(this.key('pending', chatId), userId);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as Pending;
    } catch {
      return undefined;
    }
  }

  /** Ends a pending verification; true for the one caller that ended it (a press and the deadline may race). */
  async clearPending(chatId: QualifiedId, userId: QualifiedId): Promise<boolean> {
    const results = await this.redis.multi().hdel(this.key('pending', chatId), userId).zrem(this.key('deadlines'), `${chatId} ${userId}`).exec();
    return Number(results?.[0]?.[1] ?? 0) === 1;
  }

  async pendingIn(chatId: QualifiedId): Promise<QualifiedId[]> {
    return this.redis.hkeys(this.key('pending', chatId));
  }

  async dueVerifications(now: number, limit = 100): Promise<{ chatId: QualifiedId; userId: QualifiedId }[]> {
    const members = await this.redis.zrangebyscore(this.key('deadlines'), '-inf', now, 'LIMIT', 0, limit);
    return members.flatMap((member) => {
      const space = member.indexOf(' ');
      return space > 0 ? [{ chatId: member.slice(0, space), userId: member.slice(space + 1) }] : [];
    });
  }

  /** The greeting posted as these messages goes at `at`. */
  async deleteLater(target: QualifiedId, messageIds: QualifiedId[], at: number): Promise<void> {
    await this.redis.zadd(this.key('cleanup'), at, JSON.stringify({ target, messageIds }));
  }

  async dueDeletions(now: number, limit = 100): Promise<{ member: string; target: QualifiedId; messageIds: QualifiedId[] }[]> {
    const members = await this.redis.zrangebyscore(this.key('cleanup'), '-inf', now, 'LIMIT', 0, limit);
    return members.flatMap((member) => {
      try {
        const parsed = JSON.parse(member) as { target: QualifiedId; messageIds: QualifiedId[] };
        return [{ member, ...parsed }];
      } catch {
        return [];
      }
    });
  }

  async deletionDone(member: string): Promise<void> {
    await this.redis.zrem(this.key('cleanup'), member);
  }
}
