// What Quartier keeps about a person, and how it forgets them. Features that store personal data register an eraser
// so /forgetme reaches everything: database erasers run in one transaction; then Redis erasers clear what waits in
// queues, digests and keys.
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { unqualify, type Person, type QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog, bridgeCodes, bridgeCopies, bridgeLinks, communities, communityCodes, deliveries, groups, people } from './schema/index.js';

/** Who is being forgotten, and where their traces can be recognised. */
export interface ErasureSubject {
  id: QualifiedId;
  /** Their name as last seen (the people row, or the command's sender). */
  name?: string;
  /** Chats that are theirs alone: the private chat with the bot on each platform they used. */
  privateChats: QualifiedId[];
  /**
   * A platform id distinctive enough to find inside other ids: WhatsApp message ids carry the sender's number
   * (`false_<group>_<msg>_<number>@c.us`). Undefined where ids carry no person (Telegram, Discord).
   */
  embeddedId?: string;
}

export type Eraser = (db: Db, personId: QualifiedId, subject: ErasureSubject) => Promise<number>;
export type RedisEraser = (subject: ErasureSubject) => Promise<number>;

/** The subject for a person id: their private chats as each platform names them (see help/private-chat.ts). */
export function erasureSubject(id: QualifiedId, extra: { name?: string; privateChats?: QualifiedId[] } = {}): ErasureSubject {
  const chats = new Set(extra.privateChats ?? []);
  let embeddedId: string | undefined;
  try {
    const { platform, bare } = unqualify(id);
    if (platform === 'telegram' || platform === 'whatsapp') chats.add(id);
    if (platform === 'discord') chats.add(`discord:@${bare}`);
    if (platform === 'whatsapp' && bare.includes('@')) embeddedId = bare;
  } catch {
    // Not a qualified id: nothing more to derive.
  }
  return { id, name: extra.name, privateChats: [...chats], embeddedId };
}

/** A PostgreSQL regular expression finding `value` as a whole id inside a longer one (as erase.ts does in Redis). */
function wholeId(value: string): string {
  return `(^|[^A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_.@-])`;
}

const count = (rows: unknown[]) => rows.length;

export class PeopleRepository {
  private readonly erasers: Eraser[] = [
    async (db, id) => count(await db.delete(people).where(eq(people.id, id)).returning()),
    // The audit log keeps what changed in a group, but no longer who changed it.
    async (db, id) => count(await db.update(auditLog).set({ actorId: null }).where(eq(auditLog.actorId, id)).returning()),
    // Communities, codes and bridges stay (they are the groups'), without who created, used or linked them.
    async (db, id) => count(await db.update(communities).set({ createdBy: null }).where(eq(communities.createdBy, id)).returning()),
    async (db, id) => count(await db.update(communityCodes).set({ createdBy: null }).where(eq(communityCodes.createdBy, id)).returning()),
    async (db, id) => count(await db.update(bridgeLinks).set({ linkedBy: null }).where(eq(bridgeLinks.linkedBy, id)).returning()),
    async (db, id) => count(await db.update(bridgeCodes).set({ createdBy: null }).where(eq(bridgeCodes.createdBy, id)).returning()),
    async (db, id) => count(await db.update(bridgeCodes).set({ usedBy: null }).where(eq(bridgeCodes.usedBy, id)).returning()),
    // Their private chats: the chat's row, its settings history, and what was delivered there.
    async (db, _id, subject) => {
      if (subject.privateChats.length === 0) return 0;
      const chats = subject.privateChats;
      return (
        count(await db.delete(auditLog).where(inArray(auditLog.groupId, chats)).returning({ id: auditLog.id })) +
        count(await db.delete(deliveries).where(inArray(deliveries.target, chats)).returning({ id: deliveries.jobId })) +
        count(await db.delete(groups).where(inArray(groups.id, chats)).returning({ id: groups.id }))
      );
    },
    // Ids that carry the person's number (WhatsApp message ids): the delivery records and the bridge's message map
    // of their messages go (replies, edits and deletes of those messages are no longer followed across).
    async (db, _id, subject) => {
      if (!subject.embeddedId) return 0;
      const pattern = wholeId(subject.embeddedId);
      const records = await db
        .delete(deliveries)
        .where(or(sql`${deliveries.outboundId} ~ ${pattern}`, sql`${deliveries.jobId} ~ ${pattern}`))
        .returning({ id: deliveries.jobId });
      const copies = await db
        .delete(bridgeCopies)
        .where(or(sql`${bridgeCopies.messageId} ~ ${pattern}`, sql`${bridgeCopies.canonicalId} ~ ${pattern}`))
        .returning({ id: bridgeCopies.messageId });
      return count(records) + count(copies);
    },
  ];
  private readonly redisErasers: RedisEraser[] = [];

  constructor(private readonly db: Db) {}

  addEraser(eraser: Eraser): void {
    this.erasers.push(eraser);
  }

  /** Redis erasers run after the database's, outside its transaction. */
  addRedisEraser(eraser: RedisEraser): void {
    this.redisErasers.push(eraser);
  }

  async remember(person: Person): Promise<void> {
    await this.db
      .insert(people)
      .values({ id: person.id, name: person.name, language: person.language ?? null })
      .onConflictDoUpdate({
        target: people.id,
        set: { name: person.name, language: person.language ?? null, lastSeenAt: new Date() },
      });
  }

  async find(id: QualifiedId) {
    const rows = await this.db.select().from(people).where(eq(people.id, id)).limit(1);
    return rows[0];
  }

  /** Names of the people with these ids that Quartier still knows (the audit shows names, never raw ids). */
  async names(ids: QualifiedId[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.select({ id: people.id, name: people.name }).from(people).where(and(inArray(people.id, ids), isNotNull(people.name)));
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * Erases everything stored about the person; returns how many records were removed or anonymised. `extra` names
   * what the caller knows beyond the id: their name, and the private chat the command came from (a Discord DM
   * channel's id cannot be derived from the user's).
   */
  async forget(id: QualifiedId, extra: { name?: string; privateChats?: QualifiedId[] } = {}): Promise<number> {
    const known = await this.find(id);
    const subject = erasureSubject(id, { name: extra.name ?? known?.name, privateChats: extra.privateChats });
    let total = 0;
    await this.db.transaction(async (tx) => {
      for (const erase of this.erasers) total += await erase(tx as unknown as Db, id, subject);
    });
    for (const erase of this.redisErasers) total += await erase(subject);
    return total;
  }
}
