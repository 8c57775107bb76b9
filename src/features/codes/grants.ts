// A code that links or joins is a secret: it goes to the person who asked, never into the group. Discord slash
// commands answer ephemerally; elsewhere the code is sent in a private message. When that message cannot be
// delivered (on Telegram a person who never started the bot gets 403 "bot can't initiate conversation"), the group is
// told so, and on Telegram the message carries a button opening the private chat with `/start <token>`; the code is
// given there after the person's role in the group is asked of the platform again.
//
// A grant (who asked, in which group, the role it needs, the sentence holding the code) waits in Redis under a random
// token for as long as the code is worth giving.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Context, Outbox, Translate } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import { privateChatOf } from '../../core/private-chat.js';
import { roleAtLeast, type Role } from '../../core/roles.js';
import type { GroupRepository } from '../../db/groups.js';
import type { DeliveryHandlers } from '../../core/feature.js';
import type { CachedRoleLookup } from '../../roles.js';

export interface Grant {
  group: QualifiedId;
  person: QualifiedId;
  /** The role the person must still have in the group when the code is handed over from a deep link. */
  needed: Role;
  /** The sentence holding the code, translated when it is given. */
  key: string;
  params: Record<string, unknown>;
  /** The command to mention when the person must ask again (`/bridge link`). */
  command: string;
}

export type RedeemOutcome =
  | { ok: true; grant: Grant }
  | { ok: false; reason: 'unknown' | 'not-yours' | 'role-lost'; grant?: Grant };


export interface CodeGrantDeps {
  redis: Redis;
  prefix: string;
  outbox: Outbox;
  groups: GroupRepository;
  roles: CachedRoleLookup;
  translate: Translate;
  defaultLanguage: string;
}

export class CodeGrants {
  /** A private message holding a code that cannot be delivered: the group is told, with a deep link on Telegram. */
  readonly delivery: DeliveryHandlers = {
    outcome: async (outcome) => {
      const token = outcome.message.origin?.ref.token;
      if (outcome.kind === 'failed' && typeof token === 'string') await this.privateMessageFailed(token);
    },
  };

  constructor(private readonly deps: CodeGrantDeps) {}

  private key(token: string): string {
    return `${this.deps.prefix}:codes:grant:${token}`;
  }

  /**
   * Gives the code in `grant` to the sender alone, and tells the group (without the code) that it went privately.
   * `ttlMs`: how long a deep link to it may still be followed.
   */
  async give(ctx: Context, grant: Omit<Grant, 'group' | 'person'>, ttlMs: number): Promise<void> {
    const { envelope } = ctx;
    if (envelope.interaction) {
      await ctx.reply(ctx.t(grant.key, grant.params, { ephemeral: true }), { ephemeral: true });
      return;
    }
    const target = privateChatOf(envelope.sender.id, { console: true });
    if (!target) {
      await ctx.replyEphemeral('codes.no_private', { command: grant.command });
      return;
    }
    const token = randomBytes(16).toString('base64url');
    const full: Grant = { ...grant, group: envelope.chat.id, person: envelope.sender.id };
    await this.deps.redis.set(this.key(token), JSON.stringify(full), 'PX', ttlMs);
    await ctx.outbox.enqueue({ id: `codes:${token}:dm`, target, action: 'send', text: ctx.t(grant.key, grant.params), urgent: true, origin: { feature: 'codes', ref: { token } } });
    await ctx.reply(ctx.t('codes.sent_privately', { name: envelope.sender.name }));
  }

  /**
   * `/start <token>` in a private chat: the grant, if it is the sender's and their role in the group still allows it
   * (asked of the platform, not of the cache). A grant is given once.
   */
  async redeem(token: string, personId: QualifiedId): Promise<RedeemOutcome> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return { ok: false, reason: 'unknown' };
    const raw = await this.deps.redis.get(this.key(token));
    if (!raw) return { ok: false, reason: 'unknown' };
    const grant = JSON.parse(raw) as Grant;
    if (grant.person !== personId) return { ok: false, reason: 'not-yours' };
    this.deps.roles.invalidate(grant.group, personId);
    const role = await this.deps.roles.roleOf(grant.group, personId);
    if (!roleAtLeast(role, grant.needed)) {
      await this.deps.redis.del(this.key(token));
      return { ok: false, reason: 'role-lost', grant };
    }
    // GETDEL-like: two presses of the same button give the code once.
    const taken = await this.deps.redis.del(this.key(token));
    return taken === 1 ? { ok: true, grant } : { ok: false, reason: 'unknown' };
  }

  /** The private message with a code could not be delivered for good: the group hears how to get it. */
  private async privateMessageFailed(token: string): Promise<void> {
    const raw = await this.deps.redis.get(this.key(token));
    if (!raw) return;
    const grant = JSON.parse(raw) as Grant;
    const group = await this.deps.groups.find(grant.group);
    const language = group?.language ?? this.deps.defaultLanguage;
    const platform = unqualify(grant.group).platform;
    const t = (key: string, params?: Record<string, unknown>) => this.deps.translate(language, key, params);
    if (platform === 'telegram') {
      await this.deps.outbox.enqueue({
        id: `codes:${token}:group`,
        target: grant.group,
        action: 'send',
        text: t('codes.open_private'),
        buttons: [{ label: t('codes.open_private_button'), data: `codes:${token}`.slice(0, 64), startPayload: token }],
        urgent: true,
      });
      return;
    }
    // No deep link elsewhere: the person asks again where an answer can reach them.
    await this.deps.redis.del(this.key(token));
    await this.deps.outbox.enqueue({
      id: `codes:${token}:group`,
      target: grant.group,
      action: 'send',
      text: t(platform === 'discord' ? 'codes.private_failed_discord' : 'codes.private_failed', { command: grant.command }),
      urgent: true,
    });
  }
}

