// The outcome of each delivery job, kept for receipts (/alert status, /bridge health) and for the message map.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { deliveries } from './schema/index.js';

export type DeliveryRow = typeof deliveries.$inferSelect;

export class DeliveryRepository {
  constructor(private readonly db: Db) {}

  async record(row: {
    jobId: string;
    outboundId: string;
    target: string;
    status: DeliveryRow['status'];
    messageIds?: string[];
    error?: string | null;
    attempts: number;
  }): Promise<void> {
    const values = { ...row, messageIds: row.messageIds ?? [], error: row.error ?? null, updatedAt: new Date() };
    await this.db
      .insert(deliveries)
      .values(values)
      .onConflictDoUpdate({
        target: deliveries.jobId,
        set: {
          status: values.status,
          messageIds: values.messageIds,
          error: values.error,
          attempts: values.attempts,
          updatedAt: values.updatedAt,
        },
      });
  }

  async byOutbound(outboundIds: string[]): Promise<DeliveryRow[]> {
    if (outboundIds.length === 0) return [];
    return this.db.select().from(deliveries).where(inArray(deliveries.outboundId, outboundIds));
  }

  async find(jobId: string): Promise<DeliveryRow | undefined> {
    const rows = await this.db.select().from(deliveries).where(eq(deliveries.jobId, jobId)).limit(1);
    return rows[0];
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
      .from(deliveries)
      .groupBy(deliveries.status);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}
