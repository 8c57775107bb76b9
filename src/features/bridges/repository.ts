// Storage of bridges: links, one-time codes and the message map.
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { ErasureSubject } from '../../core/feature.js';
import { isPrivateChat } from '../../core/private-chat.js';
import type { Db } from '../../db/client.js';
import { wholeId } from '../../db/people.js';
import { bridgeCodes, bridgeCopies, bridgeLinks } from '../../db/schema/index.js';
import { TtlCache } from '../../ttl-cache.js';

export type Copy = typeof bridgeCopies.$inferSelect;
export type CodeOutcome =
  | { ok: true; chatId: QualifiedId }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'same-chat' };

export class BridgeRepository {
  /**
   * Partners per chat, for a few seconds: links change rarely and the relay stage asks on every message. A link made
   * by another process is seen within that time.
   */
  private readonly partners = new TtlCache<QualifiedId[]>(5_000);

  constructor(private readonly db: Db) {}

  /**
   * /forgetme: links and codes stay (they are the groups'), without who linked, created or used them. The message map
   * of the person's messages goes where ids carry their number (WhatsApp): replies, edits and deletes of those
   * messages are no longer followed across.
   */
  async forget(db: Db, personId: QualifiedId, subject: ErasureSubject): Promise<number> {
    const blanked = [
      await db.update(bridgeLinks).set({ linkedBy: null }).where(eq(bridgeLinks.linkedBy, personId)).returning({ id: bridgeLinks.chatId }),
      await db.update(bridgeCodes).set({ createdBy: null }).where(eq(bridgeCodes.createdBy, personId)).returning({ id: bridgeCodes.code }),
      await db.update(bridgeCodes).set({ usedBy: null }).where(eq(bridgeCodes.usedBy, personId)).returning({ id: bridgeCodes.code }),
    ];
    let total = blanked.reduce((sum, rows) => sum + rows.length, 0);
    if (subject.embeddedId) {
      const pattern = wholeId(subject.embeddedId);
      const copies = await db
        .delete(bridgeCopies)
        .where(or(sql`${bridgeCopies.messageId} ~ ${pattern}`, sql`${bridgeCopies.canonicalId} ~ ${pattern}`))
        .returning({ id: bridgeCopies.messageId });
      total += copies.length;
    }
    return total;
  }

  // ---- links ---------------------------------------------------------------------------------------------------

  async bridgeOf(chatId: QualifiedId): Promise<string | undefined> {
    const rows = await this.db.select({ bridgeId: bridgeLinks.bridgeId }).from(bridgeLinks).where(eq(bridgeLinks.chatId, chatId)).limit(1);
    return rows[0]?.bridgeId;
  }

  /** Every chat of the bridge, in the order they were linked. */
  async chatsOf(bridgeId: string): Promise<{ chatId: QualifiedId; linkedAt: Date }[]> {
    return this.db
      .select({ chatId: bridgeLinks.chatId, linkedAt: bridgeLinks.linkedAt })
      .from(bridgeLinks)
      .where(eq(bridgeLinks.bridgeId, bridgeId))
      .orderBy(asc(bridgeLinks.linkedAt), asc(bridgeLinks.chatId));
  }

  /** The other chats of `chatId`'s bridge (empty when it is not bridged). Asked for every message, so cached briefly. */
  async partnersOf(chatId: QualifiedId): Promise<QualifiedId[]> {
    const cached = this.partners.get(chatId);
    if (cached) return cached;
    const bridgeId = await this.bridgeOf(chatId);
    // A private chat linked before links refused them receives nothing: a group's messages never flow into one.
    const partners = bridgeId ? (await this.chatsOf(bridgeId)).map((c) => c.chatId).filter((id) => id !== chatId && !isPrivateChat(id)) : [];
    this.partners.set(chatId, partners);
    return partners;
  }

  async link(chatId: QualifiedId, bridgeId: string, linkedBy: QualifiedId, at: Date): Promise<void> {
    this.partners.clear();
    await this.db.insert(bridgeLinks).values({ chatId, bridgeId, linkedBy, linkedAt: at }).onConflictDoNothing();
  }

  /** Removes the chat from its bridge; a bridge left with one chat is dissolved. Returns the chats that remain. */
  async unlink(chatId: QualifiedId): Promise<{ bridgeId: string; remaining: QualifiedId[] } | undefined> {
    this.partners.clear();
    return this.db.transaction(async (tx) => {
      const rows = await tx.delete(bridgeLinks).where(eq(bridgeLinks.chatId, chatId)).returning({ bridgeId: bridgeLinks.bridgeId });
      const bridgeId = rows[0]?.bridgeId;
      if (!bridgeId) return undefined;
      const rest = await tx.select({ chatId: bridgeLinks.chatId }).from(bridgeLinks).where(eq(bridgeLinks.bridgeId, bridgeId));
      if (rest.length === 1) await tx.delete(bridgeLinks).where(eq(bridgeLinks.bridgeId, bridgeId));
      return { bridgeId, remaining: rest.map((r) => r.chatId) };
    });
  }

