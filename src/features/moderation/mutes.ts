// Mutes: kept in the database with their end, so a restart forgets none. The platform's own tool keeps the member
// quiet where it has one (Telegram restrict, Discord timeout, both lifted by the platform at the end); WhatsApp has
// none, so the muted-member stage deletes their messages while the mute lasts (where the bot is a group admin), and
// does the same anywhere a restriction did not take.
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Clock, Outbox } from '../../core/context.js';
import { unqualify, type QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { TtlCache } from '../../ttl-cache.js';
import { moderationMutes } from './schema.js';

/** Platforms with no way to keep a member from posting: their messages are deleted instead. */
const NO_RESTRICT = new Set(['whatsapp']);

/** Discord's longest timeout: no mute is longer, on any platform. */
export const MAX_MUTE_MS = 28 * 86_400_000;
export const DEFAULT_MUTE_MS = 3_600_000;

export class MuteService {
  /** Each chat's current mutes (member → end), for the stage that reads them on every message. */
  private readonly cache = new TtlCache<Map<QualifiedId, number>>(5_000);

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Mutes `memberId` in `groupId` until `untilMs` and asks the platform to restrict them. `sourceId` names the event
   * that caused it: a re-run of that event restricts once.
   */
  async mute(groupId: QualifiedId, memberId: QualifiedId, untilMs: number, by: QualifiedId | null, sourceId: string): Promise<void> {
    await this.db
      .insert(moderationMutes)
      .values({ groupId, memberId, untilMs, mutedBy: by })
      .onConflictDoUpdate({ target: [moderationMutes.groupId, moderationMutes.memberId], set: { untilMs, mutedBy: by, createdAt: new Date() } });
    this.cache.delete(groupId);
    if (NO_RESTRICT.has(unqualify(groupId).platform)) return;
    await this.outbox.enqueue({ id: `${sourceId}:restrict`, target: groupId, action: 'restrict', text: '', member: { userId: memberId, untilMs }, urgent: true });
  }

  /** Lifts a mute; false when the member was not muted (the platform is asked to lift it anyway). */
  async unmute(groupId: QualifiedId, memberId: QualifiedId, sourceId: string): Promise<boolean> {
    const removed = await this.db
      .delete(moderationMutes)
      .where(and(eq(moderationMutes.groupId, groupId), eq(moderationMutes.memberId, memberId)))
      .returning();
    this.cache.delete(groupId);
    const wasMuted = removed.some((row) => row.untilMs > this.clock.now());
    if (!NO_RESTRICT.has(unqualify(groupId).platform)) {
      await this.outbox.enqueue({ id: `${sourceId}:unrestrict`, target: groupId, action: 'unrestrict', text: '', member: { userId: memberId }, urgent: true });
    }
    return wasMuted;
  }

  /** Until when the member is muted in the chat, or undefined. */
  async mutedUntil(groupId: QualifiedId, memberId: QualifiedId): Promise<number | undefined> {
    const now = this.clock.now();
    let mutes = this.cache.get(groupId);
    if (!mutes) {
      const rows = await this.db
        .select({ memberId: moderationMutes.memberId, untilMs: moderationMutes.untilMs })
        .from(moderationMutes)
        .where(and(eq(moderationMutes.groupId, groupId), gt(moderationMutes.untilMs, now)));
      mutes = new Map(rows.map((row) => [row.memberId, row.untilMs]));
      this.cache.set(groupId, mutes);
    }
    const until = mutes.get(memberId);
    return until !== undefined && until > now ? until : undefined;
  }

  /**
   * /forgetme: the person's mutes are forgotten here (a platform's own restriction stands until it ends), and so is
   * who muted anyone.
   */
  async forget(tx: Db, personId: QualifiedId): Promise<number> {
    const own = await tx.delete(moderationMutes).where(eq(moderationMutes.memberId, personId)).returning();
    const by = await tx.update(moderationMutes).set({ mutedBy: null }).where(eq(moderationMutes.mutedBy, personId)).returning();
    this.cache.clear();
    return own.length + by.length;
  }

  /** Forgets ended mutes (the platforms lifted them already); returns how many. */
  async sweep(): Promise<number> {
    const removed = await this.db.delete(moderationMutes).where(lte(moderationMutes.untilMs, this.clock.now())).returning();
    return removed.length;
  }
}
