// Storage of help requests, their offers and history. State changes are single conditional UPDATEs, so two workers
// (or a sweep racing a /done) can never both close, remind or expire the same request.
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { helpCounters, helpEvents, helpOffers, helpRequests, type HelpStatus } from '../../db/schema/index.js';

export type HelpRequest = typeof helpRequests.$inferSelect;
export type HelpOffer = typeof helpOffers.$inferSelect;
export type HelpEvent = typeof helpEvents.$inferSelect;

export const LIVE: HelpStatus[] = ['open', 'offered'];

export interface NewRequest {
  sourceId: string;
  scope: string;
  originGroup: QualifiedId;
  authorId: QualifiedId;
  authorName: string;
  text: string;
  tags: string[];
  urgent: boolean;
  targets: QualifiedId[];
  createdAt: Date;
  expiresAt: Date;
}

export class HelpRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores a new request with the next number of its scope, or returns the one this source (envelope) already
   * created: a re-run of the same update must not post twice.
   */
  async create(input: NewRequest): Promise<{ request: HelpRequest; created: boolean }> {
    const existing = await this.bySource(input.sourceId);
    if (existing) return { request: existing, created: false };
    return this.db.transaction(async (tx) => {
      const [counter] = await tx
        .insert(helpCounters)
        .values({ scope: input.scope, last: 1 })
        .onConflictDoUpdate({ target: helpCounters.scope, set: { last: sql`${helpCounters.last} + 1` } })
        .returning();
      const [request] = await tx
        .insert(helpRequests)
        .values({ ...input, number: counter!.last })
        .returning();
      await tx.insert(helpEvents).values({ requestId: request!.id, action: 'posted', actorId: input.authorId, at: input.createdAt });
      return { request: request!, created: true };
    });
  }

  async bySource(sourceId: string): Promise<HelpRequest | undefined> {
    const rows = await this.db.select().from(helpRequests).where(eq(helpRequests.sourceId, sourceId)).limit(1);
    return rows[0];
  }

  async byId(id: number): Promise<HelpRequest | undefined> {
    const rows = await this.db.select().from(helpRequests).where(eq(helpRequests.id, id)).limit(1);
    return rows[0];
  }

  async byNumber(scope: string, number: number): Promise<HelpRequest | undefined> {
    const rows = await this.db
      .select()
      .from(helpRequests)
      .where(and(eq(helpRequests.scope, scope), eq(helpRequests.number, number)))
      .limit(1);
    return rows[0];
  }

  async countLiveByAuthor(authorId: QualifiedId): Promise<number> {
    const rows = await this.db
      .select({ n: count() })
      .from(helpRequests)
      .where(and(eq(helpRequests.authorId, authorId), inArray(helpRequests.status, LIVE)));
    return rows[0]?.n ?? 0;
  }

  /** Open and offered requests of a scope, oldest first, optionally with one tag. */
  async live(scope: string, tag?: string): Promise<(HelpRequest & { offers: number })[]> {
    const conditions = [eq(helpRequests.scope, scope), inArray(helpRequests.status, LIVE)];
    if (tag) conditions.push(sql`${helpRequests.tags} @> ${JSON.stringify([tag])}::jsonb`);
    const rows = await this.db.select().from(helpRequests).where(and(...conditions)).orderBy(asc(helpRequests.number));
    const offers = await this.offerCounts(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, offers: offers.get(r.id) ?? 0 }));
  }

  /** A person's own open and offered requests in every scope, oldest first (what they may close from a private chat). */
  async liveByAuthor(authorId: QualifiedId): Promise<(HelpRequest & { offers: number })[]> {
    const rows = await this.db
      .select()
      .from(helpRequests)
      .where(and(eq(helpRequests.authorId, authorId), inArray(helpRequests.status, LIVE)))
      .orderBy(asc(helpRequests.createdAt), asc(helpRequests.id));
    const offers = await this.offerCounts(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, offers: offers.get(r.id) ?? 0 }));
  }

  private async offerCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({ requestId: helpOffers.requestId, n: count() })
      .from(helpOffers)
      .where(inArray(helpOffers.requestId, ids))
      .groupBy(helpOffers.requestId);
    return new Map(rows.map((r) => [r.requestId, r.n]));
  }

  /** Records an offer; undefined when this person had already offered. Marks the request offered. */
  async addOffer(request: HelpRequest, offer: Omit<HelpOffer, 'id' | 'requestId'>): Promise<HelpOffer | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(helpOffers)
        .values({ ...offer, requestId: request.id })
        .onConflictDoNothing()
        .returning();
      if (!row) return undefined;
      await tx
        .update(helpRequests)
        .set({ status: 'offered' })
        .where(and(eq(helpRequests.id, request.id), eq(helpRequests.status, 'open')));
      await tx.insert(helpEvents).values({ requestId: request.id, action: 'offered', actorId: offer.offererId, at: offer.at });
      return row;
    });
  }

  /** The offers a request received, in the order they came. */
  async offersOf(requestId: number): Promise<HelpOffer[]> {
    return this.db.select().from(helpOffers).where(eq(helpOffers.requestId, requestId)).orderBy(asc(helpOffers.id));
  }

  async offer(id: number): Promise<HelpOffer | undefined> {
    const rows = await this.db.select().from(helpOffers).where(eq(helpOffers.id, id)).limit(1);
    return rows[0];
  }

  /** Closes a live request; undefined when it was already closed (by someone else, or the sweep). */
  async close(
    id: number,
    status: Exclude<HelpStatus, 'open' | 'offered'>,
    action: string,
    actorId: QualifiedId | null,
    at: Date,
  ): Promise<HelpRequest | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(helpRequests)
        .set({ status, closedAt: at })
        .where(and(eq(helpRequests.id, id), inArray(helpRequests.status, LIVE)))
        .returning();
      if (row) await tx.insert(helpEvents).values({ requestId: id, action, actorId, at });
      return row;
    });
  }

  /** Live requests whose reminder is due at `now` and not yet sent. */
  async dueForReminder(now: Date, reminderBeforeMs: number): Promise<HelpRequest[]> {
    return this.db
      .select()
      .from(helpRequests)
      .where(
        and(
          inArray(helpRequests.status, LIVE),
          isNull(helpRequests.remindedAt),
          lte(helpRequests.expiresAt, new Date(now.getTime() + reminderBeforeMs)),
        ),
      );
  }

  /**
   * Claims the reminder of one request (only one caller wins). An overdue request gets the reminder's notice period
   * before it expires, so nobody's request closes without the promised warning.
   */
  async claimReminder(request: HelpRequest, now: Date, reminderBeforeMs: number): Promise<HelpRequest | undefined> {
    const noticeEnds = new Date(now.getTime() + reminderBeforeMs);
    const expiresAt = request.expiresAt < noticeEnds && request.expiresAt <= now ? noticeEnds : request.expiresAt;
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(helpRequests)
        .set({ remindedAt: now, expiresAt })
        .where(and(eq(helpRequests.id, request.id), isNull(helpRequests.remindedAt), inArray(helpRequests.status, LIVE)))
        .returning();
      if (row) await tx.insert(helpEvents).values({ requestId: row.id, action: 'reminded', actorId: null, at: now });
      return row;
    });
  }

  /** Live, reminded requests whose time is up. */
  async dueForExpiry(now: Date): Promise<HelpRequest[]> {
    return this.db
      .select()
      .from(helpRequests)
      .where(and(inArray(helpRequests.status, LIVE), isNotNull(helpRequests.remindedAt), lte(helpRequests.expiresAt, now)));
  }

  async history(id: number): Promise<HelpEvent[]> {
    return this.db.select().from(helpEvents).where(eq(helpEvents.requestId, id)).orderBy(asc(helpEvents.id));
  }

  /**
   * /forgetme: the person's offers go, and their requests with everything hanging on them (others' offers, the
   * history): a request is their words. Copies already posted stay on the platforms; their buttons then find nothing.
   */
  async forget(personId: QualifiedId, db: Db = this.db): Promise<number> {
    const offers = await db.delete(helpOffers).where(eq(helpOffers.offererId, personId)).returning();
    const requests = await db.delete(helpRequests).where(eq(helpRequests.authorId, personId)).returning({ id: helpRequests.id });
    const events = await db.update(helpEvents).set({ actorId: null }).where(eq(helpEvents.actorId, personId)).returning();
    return offers.length + requests.length + events.length;
  }
}
