// Storage of FAQ entries. A group sees its own entries (community_id null) plus every entry of its community.
// Returns the matcher's FaqEntry shape: translations with the entry's own language first.
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { faqEntries, faqTranslations } from '../../db/schema/index.js';
import type { FaqEntry } from './match.js';

/** Whose entries: a group, and the community it belongs to (if any). */
export interface FaqScope {
  groupId: QualifiedId;
  communityId: number | null;
}

/** Where an entry lives, to know which cached indexes its change makes stale. */
export interface FaqEntryHome {
  id: number;
  groupId: QualifiedId;
  communityId: number | null;
  lang: string;
}

function visibleTo(scope: FaqScope): SQL {
  const own = and(eq(faqEntries.groupId, scope.groupId), isNull(faqEntries.communityId))!;
  return scope.communityId === null ? own : or(own, eq(faqEntries.communityId, scope.communityId))!;
}

export class FaqRepository {
  constructor(private readonly db: Db) {}

  /** Every entry the scope sees, oldest first, each with its translations (own language first). */
  async entriesFor(scope: FaqScope): Promise<FaqEntry[]> {
    const homes = await this.db
      .select({ id: faqEntries.id, lang: faqEntries.lang })
      .from(faqEntries)
      .where(visibleTo(scope))
      .orderBy(asc(faqEntries.id));
    if (homes.length === 0) return [];
    const rows = await this.db
      .select({
        entryId: faqTranslations.entryId,
        lang: faqTranslations.lang,
        question: faqTranslations.question,
        answer: faqTranslations.answer,
      })
      .from(faqTranslations)
      .where(inArray(faqTranslations.entryId, homes.map((h) => h.id)))
      .orderBy(asc(faqTranslations.entryId), asc(faqTranslations.lang));
    const byId = new Map<number, FaqEntry>(homes.map((h) => [h.id, { id: h.id, translations: [] }]));
    const ownLang = new Map(homes.map((h) => [h.id, h.lang]));
    for (const row of rows) {
      const entry = byId.get(row.entryId)!;
      const translation = { lang: row.lang, question: row.question, answer: row.answer };
      if (row.lang === ownLang.get(row.entryId)) entry.translations.unshift(translation);
      else entry.translations.push(translation);
    }
    return [...byId.values()].filter((e) => e.translations.length > 0);
  }

  /** Adds an entry in `lang`; shared with the scope's community when there is one. */
  async add(
    scope: FaqScope,
    input: { lang: string; question: string; answer: string; authorId: QualifiedId },
  ): Promise<FaqEntryHome> {
    return this.db.transaction(async (tx) => {
      const [entry] = await tx
        .insert(faqEntries)
        .values({ groupId: scope.groupId, communityId: scope.communityId, lang: input.lang, authorId: input.authorId })
        .returning();
      await tx.insert(faqTranslations).values({
        entryId: entry!.id,
        lang: input.lang,
        question: input.question,
        answer: input.answer,
        authorId: input.authorId,
      });
      return { id: entry!.id, groupId: entry!.groupId, communityId: entry!.communityId, lang: entry!.lang };
    });
  }

  /** The entry if the scope sees it; undefined for an unknown id or another group's entry. */
  async find(scope: FaqScope, id: number): Promise<FaqEntryHome | undefined> {
    const rows = await this.db
      .select({ id: faqEntries.id, groupId: faqEntries.groupId, communityId: faqEntries.communityId, lang: faqEntries.lang })
      .from(faqEntries)
      .where(and(eq(faqEntries.id, id), visibleTo(scope)))
      .limit(1);
    return rows[0];
  }

  /** Adds or replaces the entry's text in `lang`. Returns false when the scope does not see the entry. */
  async translate(
    scope: FaqScope,
    id: number,
    input: { lang: string; question: string; answer: string; authorId: QualifiedId },
  ): Promise<FaqEntryHome | undefined> {
    const home = await this.find(scope, id);
    if (!home) return undefined;
    const values = { question: input.question, answer: input.answer, authorId: input.authorId, createdAt: new Date() };
    await this.db
      .insert(faqTranslations)
      .values({ entryId: id, lang: input.lang, ...values })
      .onConflictDoUpdate({ target: [faqTranslations.entryId, faqTranslations.lang], set: values });
    return home;
  }

  /** Removes the entry and its translations. Returns undefined when the scope does not see the entry. */
  async remove(scope: FaqScope, id: number): Promise<FaqEntryHome | undefined> {
    const home = await this.find(scope, id);
    if (!home) return undefined;
    await this.db.delete(faqEntries).where(eq(faqEntries.id, id));
    return home;
  }

  /** Where these entries live (those that still exist). */
  async homes(db: Db, ids: readonly number[]): Promise<FaqEntryHome[]> {
    if (ids.length === 0) return [];
    return db
      .select({ id: faqEntries.id, groupId: faqEntries.groupId, communityId: faqEntries.communityId, lang: faqEntries.lang })
      .from(faqEntries)
      .where(inArray(faqEntries.id, [...ids]));
  }

  /** /forgetme: entries stay (the group still needs them) but no longer say who wrote them. */
  async forgetAuthor(db: Db, personId: QualifiedId): Promise<number> {
    const entries = await db.update(faqEntries).set({ authorId: null }).where(eq(faqEntries.authorId, personId)).returning();
    const translations = await db
      .update(faqTranslations)
      .set({ authorId: null })
      .where(eq(faqTranslations.authorId, personId))
      .returning();
    return entries.length + translations.length;
  }
}
