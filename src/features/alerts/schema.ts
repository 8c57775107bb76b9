// Alerts and alert proposals. A moderator's alert is stored as `sent`; a member's as `proposed` until a moderator of
// the source group approves (`sent`) or rejects it (`rejected`). The per-target outcome lives in `deliveries`
// (outbound id `alert:<id>`), so this table holds only what the alert is and who decided.
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { communities } from '../../db/schema/core.js';

/**
 * Who "decided" a proposal that was closed because its group left the community: a proposal belongs to the membership
 * it was made in, so leaving closes it and rejoining later does not revive it.
 */
export const CLOSED_BY_LEAVING = 'quartier:left-community';

export const alerts = pgTable(
  'alerts',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    sourceGroup: text('source_group').notNull(),
    authorId: text('author_id'),
    text: text('text').notNull(),
    /** Normalised text (case and spacing folded) for the ten-minute duplicate check. */
    textKey: text('text_key').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    status: text('status').$type<'proposed' | 'sent' | 'rejected'>().notNull(),
    /** The envelope that created it: re-running that envelope after a crash finds the alert instead of a duplicate. */
    envelopeId: text('envelope_id').notNull().unique(),
    /** The envelope that approved it, for the same reason. */
    decidedEnvelopeId: text('decided_envelope_id'),
    decidedBy: text('decided_by'),
    /** The groups it was fanned out to (qualified ids), fixed when it was sent. */
    targets: jsonb('targets').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('alerts_community_sent').on(table.communityId, table.sentAt),
    index('alerts_author_created').on(table.authorId, table.createdAt),
  ],
);
