import { desc, eq } from 'drizzle-orm';
import type { QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog } from './schema/index.js';

export type AuditEntry = typeof auditLog.$inferSelect;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async latest(groupId: QualifiedId, limit = 10): Promise<AuditEntry[]> {
    return this.db.select().from(auditLog).where(eq(auditLog.groupId, groupId)).orderBy(desc(auditLog.id)).limit(limit);
  }
}
