// Moderators seen running commands in a group: the bot may write to them privately (they have used it, and on
// Telegram a private chat works only once they started it). Their role is asked of the platform again before use.
import { and, desc, eq } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { moderationModerators } from './schema.js';

export class ModeratorRepository {
  constructor(private readonly db: Db) {}

  async seen(groupId: QualifiedId, personId: QualifiedId, now: number): Promise<void> {
    await this.db
      .insert(moderationModerators)
      .values({ groupId, personId, seenAt: new Date(now) })
      .onConflictDoUpdate({ target: [moderationModerators.groupId, moderationModerators.personId], set: { seenAt: new Date(now) } });
  }

  /** The most recently seen first. */
  async of(groupId: QualifiedId, limit: number): Promise<QualifiedId[]> {
    const rows = await this.db
      .select({ id: moderationModerators.personId })
      .from(moderationModerators)
      .where(eq(moderationModerators.groupId, groupId))
      .orderBy(desc(moderationModerators.seenAt))
      .limit(limit);
    return rows.map((row) => row.id);
  }

  async forget(tx: Db, personId: QualifiedId): Promise<number> {
    const rows = await tx.delete(moderationModerators).where(and(eq(moderationModerators.personId, personId))).returning();
    return rows.length;
  }
}
