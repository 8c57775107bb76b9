// Events (issue 22): a neighbourhood event posted across a community, the answers to it, where each copy was posted,
// and the secret of each community's calendar feed. Numbers are database ids, shown as `#<id>`; every lookup checks
// the event's scope (its community, or its lone group) against the asking group's.
import { index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export type EventStatus = 'proposed' | 'scheduled' | 'cancelled' | 'rejected';
export type RsvpAnswer = 'yes' | 'maybe' | 'no';

export const communityEvents = pgTable(
  'community_events',
  {
    id: serial('id').primaryKey(),
    /** `community:<id>` or `group:<platform:id>`: who may see, answer and list it. */
    scope: text('scope').notNull(),
    originGroup: text('origin_group').notNull(),
    /** Null once the author used /forgetme: the event stays, anonymous. */
    authorId: text('author_id'),
    authorName: text('author_name'),
    title: text('title').notNull(),
    place: text('place'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status').$type<EventStatus>().notNull(),
    /** The envelope that created it: re-running that update finds this row instead of a second event. */
    envelopeId: text('envelope_id').notNull(),
    decidedEnvelopeId: text('decided_envelope_id'),
    /** Every chat a copy goes to (origin first), fixed when it is published. */
    targets: jsonb('targets').$type<string[]>().notNull().default([]),
    /** Bumped by every answer, edit and cancellation: each copy is brought up to the latest version. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('community_events_envelope').on(table.envelopeId),
    index('community_events_scope_starts').on(table.scope, table.startsAt),
    index('community_events_author').on(table.authorId),
  ],
);

export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    /** The first name shown on the copies. */
    personName: text('person_name').notNull(),
    answer: text('answer').$type<RsvpAnswer>().notNull(),
    /** Where they answered: the group a reminder goes to when they cannot be written to privately. */
    groupId: text('group_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.personId] }), index('event_rsvps_person').on(table.personId)],
);

/** One posted copy of an event: its platform message ids once delivered, and the version it shows. */
export const eventCopies = pgTable(
  'event_copies',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    messageIds: jsonb('message_ids').$type<string[]>().notNull().default([]),
    shownVersion: integer('shown_version').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.target] })],
);

/** The secret of a scope's calendar feed; a new one replaces the old, which then serves nothing. */
export const eventCalendars = pgTable('event_calendars', {
  scope: text('scope').primaryKey(),
  token: text('token').notNull().unique(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
