// Join codes of communities. Kept in the database rather than in Redis with a TTL: a code is a small, durable fact
// that must survive a Redis flush, its expiry is checked against the injected clock (so tests can drive time), and
// `/community code` must invalidate the previous code atomically with creating the new one (one transaction).
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { communities } from '../../db/schema/core.js';

export const communityCodes = pgTable(
  'community_codes',
  {
    /** Stored normalised: upper case, no hyphen. Shown as `ABCD-EFGH`. */
    code: text('code').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('community_codes_community').on(table.communityId)],
);
