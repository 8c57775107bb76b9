import { desc, eq } from 'drizzle-orm';
import type { QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog } from './schema/index.js';

export type AuditEntry = typeof auditLog.$inferSelect;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** A change that is not a group setting (an FAQ entry, an alert sent from the dashboard): who, what, before → after. */
  async record(groupId: QualifiedId, actorId: QualifiedId, action: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
    await this.db.insert(auditLog).values({ groupId, actorId, action, before, after });
  }

  async latest(groupId: QualifiedId, limit = 10): Promise<AuditEntry[]> {
    return this.db.select().from(auditLog).where(eq(auditLog.groupId, groupId)).orderBy(desc(auditLog.id)).limit(limit);
  }
}
