// Bridges: chats linked into one conversation, the one-time codes that link them, and the message map that lets
// replies, edits and deletes find every relayed copy (after a restart too, and for split messages).
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per bridged chat. A chat is in at most one bridge; a bridge is every chat sharing its bridge_id. */
export const bridgeLinks = pgTable(
  'bridge_links',
  {
    chatId: text('chat_id').primaryKey(),
    bridgeId: text('bridge_id').notNull(),
    linkedBy: text('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('bridge_links_bridge').on(table.bridgeId)],
);

/** `/bridge link` codes: one use, valid until expires_at. */
export const bridgeCodes = pgTable('bridge_codes', {
  code: text('code').primaryKey(),
  /** The chat that asked for the code: the other chat joins its bridge. */
  chatId: text('chat_id').notNull(),
  createdBy: text('created_by'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: text('used_by'),
});

/**
 * The message map: every platform message that stands for one canonical message (the original, id = its own
 * qualified id, via 'origin'; and each relayed part, via 'bot' or 'webhook' — Discord edits a webhook's post
 * through the webhook, so how a copy was posted matters).
 */
export const bridgeCopies = pgTable(
  'bridge_copies',
  {
    messageId: text('message_id').primaryKey(),
    canonicalId: text('canonical_id').notNull(),
    chatId: text('chat_id').notNull(),
    part: integer('part').notNull().default(0),
    via: text('via').$type<'origin' | 'bot' | 'webhook'>().notNull(),
    /** A relayed file with no text or caption: edits leave it alone, deletes remove it. */
    fileOnly: boolean('file_only').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('bridge_copies_canonical').on(table.canonicalId, table.chatId), index('bridge_copies_created').on(table.createdAt)],
);
