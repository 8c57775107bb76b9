// Moderation's tables: reports of messages (one per reported message, with one vote per reporter), mutes with their
// expiry, and the moderators seen using commands in a group (who may be written to privately).
import { bigint, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export type ReportStatus = 'open' | 'deleted' | 'muted' | 'dismissed';

/** A reported message and what the moderators decided. Its author's name and words are erased by their /forgetme. */
export const moderationReports = pgTable(
  'moderation_reports',
  {
    id: serial('id').primaryKey(),
    groupId: text('group_id').notNull(),
    messageId: text('message_id').notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    text: text('text'),
    reason: text('reason'),
    status: text('status').$type<ReportStatus>().notNull().default('open'),
    /** Set when enough members reported it that it was removed until a moderator decides. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The chats the report was posted to: its buttons work there only. Private chats are named by their person. */
    postedTo: jsonb('posted_to').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('moderation_reports_message').on(table.groupId, table.messageId)],
);

/** One member's report of one message: a member reporting the same message again adds nothing. */
export const moderationReportVotes = pgTable(
  'moderation_report_votes',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => moderationReports.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.reporterId] }), index('moderation_report_votes_reporter').on(table.reporterId)],
);

/** A member muted in a group, until `untilMs` (milliseconds since the epoch). */
export const moderationMutes = pgTable(
  'moderation_mutes',
  {
    groupId: text('group_id').notNull(),
    memberId: text('member_id').notNull(),
    untilMs: bigint('until_ms', { mode: 'number' }).notNull(),
    mutedBy: text('muted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.memberId] })],
);

/** Moderators seen running a command in a group: reports go to them privately when the group has no log chat. */
export const moderationModerators = pgTable(
  'moderation_moderators',
  {
    groupId: text('group_id').notNull(),
    personId: text('person_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.personId] }), index('moderation_moderators_person').on(table.personId)],
);
