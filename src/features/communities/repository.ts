// Communities: groups (on any platform) that share alerts, FAQ entries and help requests. A group belongs to at most
// one community (groups.community_id). Membership changes are audited in the same transaction as the change, like
// GroupRepository.change() does for settings (which does not cover the community_id column).
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Group } from '../../core/context.js';
import type { ChatRef, QualifiedId } from '../../core/envelope.js';
import { isPrivateChat } from '../../core/private-chat.js';
import type { Db } from '../../db/client.js';
import { CLOSED_BY_LEAVING, alerts, auditLog, communities, communityCodes, groups } from '../../db/schema/index.js';
import { newCode } from '../../text/codes.js';

/** The group setting naming the community this group started. */
/** A join code serves any number of groups for this long. */
export const CODE_LIFETIME_MS = 24 * 3600 * 1000;

export const CREATOR_SETTING = 'createdCommunity';

export interface Community {
  id: number;
  name: string;
}

/** A member group as other features need it: where to send, in which language, under which name. */
export interface CommunityGroup {
  id: QualifiedId;
  platform: string;
  title: string | null;
  language: string;
  timezone: string;
  active: boolean;
}

export type JoinOutcome =
  | { ok: true; community: Community }
  | { ok: false; reason: 'unknown-code' | 'expired' | 'already-member' | 'in-another' | 'private-chat'; community?: Community };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export class CommunityRepository {
  /** `groupChanged` lets the group cache forget a group whose community changed. */
  constructor(
    private readonly db: Db,
    private readonly groupChanged: (groupId: QualifiedId) => void = () => {},
  ) {}

  /** /forgetme: communities and their codes stay (they are the groups'), without who created them. */
  async forget(db: Db, personId: QualifiedId): Promise<number> {
    const created = await db.update(communities).set({ createdBy: null }).where(eq(communities.createdBy, personId)).returning({ id: communities.id });
    const codes = await db.update(communityCodes).set({ createdBy: null }).where(eq(communityCodes.createdBy, personId)).returning({ code: communityCodes.code });
    return created.length + codes.length;
  }

  /** The community a group belongs to, if any. */
  async communityOf(groupId: QualifiedId): Promise<Community | undefined> {
    const rows = await this.db
      .select({ id: communities.id, name: communities.name })
      .from(groups)
      .innerJoin(communities, eq(groups.communityId, communities.id))
      .where(eq(groups.id, groupId))
      .limit(1);
    return rows[0];
  }

  async find(communityId: number): Promise<Community | undefined> {
    const rows = await this.db.select({ id: communities.id, name: communities.name }).from(communities).where(eq(communities.id, communityId));
    return rows[0];
  }

  /** Every group of a community, oldest member first; inactive ones included (callers skip them when sending). */
  async groupsOf(communityId: number): Promise<CommunityGroup[]> {
    return this.db
      .select({
        id: groups.id,
        platform: groups.platform,
        title: groups.title,
        language: groups.language,
        timezone: groups.timezone,
        active: groups.active,
      })
      .from(groups)
      .where(eq(groups.communityId, communityId))
      .orderBy(asc(groups.createdAt), asc(groups.id));
  }

  /** Starts a community with `group` as its first member; returns it and its first join code. */
  async create(
    group: Group,
    name: string,
    actorId: QualifiedId,
    now: number,
    chatType?: ChatRef['type'],
  ): Promise<{ community: Community; code: string } | { inAnother: Community }> {
    if (isPrivateChat(group.id, chatType)) throw new Error(`a private chat cannot start a community: ${group.id}`);
    return this.db.transaction(async (tx) => {
      const current = await this.lockGroup(tx, group.id);
      if (current !== null) return { inAnother: (await this.findIn(tx, current))! };
      const [community] = await tx.insert(communities).values({ name, createdBy: actorId }).returning({ id: communities.id, name: communities.name });
      await this.setCommunity(tx, group.id, null, community!.id, actorId, 'community.create');
      // The group that started a community hears when another joins, and its admins may remove one.
      await tx
        .update(groups)
        .set({ settings: sql`${groups.settings} || ${JSON.stringify({ [CREATOR_SETTING]: community!.id })}::jsonb` })
        .where(eq(groups.id, group.id));
      this.groupChanged(group.id);
      const code = await this.replaceCode(tx, community!.id, actorId, now);
      return { community: community!, code };
    });
  }

  /** A fresh join code for the group's community; the previous codes stop working. */
  async freshCode(communityId: number, actorId: QualifiedId, now: number): Promise<string> {
    return this.db.transaction(async (tx) => this.replaceCode(tx, communityId, actorId, now));
  }

  async join(groupId: QualifiedId, code: string, actorId: QualifiedId, now: number, chatType?: ChatRef['type']): Promise<JoinOutcome> {
    if (isPrivateChat(groupId, chatType)) return { ok: false, reason: 'private-chat' };
    return this.db.transaction(async (tx) => {
      const rows = await tx.select().from(communityCodes).where(eq(communityCodes.code, code)).limit(1);
      const row = rows[0];
      if (!row) return { ok: false, reason: 'unknown-code' } as const;
      if (row.expiresAt.getTime() <= now) return { ok: false, reason: 'expired' } as const;
      const community = (await this.findIn(tx, row.communityId))!;
      const current = await this.lockGroup(tx, groupId);
      if (current === row.communityId) return { ok: false, reason: 'already-member', community } as const;
      if (current !== null) return { ok: false, reason: 'in-another', community: await this.findIn(tx, current) } as const;
      await this.setCommunity(tx, groupId, null, row.communityId, actorId, 'community.join');
      return { ok: true, community } as const;
    });
  }

  /**
   * Takes the group out of its community; returns the community it left, if it was in one. `action` is what the
   * audit says: `community.remove` when the creating group's admin removed it.
   */
  async leave(groupId: QualifiedId, actorId: QualifiedId, action: 'community.leave' | 'community.remove' = 'community.leave'): Promise<Community | undefined> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockGroup(tx, groupId);
      if (current === null) return undefined;
      const community = await this.findIn(tx, current);
      await this.setCommunity(tx, groupId, current, null, actorId, action);
      await tx
        .update(alerts)
        .set({ status: 'rejected', decidedBy: CLOSED_BY_LEAVING })
        .where(and(eq(alerts.sourceGroup, groupId), eq(alerts.communityId, current), eq(alerts.status, 'proposed')));
      return community;
    });
  }

  /** The member group that started the community (undefined once it has left). */
  async creatorOf(communityId: number): Promise<CommunityGroup | undefined> {
    const members = await this.groupsOf(communityId);
    const rows = await this.db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.communityId, communityId), sql`${groups.settings} @> ${JSON.stringify({ [CREATOR_SETTING]: communityId })}::jsonb`))
      .limit(1);
    return members.find((g) => g.id === rows[0]?.id);
  }

  private async findIn(tx: Tx, communityId: number): Promise<Community | undefined> {
    const rows = await tx.select({ id: communities.id, name: communities.name }).from(communities).where(eq(communities.id, communityId));
    return rows[0];
  }

  /** Locks the group's row for the transaction and returns its community id (two joins cannot both win). */
  private async lockGroup(tx: Tx, groupId: QualifiedId): Promise<number | null> {
    const rows = await tx.select({ communityId: groups.communityId }).from(groups).where(eq(groups.id, groupId)).for('update');
    if (!rows[0]) throw new Error(`unknown group ${groupId}`);
    return rows[0].communityId;
  }

  private async setCommunity(tx: Tx, groupId: QualifiedId, before: number | null, after: number | null, actorId: QualifiedId, action: string) {
    await tx.update(groups).set({ communityId: after, updatedAt: new Date() }).where(eq(groups.id, groupId));
    this.groupChanged(groupId);
    await tx.insert(auditLog).values({ groupId, actorId, action, before: { communityId: before }, after: { communityId: after } });
  }

  private async replaceCode(tx: Tx, communityId: number, actorId: QualifiedId, now: number): Promise<string> {
    await tx.delete(communityCodes).where(eq(communityCodes.communityId, communityId));
    // 31^8 codes: a collision is astronomically rare, but a retry costs nothing.
    for (;;) {
      const code = newCode();
      const inserted = await tx
        .insert(communityCodes)
        .values({ code, communityId, createdBy: actorId, createdAt: new Date(now), expiresAt: new Date(now + CODE_LIFETIME_MS) })
        .onConflictDoNothing()
        .returning({ code: communityCodes.code });
      if (inserted.length > 0) return code;
    }
  }

  /** Live codes of a community (tests, and a future `/community` detail for admins). */
  async liveCodes(communityId: number, now: number): Promise<string[]> {
    const rows = await this.db
      .select({ code: communityCodes.code })
      .from(communityCodes)
      .where(and(eq(communityCodes.communityId, communityId), gt(communityCodes.expiresAt, new Date(now))));
    return rows.map((r) => r.code);
  }
}
