// The bridge feature, wired once in app.ts: linking (for /bridge), the relay stage's helpers, the delivery hook.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock, Outbox, Translate } from '../../core/context.js';
import type { ChatRef, QualifiedId } from '../../core/envelope.js';
import { isPrivateChat } from '../../core/private-chat.js';
import { displayCode, newCode } from '../../text/codes.js';
import type { Db } from '../../db/client.js';
import type { GroupDefaults, GroupRepository } from '../../db/groups.js';
import type { DeliveryHandlers } from '../../core/feature.js';
import { bridgeDeliveryHandlers } from './delivery-hook.js';
import { BridgeHealth, type ChatHealth } from './health.js';
import { RelayJobs } from './relay-jobs.js';
import { BridgeRepository, type CodeOutcome } from './repository.js';

export interface BridgeOptions {
  /** How long the message map keeps a message (replies, edits and deletes of older ones are not mapped). Days. */
  retentionDays: number;
  /** Post "X joined / left" in the other chats. Off by default: it is noise to most groups. */
  joinLeaveNotices: boolean;
  /** Failed attempts in a row to one chat before the source chat gets its one notice. */
  noticeAfterFailures: number;
}

/** A link code is worth this long after it is given. */
export const CODE_TTL_MS = 10 * 60_000;

export const DEFAULT_BRIDGE_OPTIONS: BridgeOptions = { retentionDays: 30, joinLeaveNotices: false, noticeAfterFailures: 3 };

export interface BridgeDeps {
  db: Db;
  redis: Redis;
  prefix: string;
  clock: Clock;
  outbox: Outbox;
  groups: GroupRepository;
  translate: Translate;
  defaults: GroupDefaults;
  options?: Partial<BridgeOptions>;
}

export interface LinkHealth extends ChatHealth {
  chatId: QualifiedId;
  title: string | null;
  queued: number;
}

const PRUNE_EVERY_SECONDS = 3600;

export class BridgeService {
  readonly repo: BridgeRepository;
  readonly jobs: RelayJobs;
  readonly health: BridgeHealth;
  readonly options: BridgeOptions;
  readonly delivery: DeliveryHandlers;

  constructor(private readonly deps: BridgeDeps) {
    this.repo = new BridgeRepository(deps.db);
    this.jobs = new RelayJobs(deps.redis, deps.prefix);
    this.health = new BridgeHealth(deps.redis, deps.prefix);
    this.options = { ...DEFAULT_BRIDGE_OPTIONS, ...deps.options };
    this.delivery = bridgeDeliveryHandlers({
      repo: this.repo,
      jobs: this.jobs,
      health: this.health,
      groups: deps.groups,
      outbox: deps.outbox,
      translate: deps.translate,
      clock: deps.clock,
      defaults: deps.defaults,
      noticeAfterFailures: this.options.noticeAfterFailures,
    });
  }

  /** An arrow property, not a method: the relay stage hands it around as a plain function. */
  readonly translate = (language: string, key: string, params?: Record<string, unknown>): string => this.deps.translate(language, key, params);

  /** A fresh one-time code for `chatId`, valid ten minutes. A private chat gets none: it is not a group. */
  async createCode(chatId: QualifiedId, by: QualifiedId, chatType?: ChatRef['type']): Promise<{ code: string; expiresAt: number }> {
    if (isPrivateChat(chatId, chatType)) throw new Error(`a private chat cannot be bridged: ${chatId}`);
    const code = newCode();
    const expiresAt = this.deps.clock.now() + CODE_TTL_MS;
    await this.repo.createCode(code, chatId, by, new Date(expiresAt));
    return { code: displayCode(code), expiresAt };
  }

  /**
   * Uses a code typed in `chatId`: this chat joins the bridge of the chat that asked for the code (a new bridge if
   * that one had none). A chat already bridged must leave its bridge first.
   */
  async useCode(
    code: string,
    chatId: QualifiedId,
    by: QualifiedId,
    chatType?: ChatRef['type'],
  ): Promise<CodeOutcome | { ok: false; reason: 'already-bridged' | 'private-chat' }> {
    if (isPrivateChat(chatId, chatType)) return { ok: false, reason: 'private-chat' };
    if (await this.repo.bridgeOf(chatId)) return { ok: false, reason: 'already-bridged' };
    const now = new Date(this.deps.clock.now());
    const outcome = await this.repo.useCode(code, chatId, by, now);
    if (!outcome.ok) return outcome;
    // A code stored for a private chat (whatever stored it) links nothing either: both sides must be groups.
    if (isPrivateChat(outcome.chatId)) return { ok: false, reason: 'private-chat' };
    const bridgeId = (await this.repo.bridgeOf(outcome.chatId)) ?? `b${randomBytes(6).toString('hex')}`;
    await this.repo.link(outcome.chatId, bridgeId, by, now);
    await this.repo.link(chatId, bridgeId, by, now);
    return outcome;
  }

  /** The other chats of this chat's bridge with their health; empty when not bridged. */
  async linksOf(chatId: QualifiedId): Promise<LinkHealth[]> {
    const partners = await this.repo.partnersOf(chatId);
    return Promise.all(
      partners.map(async (partner) => ({
        chatId: partner,
        title: (await this.deps.groups.find(partner))?.title ?? null,
        queued: await this.jobs.pending(partner),
        ...(await this.health.of(partner)),
      })),
    );
  }

  /** Drops message-map entries past the retention, at most once an hour across all processes. */
  async pruneNow(force = false): Promise<number> {
    if (!force) {
      const due = await this.deps.redis.set(`${this.deps.prefix}:bridge:pruned`, '1', 'EX', PRUNE_EVERY_SECONDS, 'NX');
      if (due === null) return 0;
    }
    return this.repo.prune(new Date(this.deps.clock.now() - this.options.retentionDays * 24 * 3600_000));
  }
}
