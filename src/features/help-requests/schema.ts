// Help requests (issue 9): a need posted in a group and fanned out to its community, the offers it received, and its
// history. Numbers are per scope (a community, or a lone group), so people type `/offer 12`, not a database id.
import { bigserial, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export type HelpStatus = 'open' | 'offered' | 'done' | 'cancelled' | 'expired';

/** The last number handed out per scope (`community:<id>` or `group:<platform:id>`); bumped atomically. */
export const helpCounters = pgTable('help_counters', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});

export const helpRequests = pgTable(
  'help_requests',
  {
    id: serial('id').primaryKey(),
    /** The envelope that posted it: a re-run of the same update finds this row instead of posting twice. */
    sourceId: text('source_id').notNull(),
    scope: text('scope').notNull(),
    number: integer('number').notNull(),
    originGroup: text('origin_group').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    urgent: boolean('urgent').notNull().default(false),
    status: text('status').$type<HelpStatus>().notNull().default('open'),
    /** Every chat a copy was sent to (origin first), so closing reaches copies not yet delivered too. */
    targets: jsonb('targets').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('help_requests_source').on(table.sourceId),
    uniqueIndex('help_requests_scope_number').on(table.scope, table.number),
    index('help_requests_status_expires').on(table.status, table.expiresAt),
    index('help_requests_author').on(table.authorId),
  ],
);

export const helpOffers = pgTable(
  'help_offers',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => helpRequests.id, { onDelete: 'cascade' }),
    offererId: text('offerer_id').notNull(),
    offererName: text('offerer_name').notNull(),
    /** The chat the offer was made from (shown to the author, so they know where to answer). */
    groupId: text('group_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('help_offers_request_offerer').on(table.requestId, table.offererId)],
);

/** posted, offered, reminded, done, cancelled, removed, expired — who and when. */
export const helpEvents = pgTable(
  'help_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => helpRequests.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorId: text('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (table) => [index('help_events_request').on(table.requestId)],
);
