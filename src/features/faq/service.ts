// What commands and the auto-answer stage use: storage, the cached index per group, and the auto-answer cooldown.
//
// Cached indexes live in each worker process. A change made by one process must reach the others, so each group and
// community has a version number in Redis, bumped on every change; the cache key includes the versions (and the
// group's community), so a stale index is simply never asked for again and ages out of the LRU.
import type { Redis } from 'ioredis';
import type { Group } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { FaqIndexCache } from './cache.js';
import type { FaqIndex } from './match.js';
import { FaqRepository, type FaqEntryHome, type FaqScope } from './repository.js';
import { UnansweredQuestions } from './unanswered.js';

/** Default: the same topic is auto-answered at most once per group in this many ms. */
export const AUTO_ANSWER_COOLDOWN_MS = 5 * 60_000;

/** Data of a "did you mean" button: the entry it shows (`faq:show:12`). */
export const FAQ_BUTTON_PREFIX = 'faq:show:';

export function faqButtonData(entryId: number): string {
  return `${FAQ_BUTTON_PREFIX}${entryId}`;
}

/** The group setting `/faq auto on|off` writes. */
export const AUTO_ANSWER_SETTING = 'faqAutoAnswer';

export interface FaqServiceOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  cooldownMs?: number;
}

export function scopeOf(group: Pick<Group, 'id' | 'communityId'>): FaqScope {
  return { groupId: group.id, communityId: group.communityId };
}

export class FaqService {
  readonly repository: FaqRepository;
  /** Questions /faq found no answer to. */
  readonly unanswered: UnansweredQuestions;
  readonly cooldownMs: number;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly cache: FaqIndexCache;

  constructor(options: FaqServiceOptions) {
    this.repository = new FaqRepository(options.db);
    this.unanswered = new UnansweredQuestions(options.db);
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.cooldownMs = options.cooldownMs ?? AUTO_ANSWER_COOLDOWN_MS;
    this.cache = new FaqIndexCache((key) => this.repository.entriesFor(parseKey(key)));
  }

  private groupVersionKey(groupId: QualifiedId): string {
    return `${this.prefix}:faq:v:g:${groupId}`;
  }

  private communityVersionKey(communityId: number): string {
    return `${this.prefix}:faq:v:c:${communityId}`;
  }

  /** The index of everything the group sees, rebuilt only after a change anywhere in its scope. */
  async index(scope: FaqScope): Promise<FaqIndex> {
    const keys = [this.groupVersionKey(scope.groupId)];
    if (scope.communityId !== null) keys.push(this.communityVersionKey(scope.communityId));
    const versions = await this.redis.mget(...keys);
    return this.cache.get(cacheKey(scope, versions.map((v) => v ?? '0')));
  }

  /** Makes every cached index that includes this entry stale, in every process. */
  async changed(home: Pick<FaqEntryHome, 'groupId' | 'communityId'>): Promise<void> {
    await this.redis.incr(
      home.communityId === null ? this.groupVersionKey(home.groupId) : this.communityVersionKey(home.communityId),
    );
  }

  /**
   * True (and the cooldown starts) when `entryId` may be auto-answered in the group now. Messages of one chat are
   * processed one at a time (the inbound queue partitions by chat), so reading then writing does not race. The
   * stored value is a deadline on the injected clock, so tests drive the cooldown without waiting.
   */
  /**
   * `eventId` holds the slot: the same event processed again (its job retried after a failure further on) gets it
   * again, so its answer is not lost to its own cooldown.
   */
  async takeAutoAnswerSlot(groupId: QualifiedId, entryId: number, now: number, eventId: string): Promise<boolean> {
    const key = `${this.prefix}:faq:cool:${groupId}:${entryId}`;
    const held = await this.redis.get(key);
    if (held !== null) {
      const [until, holder] = [Number(held.split(' ')[0]), held.slice(held.indexOf(' ') + 1)];
      if (until > now && holder !== eventId) return false;
    }
    await this.redis.set(key, `${now + this.cooldownMs} ${eventId}`, 'PX', this.cooldownMs);
    return true;
  }
}

// Cache key: versions, community and group id, the group id last because it may contain anything but a newline.
function cacheKey(scope: FaqScope, versions: string[]): string {
  return `${versions.join('.')}\n${scope.communityId ?? ''}\n${scope.groupId}`;
}

function parseKey(key: string): FaqScope {
  const [, community, ...group] = key.split('\n');
  return { groupId: group.join('\n'), communityId: community ? Number(community) : null };
}
