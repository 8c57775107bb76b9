// The outcome of each delivery job, kept for receipts (/alert status, /bridge health) and for the message map.
//
// Outcomes are written in batches (group commit): record() queues the row and resolves only once the statement that
// wrote it has committed, so a caller that awaited record() knows its row is stored, exactly as with one INSERT per
// row. The delivery worker awaits it before its job completes; a crash before the batch commits therefore leaves the
// job unfinished, and its retry finds the "sent" marker in Redis (no second post) and records the outcome again.
// Nothing is buffered that a caller has been told is stored, so there is nothing to lose on stop or in a crash.
// Why batch: fifty rows in one statement cost about as much as three single-row INSERTs (PGlite runs them on the
// bot's own event loop: ~1.7 ms for one row on the 2-core development machine), and a fan-out records hundreds of
// outcomes a second.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { deliveries } from './schema/index.js';

export type DeliveryRow = typeof deliveries.$inferSelect;

export interface DeliveryOutcome {
  jobId: string;
  outboundId: string;
  target: string;
  status: DeliveryRow['status'];
  messageIds?: string[];
  error?: string | null;
  attempts: number;
}

export interface RecordBatching {
  /** A batch is written once it holds this many rows... */
  maxRows: number;
  /** ...or this long after its first row was queued, whichever comes first. */
  maxWaitMs: number;
}

/**
 * Short next to a platform call, long enough to gather the outcomes of a busy moment into one statement (at 200
 * deliveries a second, ~4 rows each). A delivery job keeps its worker slot until its row is stored, so one worker of
 * concurrency 16 completes at most 16 / 20 ms = 800 jobs a second, far above any platform's limit.
 */
export const DEFAULT_RECORD_BATCHING: RecordBatching = { maxRows: 200, maxWaitMs: 20 };

interface Pending {
  values: typeof deliveries.$inferInsert;
  settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

export class DeliveryRepository {
  /** Rows waiting for the next statement, by job id: a later outcome of the same job replaces the earlier one. */
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  /** Statements run one after another, so a job's later outcome is never overwritten by an earlier one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly batching: RecordBatching = DEFAULT_RECORD_BATCHING,
  ) {}

  /** Stores the outcome (insert or update by job id). Resolves once it is committed; rejects if that failed. */
  record(row: DeliveryOutcome): Promise<void> {
    const values = { ...row, messageIds: row.messageIds ?? [], error: row.error ?? null, updatedAt: new Date() };
    return new Promise<void>((resolve, reject) => {
      const earlier = this.pending.get(row.jobId);
      // A job's rows in one statement would make ON CONFLICT touch a row twice (an error): the latest stands for both.
      this.pending.set(row.jobId, { values, settle: [...(earlier?.settle ?? []), { resolve, reject }] });
      if (this.pending.size >= this.batching.maxRows) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.batching.maxWaitMs);
    });
  }

  /** Writes what is queued now. Resolves once every row queued before the call is committed (or has failed). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await this.db
        .insert(deliveries)
        .values(batch.map((p) => p.values))
        .onConflictDoUpdate({
          target: deliveries.jobId,
          set: {
            status: sql`excluded.status`,
            messageIds: sql`excluded.message_ids`,
            error: sql`excluded.error`,
            attempts: sql`excluded.attempts`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    } catch (error) {
      if (batch.length > 1) {
        // One row the database refuses must not fail the others: each on its own (when the database is down, they
        // all fail, and each delivery job is retried, as after any failed write). Distinct jobs: no order among them.
        await Promise.all(batch.map((p) => this.write([p])));
        return;
      }
      for (const s of batch[0]!.settle) s.reject(error);
      return;
    }
    for (const p of batch) for (const s of p.settle) s.resolve();
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