  // ---- codes ---------------------------------------------------------------------------------------------------

  async createCode(code: string, chatId: QualifiedId, createdBy: QualifiedId, expiresAt: Date): Promise<void> {
    await this.db.insert(bridgeCodes).values({ code, chatId, createdBy, expiresAt });
  }

  /** Uses a code once: a single conditional update, so two chats typing it at once cannot both win. */
  async useCode(code: string, chatId: QualifiedId, usedBy: QualifiedId, now: Date): Promise<CodeOutcome> {
    const rows = await this.db.select().from(bridgeCodes).where(eq(bridgeCodes.code, code)).limit(1);
    const row = rows[0];
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.usedAt) return { ok: false, reason: 'used' };
    if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    if (row.chatId === chatId) return { ok: false, reason: 'same-chat' };
    const used = await this.db
      .update(bridgeCodes)
      .set({ usedAt: now, usedBy })
      .where(and(eq(bridgeCodes.code, code), isNull(bridgeCodes.usedAt), gt(bridgeCodes.expiresAt, now)))
      .returning({ chatId: bridgeCodes.chatId });
    return used[0] ? { ok: true, chatId: used[0].chatId } : { ok: false, reason: 'used' };
  }

  // ---- the message map -----------------------------------------------------------------------------------------

  /** Records copies; the same message id recorded again (a retried job) keeps one row. */
  async recordCopies(
    rows: { messageId: QualifiedId; canonicalId: QualifiedId; chatId: QualifiedId; part: number; via: Copy['via']; fileOnly?: boolean }[],
    at: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(bridgeCopies)
      .values(rows.map((r) => ({ ...r, createdAt: at })))
      .onConflictDoUpdate({ target: bridgeCopies.messageId, set: { canonicalId: bridgeCopies.canonicalId } });
  }

  /**
   * After an edit changed how many parts a copy has: the chat's text-bearing copies become exactly `messageIds`
   * (parts 0..n-1). Copies that are only a file are not touched by edits, so they stay, numbered after the text.
   */
  async replaceCopies(canonicalId: QualifiedId, chatId: QualifiedId, messageIds: QualifiedId[], via: Copy['via'], at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const ofChat = and(eq(bridgeCopies.canonicalId, canonicalId), eq(bridgeCopies.chatId, chatId));
      await tx.delete(bridgeCopies).where(and(ofChat, eq(bridgeCopies.fileOnly, false)));
      if (messageIds.length > 0) {
        await tx.insert(bridgeCopies).values(messageIds.map((messageId, part) => ({ messageId, canonicalId, chatId, part, via, createdAt: at }))).onConflictDoNothing();
      }
      const files = await tx.select({ messageId: bridgeCopies.messageId }).from(bridgeCopies).where(and(ofChat, eq(bridgeCopies.fileOnly, true))).orderBy(asc(bridgeCopies.part));
      for (const [i, file] of files.entries()) {
        await tx.update(bridgeCopies).set({ part: messageIds.length + i }).where(eq(bridgeCopies.messageId, file.messageId));
      }
    });
  }

  async forgetCopies(canonicalId: QualifiedId, chatId: QualifiedId): Promise<void> {
    await this.db.delete(bridgeCopies).where(and(eq(bridgeCopies.canonicalId, canonicalId), eq(bridgeCopies.chatId, chatId)));
  }

  async copyOf(messageId: QualifiedId): Promise<Copy | undefined> {
    const rows = await this.db.select().from(bridgeCopies).where(eq(bridgeCopies.messageId, messageId)).limit(1);
    return rows[0];
  }

  /** The copies of a canonical message in one chat, by part. */
  async copiesIn(canonicalId: QualifiedId, chatId: QualifiedId): Promise<Copy[]> {
    return this.db
      .select()
      .from(bridgeCopies)
      .where(and(eq(bridgeCopies.canonicalId, canonicalId), eq(bridgeCopies.chatId, chatId)))
      .orderBy(asc(bridgeCopies.part));
  }

  async copiesOf(canonicalIds: QualifiedId[]): Promise<Copy[]> {
    if (canonicalIds.length === 0) return [];
    return this.db.select().from(bridgeCopies).where(inArray(bridgeCopies.canonicalId, canonicalIds));
  }

  /** Drops map entries older than `before`; replies to such old messages are then relayed as plain messages. */
  async prune(before: Date): Promise<number> {
    const rows = await this.db.delete(bridgeCopies).where(lt(bridgeCopies.createdAt, before)).returning({ id: bridgeCopies.messageId });
    await this.db.delete(bridgeCodes).where(lt(bridgeCodes.expiresAt, before));
    return rows.length;
  }
}
