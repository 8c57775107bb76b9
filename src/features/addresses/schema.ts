// Neighbourhood addresses (issue 23): trusted recommendations kept for a community (or a lone group), the neighbours
// who vouch for them, reports that one is wrong or outdated, and offers to add whoever helped with a solved request.
import { index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const addressEntries = pgTable(
  'address_entries',
  {
    /** Shown to users as `#<id>`. */
    id: serial('id').primaryKey(),
    /** The envelope (or suggestion) that created it: a re-run of the same update finds this row instead of adding twice. */
    sourceId: text('source_id').notNull(),
    /** `community:<id>`, or `group:<platform:id>` for a group in no community: who may see it. */
    scope: text('scope').notNull(),
    originGroup: text('origin_group').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    /** When the entry names a person known to Quartier (a helper added from a solved request): /forgetme removes it. */
    subjectId: text('subject_id'),
    what: text('what').notNull(),
    who: text('who').notNull(),
    contact: text('contact'),
    note: text('note'),
    /** The origin group's language when it was written. */
    lang: text('lang').notNull(),
    /** Vouches by others than the author (kept beside the vouch rows so a search reads one row per result). */
    vouches: integer('vouches').notNull().default(0),
    reports: integer('reports').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The last time someone added or vouched for it; a year without is shown as old. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('address_entries_source').on(table.sourceId),
    index('address_entries_scope').on(table.scope),
    index('address_entries_author').on(table.authorId),
  ],
);

export const addressVouches = pgTable(
  'address_vouches',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => addressEntries.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.entryId, table.personId] }), index('address_vouches_person').on(table.personId)],
);

export const addressReports = pgTable(
  'address_reports',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => addressEntries.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.entryId, table.personId] }), index('address_reports_person').on(table.personId)],
);

/** An offer, made when a request is solved, to add whoever helped; its button names this row. */
export const addressSuggestions = pgTable(
  'address_suggestions',
  {
    id: serial('id').primaryKey(),
    /** The /done update and the helper: a re-run of the same update offers once. */
    sourceId: text('source_id').notNull(),
    scope: text('scope').notNull(),
    /** Who closed the request: only they may accept the offer. */
    closerId: text('closer_id').notNull(),
    helperId: text('helper_id').notNull(),
    helperName: text('helper_name').notNull(),
    what: text('what').notNull(),
    requestNumber: integer('request_number').notNull(),
    lang: text('lang').notNull(),
    groupId: text('group_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The entry it became, once accepted. */
    entryId: integer('entry_id'),
  },
  (table) => [
    uniqueIndex('address_suggestions_source').on(table.sourceId),
    index('address_suggestions_closer').on(table.closerId), index('address_suggestions_helper').on(table.helperId),
  ],
);
