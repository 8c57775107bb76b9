// One schema for both databases (PGlite embedded, PostgreSQL 15 in production). Use nothing newer than PostgreSQL 15.
// After changing any schema file: `npm run db:generate -- --name <what>` writes the next migration into migrations/.
import { bigserial, boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** A chat Quartier serves (a Telegram group, a Discord channel, a WhatsApp group). id is `platform:id`. */
export const groups = pgTable('groups', {
  id: text('id').primaryKey(),
  platform: text('platform').notNull(),
  title: text('title'),
  language: text('language').notNull(),
  timezone: text('timezone').notNull(),
  rules: text('rules'),
  active: boolean('active').notNull().default(true),
  inactiveReason: text('inactive_reason'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  communityId: integer('community_id').references(() => communities.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Groups that share alerts, FAQ entries and help requests. */
export const communities = pgTable('communities', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every settings change: who, when, before → after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    groupId: text('group_id').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_group_at').on(table.groupId, table.at)],
);

/** What Quartier knows of a person: a display name and a language hint. Erased by /forgetme. */
export const people = pgTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  language: text('language'),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per delivery job (outbound message × target chat): queued, held, delivered or failed. */
export const deliveries = pgTable(
  'deliveries',
  {
    jobId: text('job_id').primaryKey(),
    outboundId: text('outbound_id').notNull(),
    target: text('target').notNull(),
    status: text('status').$type<'queued' | 'held' | 'delivered' | 'failed'>().notNull(),
    messageIds: jsonb('message_ids').$type<string[]>().notNull().default([]),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('deliveries_outbound').on(table.outboundId)],
);
