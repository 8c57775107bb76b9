// FAQ entries and their translations. An entry belongs to the group it was added in; when that group is in a
// community the entry carries the community too, and every group of the community sees it.
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { communities, groups } from '../../db/schema/core.js';

/** One topic. Its own language is `lang`; its text lives in faq_translations (one row per language). */
export const faqEntries = pgTable(
  'faq_entries',
  {
    /** Shown to users as `#<id>`. */
    id: serial('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** Set when the entry is shared with the group's community; null for an entry of the group alone. */
    communityId: integer('community_id').references(() => communities.id, { onDelete: 'set null' }),
    lang: text('lang').notNull(),
    /** Erased by /forgetme. */
    authorId: text('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('faq_entries_group').on(table.groupId), index('faq_entries_community').on(table.communityId)],
);

export const faqTranslations = pgTable(
  'faq_translations',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => faqEntries.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    authorId: text('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.entryId, table.lang] })],
);

/**
 * Questions asked with /faq that found no answer, so moderators see what to add (the dashboard lists them). Kept
 * short: the newest few hundred per group. The asker is kept for /forgetme, which removes their questions.
 */
export const faqUnanswered = pgTable(
  'faq_unanswered',
  {
    id: serial('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    communityId: integer('community_id').references(() => communities.id, { onDelete: 'set null' }),
    askerId: text('asker_id').notNull(),
    question: text('question').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('faq_unanswered_group').on(table.groupId, table.id), index('faq_unanswered_asker').on(table.askerId)],
);

/**
 * "Did you mean" picks: a member asked `question` with /faq, was offered choices, and picked `entryId`. A phrasing
 * (same `normalised` question, same entry) is learned once enough distinct members picked it, or one moderator did;
 * the matcher then answers that entry when the question is asked again (FaqIndex.repeatOf). The row goes with its
 * entry, and /forgetme removes the asker's rows. The group is where it was asked: the entry itself says who sees it
 * (its group, or its community).
 */
export const faqPicks = pgTable(
  'faq_picks',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => faqEntries.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    askerId: text('asker_id').notNull(),
    /** The language the asker asked in (their platform hint, else the detected or group language). */
    lang: text('lang').notNull(),
    question: text('question').notNull(),
    /** The question folded to compare picks of the same question (case, accents, punctuation, spacing). */
    normalised: text('normalised').notNull(),
    /** Picked by a moderator or admin of the group: learned at once. */
    moderator: boolean('moderator').notNull().default(false),
    pickedAt: timestamp('picked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('faq_picks_once').on(table.entryId, table.normalised, table.askerId),
    index('faq_picks_group').on(table.groupId),
    index('faq_picks_asker').on(table.askerId),
  ],
);
