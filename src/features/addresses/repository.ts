// Storage of addresses, vouches, reports and offers from solved requests. Counters move in the same transaction as
// the row that justifies them, and a vouch or a report is one row per person, so pressing twice counts once.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { addressEntries, addressReports, addressSuggestions, addressVouches } from '../../db/schema/index.js';

export type AddressEntry = typeof addressEntries.$inferSelect;
export type AddressSuggestion = typeof addressSuggestions.$inferSelect;
export type NewAddress = Omit<AddressEntry, 'id' | 'vouches' | 'reports' | 'confirmedAt'>;

export type VouchOutcome = 'added' | 'again';

export class AddressRepository {
  constructor(private readonly db: Db) {}

  /** Stores an address, or returns the one this source (an update, an accepted offer) already stored. */
  async create(input: NewAddress): Promise<{ entry: AddressEntry; created: boolean }> {
    const [row] = await this.db
      .insert(addressEntries)
      .values({ ...input, confirmedAt: input.createdAt })
      .onConflictDoNothing({ target: addressEntries.sourceId })
      .returning();
    if (row) return { entry: row, created: true };
    const [existing] = await this.db.select().from(addressEntries).where(eq(addressEntries.sourceId, input.sourceId)).limit(1);
    return { entry: existing!, created: false };
  }

  async byId(id: number): Promise<AddressEntry | undefined> {
    const rows = await this.db.select().from(addressEntries).where(eq(addressEntries.id, id)).limit(1);
    return rows[0];
  }

  /** An address as seen from `scope`: undefined when it belongs to another community (or none). */
  async inScope(scope: string, id: number): Promise<AddressEntry | undefined> {
    const rows = await this.db
      .select()
      .from(addressEntries)
      .where(and(eq(addressEntries.id, id), eq(addressEntries.scope, scope)))
      .limit(1);
    return rows[0];
  }

  /** What the search index needs of every address of a scope. */
  async searchable(scope: string): Promise<{ id: number; what: string; who: string; note: string | null }[]> {
    return this.db
      .select({ id: addressEntries.id, what: addressEntries.what, who: addressEntries.who, note: addressEntries.note })
      .from(addressEntries)
      .where(eq(addressEntries.scope, scope));
  }

  /** The rows of these ids that still exist in `scope` (an erased or moved one is simply missing). */
  async rows(scope: string, ids: number[]): Promise<AddressEntry[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(addressEntries)
      .where(and(eq(addressEntries.scope, scope), inArray(addressEntries.id, ids)));
  }

  async remove(id: number): Promise<AddressEntry | undefined> {
    const [row] = await this.db.delete(addressEntries).where(eq(addressEntries.id, id)).returning();
    return row;
  }

  /** One vouch per person; a new one confirms the address (it is no longer old). */
  async vouch(entryId: number, personId: QualifiedId, at: Date): Promise<{ outcome: VouchOutcome; entry: AddressEntry } | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(addressVouches).values({ entryId, personId, at }).onConflictDoNothing().returning();
      const [entry] = row
        ? await tx
            .update(addressEntries)
            .set({ vouches: sql`${addressEntries.vouches} + 1`, confirmedAt: at })
            .where(eq(addressEntries.id, entryId))
            .returning()
        : await tx.select().from(addressEntries).where(eq(addressEntries.id, entryId)).limit(1);
      return entry ? { outcome: row ? 'added' : 'again', entry } : undefined;
    });
  }

  /** One report per person; returns false when this person had already reported it. */
  async report(entryId: number, personId: QualifiedId, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(addressReports).values({ entryId, personId, at }).onConflictDoNothing().returning();
      if (row) await tx.update(addressEntries).set({ reports: sql`${addressEntries.reports} + 1` }).where(eq(addressEntries.id, entryId));
      return row !== undefined;
    });
  }

  /** Records an offer to add a helper; the same source returns the row it already made. */
  async suggest(input: Omit<AddressSuggestion, 'id' | 'entryId'>): Promise<AddressSuggestion> {
    const [row] = await this.db.insert(addressSuggestions).values(input).onConflictDoNothing({ target: addressSuggestions.sourceId }).returning();
    if (row) return row;
    const [existing] = await this.db.select().from(addressSuggestions).where(eq(addressSuggestions.sourceId, input.sourceId)).limit(1);
    return existing!;
  }

  async suggestion(id: number): Promise<AddressSuggestion | undefined> {
    const rows = await this.db.select().from(addressSuggestions).where(eq(addressSuggestions.id, id)).limit(1);
    return rows[0];
  }

  async accepted(suggestionId: number, entryId: number): Promise<void> {
    await this.db.update(addressSuggestions).set({ entryId }).where(eq(addressSuggestions.id, suggestionId));
  }

  /**
   * /forgetme: the addresses the person wrote, and those about them (a helper added from a request), go; their vouches
   * and reports go and no longer count; offers that name them go. Returns the scopes whose index changed too.
   */
  async forget(personId: QualifiedId, db: Db = this.db): Promise<{ removed: number; scopes: string[] }> {
    const vouched = await db.delete(addressVouches).where(eq(addressVouches.personId, personId)).returning({ entryId: addressVouches.entryId });
    for (const { entryId } of vouched) {
      await db.update(addressEntries).set({ vouches: sql`greatest(${addressEntries.vouches} - 1, 0)` }).where(eq(addressEntries.id, entryId));
    }
    const reported = await db.delete(addressReports).where(eq(addressReports.personId, personId)).returning({ entryId: addressReports.entryId });
    for (const { entryId } of reported) {
      await db.update(addressEntries).set({ reports: sql`greatest(${addressEntries.reports} - 1, 0)` }).where(eq(addressEntries.id, entryId));
    }
    const entries = await db
      .delete(addressEntries)
      .where(or(eq(addressEntries.authorId, personId), eq(addressEntries.subjectId, personId)))
      .returning({ scope: addressEntries.scope });
    const suggestions = await db
      .delete(addressSuggestions)
      .where(or(eq(addressSuggestions.closerId, personId), eq(addressSuggestions.helperId, personId)))
      .returning({ id: addressSuggestions.id });
    return {
      removed: vouched.length + reported.length + entries.length + suggestions.length,
      scopes: [...new Set(entries.map((e) => e.scope))],
    };
  }
}
