// What the address commands and buttons use: storage, the search index per scope (cached in each process and rebuilt
// after a change anywhere, through a version number in Redis, as the FAQ does), ranking, and the offer made when a
// help request is solved.
import type { Redis } from 'ioredis';
import type { Clock, Group, Outbox, Translate } from '../../core/context.js';
import type { GroupRepository } from '../../db/groups.js';
import type { Db } from '../../db/client.js';
import type { RequestSolved } from '../help-requests/service.js';
import { AddressRepository, type AddressEntry } from './repository.js';
import { AddressIndex, isOld, rankScore } from './search.js';

/** /find shows this many. */
export const RESULTS = 5;
/** Candidates taken from the index before vouches and recency reorder them. */
const CANDIDATES = 50;
/** Indexes kept per process; the least recently used goes first. */
const MAX_INDEXES = 500;

/** Button data: `addr:vouch:<id>` ("I recommend them too"), `addr:add:<suggestion>` (add whoever helped). */
export const VOUCH_BUTTON_PREFIX = 'addr:vouch:';
export const ADD_BUTTON_PREFIX = 'addr:add:';
/** How many helpers of one solved request are offered. */
const MAX_SUGGESTIONS = 3;

/** Longest parts of a recommendation, in characters. */
export const LIMITS = { what: 80, who: 120, contact: 120, note: 300 } as const;

export interface AddressDeps {
  db: Db;
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  translate: Translate;
  clock: Clock;
  groups: GroupRepository;
}

export interface FoundAddress {
  entry: AddressEntry;
  quality: number;
  old: boolean;
  /** The title of the group it was recommended in. */
  groupTitle: string;
}

/** Addresses are kept per community, or per group when it has none. */
export function addressScope(group: Pick<Group, 'id' | 'communityId'>): string {
  return group.communityId !== null ? `community:${group.communityId}` : `group:${group.id}`;
}

export class AddressService {
  readonly repository: AddressRepository;
  private readonly indexes = new Map<string, Promise<AddressIndex>>();

  constructor(private readonly deps: AddressDeps) {
    this.repository = new AddressRepository(deps.db);
  }

  scopeOf(group: Pick<Group, 'id' | 'communityId'>): string {
    return addressScope(group);
  }

  private versionKey(scope: string): string {
    return `${this.deps.prefix}:addr:v:${scope}`;
  }

  /** The search index of a scope, rebuilt only after a change in it (in any process). */
  async index(scope: string): Promise<AddressIndex> {
    const version = (await this.deps.redis.get(this.versionKey(scope))) ?? '0';
    const key = `${version}\n${scope}`;
    const cached = this.indexes.get(key);
    if (cached) {
      this.indexes.delete(key);
      this.indexes.set(key, cached);
      return cached;
    }
    const building = this.repository.searchable(scope).then((entries) => new AddressIndex(entries));
    building.catch(() => {
      if (this.indexes.get(key) === building) this.indexes.delete(key);
    });
    this.indexes.set(key, building);
    while (this.indexes.size > MAX_INDEXES) this.indexes.delete(this.indexes.keys().next().value as string);
    return building;
  }

  private dropIndexes(scope: string): void {
    for (const key of [...this.indexes.keys()]) if (key.endsWith(`\n${scope}`)) this.indexes.delete(key);
  }

  /** Makes every cached index of `scope` stale, in every process. */
  async changed(scope: string): Promise<void> {
    await this.deps.redis.incr(this.versionKey(scope));
  }

  /**
   * The best addresses of `scope` for `query`: matched in the index, then read from storage (so an address removed
   * or erased since the index was built is never shown), ranked by quality, vouches and recency.
   */
  async find(scope: string, query: string): Promise<FoundAddress[]> {
    const hits = (await this.index(scope)).search(query, CANDIDATES);
    const quality = new Map(hits.map((h) => [h.id, h.quality]));
    const rows = await this.repository.rows(scope, hits.map((h) => h.id));
    // An address gone since the index was built (removed, or erased inside a /forgetme that bumped the version before
    // committing): the index is dropped so its words do not stay in memory.
    if (rows.length < hits.length) this.dropIndexes(scope);
    const now = this.deps.clock.now();
    const ranked = rows
      .map((entry) => ({ entry, quality: quality.get(entry.id)!, score: rankScore(quality.get(entry.id)!, entry, now) }))
      .sort((a, b) => b.score - a.score || b.entry.id - a.entry.id)
      .slice(0, RESULTS);
    const titles = new Map<string, string>();
    for (const { entry } of ranked) {
      if (!titles.has(entry.originGroup)) titles.set(entry.originGroup, (await this.deps.groups.find(entry.originGroup))?.title ?? '');
    }
    return ranked.map(({ entry, quality: q }) => ({ entry, quality: q, old: isOld(entry, now), groupTitle: titles.get(entry.originGroup)! }));
  }

  /** A notice about an address for the group it was recommended in, in that group's language (held in its quiet hours). */
  async tellOrigin(id: string, entry: AddressEntry, key: string, params: Record<string, unknown>, people: string[]): Promise<void> {
    const origin = await this.deps.groups.find(entry.originGroup);
    if (!origin?.active) return;
    await this.deps.outbox.enqueue({
      id,
      target: origin.id,
      action: 'send',
      text: this.deps.translate(origin.language, key, params),
      urgent: false,
      // Whose name or words it carries, so /forgetme finds it while it waits.
      people: [...new Set([entry.authorId, ...people])],
    });
  }

  /**
   * The follow-up of a solved help request: offers the person who closed it to add each helper (a button where the
   * platform has buttons, a line to type on WhatsApp), pre-filled from the request.
   */
  readonly offerHelpers = async ({ ctx, request, helpers }: RequestSolved): Promise<void> => {
    if (helpers.length === 0 || ctx.envelope.chat.type === 'private') return;
    const what = prefill(request.tags, request.text);
    // WhatsApp Web has no buttons (adapters/whatsapp/send.ts drops them): there, the line to type.
    const buttons = ctx.group.platform !== 'whatsapp';
    for (const helper of helpers.slice(0, MAX_SUGGESTIONS)) {
      const suggestion = await this.repository.suggest({
        sourceId: `${ctx.envelope.id}:${helper.id}`,
        scope: this.scopeOf(ctx.group),
        closerId: ctx.envelope.sender.id,
        helperId: helper.id,
        helperName: helper.name,
        what,
        requestNumber: request.number,
        lang: ctx.group.language,
        groupId: ctx.group.id,
        createdAt: new Date(this.deps.clock.now()),
      });
      const params = { helper: helper.name, number: request.number, what };
      await ctx.reply(
        ctx.t(buttons ? 'address.suggest' : 'address.suggest_hint', params),
        buttons
          ? { buttons: [{ label: ctx.t('address.suggest_button', params), data: `${ADD_BUTTON_PREFIX}${suggestion.id}` }], people: [ctx.envelope.sender.id, helper.id] }
          : { people: [ctx.envelope.sender.id, helper.id] },
      );
    }
  };
}

/** What a helper is recommended for: the request's first tag ("#plumber"), or the start of its text. */
export function prefill(tags: readonly string[], text: string): string {
  if (tags.length > 0) return tags[0]!.replace(/[_-]+/g, ' ');
  const plain = text.replace(/#[\p{L}\p{N}_-]+/gu, '').replace(/\s+/g, ' ').trim();
  return plain.length <= 40 ? plain : `${plain.slice(0, 39).trimEnd()}…`;
}
