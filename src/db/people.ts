// What Quartier keeps about a person, and how it forgets them. Each feature that stores personal data declares an
// eraser (src/core/feature.ts) so /forgetme reaches everything: database erasers run in one transaction; then Redis
// erasers clear what waits in queues, digests and keys. Here: the tables every feature shares (people, the audit log,
// delivery records, private chats' rows).
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { unqualify, type Person, type QualifiedId } from '../core/envelope.js';
import type { ErasureSubject, PersonEraser } from '../core/feature.js';
import { privateChatOf } from '../core/private-chat.js';
import type { Db } from './client.js';
import { auditLog, deliveries, groups, people } from './schema/index.js';

export type { ErasureSubject };
export type Eraser = PersonEraser;
export type RedisEraser = (subject: ErasureSubject) => Promise<number>;

/** The subject for a person id: their private chats as each platform names them (src/core/private-chat.ts). */
export function erasureSubject(id: QualifiedId, extra: { name?: string; privateChats?: QualifiedId[] } = {}): ErasureSubject {
  const chats = new Set(extra.privateChats ?? []);
  let embeddedId: string | undefined;
  try {
    const { platform, bare } = unqualify(id);
    const privateChat = privateChatOf(id);
    if (privateChat) chats.add(privateChat);
    if (platform === 'whatsapp' && bare.includes('@')) embeddedId = bare;
  } catch {
    // Not a qualified id: nothing more to derive.
  }
  return { id, name: extra.name, privateChats: [...chats], embeddedId };
}

/** A PostgreSQL regular expression finding `value` as a whole id inside a longer one (as erase.ts does in Redis). */
export function wholeId(value: string): string {
  return `(^|[^A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_.@-])`;
}

const count = (rows: unknown[]) => rows.length;

export class PeopleRepository {
  private readonly erasers: Eraser[] = [
    async (db, id) => count(await db.delete(people).where(eq(people.id, id)).returning()),
    // The audit log keeps what changed in a group, but no longer who changed it.
    async (db, id) => count(await db.update(auditLog).set({ actorId: null }).where(eq(auditLog.actorId, id)).returning()),
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
    // Ids that carry the person's number (WhatsApp message ids): the delivery records of their messages go.
    async (db, _id, subject) => {
      if (!subject.embeddedId) return 0;
      const pattern = wholeId(subject.embeddedId);
      const records = await db
        .delete(deliveries)
        .where(or(sql`${deliveries.outboundId} ~ ${pattern}`, sql`${deliveries.jobId} ~ ${pattern}`))
        .returning({ id: deliveries.jobId });
      return count(records);
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
