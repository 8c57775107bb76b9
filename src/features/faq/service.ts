// What commands and the auto-answer stage use: storage, the cached index per group, and the auto-answer cooldown.
//
// Cached indexes live in each worker process. A change made by one process must reach the others, so each group and
// community has a version number in Redis, bumped on every change; the cache key includes the versions (and the
// group's community), so a stale index is simply never asked for again and ages out of the LRU. A phrasing learned
// from members' "did you mean" picks (picks.ts) is such a change of its entry.
import type { Redis } from 'ioredis';
import type { Group } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { FaqIndexCache } from './cache.js';
import type { FaqIndex } from './match.js';
import { FaqOffers } from './offers.js';
import { FaqPicks, type LearningOptions, type PickOutcome } from './picks.js';
import { FaqRepository, type FaqEntryHome, type FaqScope } from './repository.js';
import { UnansweredQuestions } from './unanswered.js';

/** Default: the same topic is auto-answered at most once per group in this many ms. */
export const AUTO_ANSWER_COOLDOWN_MS = 5 * 60_000;

/**
 * Data of a "did you mean" button: the entry it shows and the token of the offer it belongs to (`faq:show:12:Ab3-x_9Z`),
 * so the asker's pick can be tied to their question (offers.ts). Without a token the button only shows the entry.
 */
export const FAQ_BUTTON_PREFIX = 'faq:show:';

export function faqButtonData(entryId: number, token?: string): string {
  return `${FAQ_BUTTON_PREFIX}${entryId}${token === undefined ? '' : `:${token}`}`;
}

/** The entry id and offer token of a button's data after the prefix; undefined when it is not one of ours. */
export function parseFaqButton(raw: string): { entryId: number; token?: string } | undefined {
  const match = /^(\d{1,9})(?::([A-Za-z0-9_-]{1,16}))?$/.exec(raw);
  return match ? { entryId: Number(match[1]), token: match[2] } : undefined;
}

/** The group setting `/faq auto on|off` writes. */
export const AUTO_ANSWER_SETTING = 'faqAutoAnswer';

export interface FaqServiceOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  cooldownMs?: number;
  learning?: Partial<LearningOptions>;
}

/** A member picked a "did you mean" choice: what they picked, under which offer (button token), and who they are. */
export interface FaqPickInput {
  scope: FaqScope;
  entryId: number;
  /** The offer's token from the button; undefined for a typed `/faq <id>` (the picker's latest offer is used). */
  token?: string;
  pickerId: QualifiedId;
  /** Whether the picker is a moderator or admin of the group, asked of the platform only when the pick counts. */
  isModerator: () => Promise<boolean>;
}

export function scopeOf(group: Pick<Group, 'id' | 'communityId'>): FaqScope {
  return { groupId: group.id, communityId: group.communityId };
}

export class FaqService {
  readonly repository: FaqRepository;
  /** Questions /faq found no answer to. */
  readonly unanswered: UnansweredQuestions;
  /** "Did you mean" choices offered, waiting for their asker's pick. */
  readonly offers: FaqOffers;
  /** Picks, and the phrasings learned from them. */
  readonly picks: FaqPicks;
  readonly cooldownMs: number;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly cache: FaqIndexCache;
  /** Homes of entries whose picks /forgetme removed, for rebuiltAfterErasure. */
  private readonly erasedHomes = new Map<string, Pick<FaqEntryHome, 'groupId' | 'communityId'>>();

  constructor(options: FaqServiceOptions) {
    this.repository = new FaqRepository(options.db);
    this.unanswered = new UnansweredQuestions(options.db);
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.cooldownMs = options.cooldownMs ?? AUTO_ANSWER_COOLDOWN_MS;
    this.picks = new FaqPicks(options.db, options.learning);
    this.offers = new FaqOffers(options.redis, options.prefix, this.picks.options.offerTtlMs);
    this.cache = new FaqIndexCache((key) => this.entriesWithPhrasings(parseKey(key)));
  }

  /** The scope's entries, each with the phrasings its members taught it. */
  private async entriesWithPhrasings(scope: FaqScope) {
    const entries = await this.repository.entriesFor(scope);
    const learned = await this.picks.learned(entries.map((e) => e.id));
    return entries.map((e) => (learned.has(e.id) ? { ...e, phrasings: learned.get(e.id) } : e));
  }

  /**
   * Learns from a pick when it is the asker's own pick, under an offer still kept, made in the group it was offered
   * in, of one of the entries offered, which the group still sees. Anything else (a forged or expired token, someone
   * else's question, another group, an entry not offered) learns nothing; the caller shows the entry all the same.
   */
  async picked(input: FaqPickInput): Promise<PickOutcome | 'ignored'> {
    const { scope, entryId, pickerId } = input;
    const token = input.token ?? (await this.offers.latest(scope.groupId, pickerId));
    if (token === undefined) return 'ignored';
    const offer = await this.offers.get(token);
    if (!offer || offer.groupId !== scope.groupId || offer.askerId !== pickerId || !offer.offered.includes(entryId)) return 'ignored';
    const home = await this.repository.find(scope, entryId);
    if (!home || !(await this.offers.take(token, offer))) return 'ignored';
    const outcome = await this.picks.record({
      entryId,
      groupId: scope.groupId,
      askerId: pickerId,
      lang: offer.lang,
      question: offer.question,
      moderator: await input.isModerator(),
    });
    if (outcome === 'learned') await this.changed(home);
    return outcome;
  }

  /**
   * /forgetme, inside its transaction: the person's picks go. The indexes of the entries they taught are rebuilt only
   * once the transaction has committed (rebuiltAfterErasure): an index rebuilt before would read the picks still there
   * and keep them until the FAQ's next change.
   */
  async forgetPicks(tx: Db, personId: QualifiedId): Promise<number> {
    const entryIds = await this.picks.forget(tx, personId);
    for (const home of await this.repository.homes(tx, [...new Set(entryIds)])) this.erasedHomes.set(`${home.groupId}\n${home.communityId}`, home);
    return entryIds.length;
  }

  /** /forgetme, after its transaction: the indexes that held the erased picks are rebuilt on their next use. */
  async rebuiltAfterErasure(): Promise<number> {
    const homes = [...this.erasedHomes.values()];
    this.erasedHomes.clear();
    for (const home of homes) await this.changed(home);
    return 0;
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
