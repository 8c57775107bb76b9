import { desc, eq } from 'drizzle-orm';
import type { QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog } from './schema/index.js';

export type AuditEntry = typeof auditLog.$inferSelect;

/** Told of every audit entry once its change is committed (a moderation log posts it). */
export type AuditListener = (entry: AuditEntry) => Promise<void>;

export class AuditRepository {
  private readonly listeners: AuditListener[] = [];

  constructor(
    private readonly db: Db,
    /** Where a listener's failure goes: the change itself is committed and stands. */
    private readonly onListenerError: (error: unknown) => void = () => undefined,
  ) {}

  /** A change that is not a group setting (an FAQ entry, an alert sent from the dashboard): who, what, before → after. */
  async record(groupId: QualifiedId, actorId: QualifiedId, action: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
    await this.db.insert(auditLog).values({ groupId, actorId, action, before, after });
  }

  async latest(groupId: QualifiedId, limit = 10): Promise<AuditEntry[]> {
    return this.db.select().from(auditLog).where(eq(auditLog.groupId, groupId)).orderBy(desc(auditLog.id)).limit(limit);
  }

  /** Features observe settings changes here without the code that makes them knowing of it. */
  observe(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  /** Called by whoever wrote `entry`, after its transaction committed. */
  async committed(entry: AuditEntry): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(entry);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
