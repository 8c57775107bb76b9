// Storage of events, answers, copies and calendar secrets. An answer and the version bump it causes happen in one
// statement pair inside a transaction, so the copies are always brought up to a version that includes it.
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { communityEvents, eventCalendars, eventCopies, eventRsvps, type EventStatus, type RsvpAnswer } from '../../db/schema/index.js';

export type CommunityEvent = typeof communityEvents.$inferSelect;
export type Rsvp = typeof eventRsvps.$inferSelect;
export type EventCopy = typeof eventCopies.$inferSelect;

/** Proposals one member may make per day in a group. */
export const PROPOSALS_PER_DAY = 3;
/** Names of people going shown on a copy; the rest are counted. */
export const NAMES_SHOWN = 10;

export interface NewEvent {
  scope: string;
  originGroup: QualifiedId;
  authorId: QualifiedId;
  authorName: string;
  title: string;
  place: string | null;
  startsAt: Date;
  envelopeId: string;
  targets: QualifiedId[];
  now: Date;
}

export interface Attendance {
  yes: number;
  maybe: number;
  no: number;
  /** First names of those going, earliest answer first. */
  going: string[];
  /** Their ids, in the same order: a copy naming them lists them in `people`, so /forgetme finds it while it waits. */
  goingIds: string[];
}

export class EventRepository {
  constructor(private readonly db: Db) {}

  async find(id: number): Promise<CommunityEvent | undefined> {
    const rows = await this.db.select().from(communityEvents).where(eq(communityEvents.id, id)).limit(1);
    return rows[0];
  }

  async byEnvelope(envelopeId: string): Promise<CommunityEvent | undefined> {
    const rows = await this.db.select().from(communityEvents).where(eq(communityEvents.envelopeId, envelopeId)).limit(1);
    return rows[0];
  }

  /** Creates a scheduled event, or a proposal; undefined when the member has used up today's proposals. */
  async create(input: NewEvent, status: 'scheduled' | 'proposed'): Promise<CommunityEvent | undefined> {
    return this.db.transaction(async (tx) => {
      if (status === 'proposed') {
        const since = new Date(input.now.getTime() - 24 * 3600_000);
        const [made] = await tx
          .select({ n: count() })
          .from(communityEvents)
          .where(and(eq(communityEvents.authorId, input.authorId), eq(communityEvents.originGroup, input.originGroup), gt(communityEvents.createdAt, since)));
        if ((made?.n ?? 0) >= PROPOSALS_PER_DAY) return undefined;
      }
      const [event] = await tx
        .insert(communityEvents)
        .values({ ...input, status, targets: status === 'scheduled' ? input.targets : [], createdAt: input.now, updatedAt: input.now })
        .onConflictDoNothing()
        .returning();
      return event ?? (await tx.select().from(communityEvents).where(eq(communityEvents.envelopeId, input.envelopeId)))[0];
    });
  }

  /** A moderator's decision on a proposal; the same envelope deciding again gets the same answer. */
  async decide(id: number, approve: boolean, targets: QualifiedId[], envelopeId: string, now: Date): Promise<CommunityEvent | undefined> {
    const [decided] = await this.db
      .update(communityEvents)
      .set(approve ? { status: 'scheduled', targets, decidedEnvelopeId: envelopeId, updatedAt: now } : { status: 'rejected', decidedEnvelopeId: envelopeId, updatedAt: now })
      .where(and(eq(communityEvents.id, id), eq(communityEvents.status, 'proposed')))
      .returning();
    return decided;
  }

  async setStatus(id: number, from: EventStatus, to: EventStatus, now: Date): Promise<CommunityEvent | undefined> {
    const [row] = await this.db
      .update(communityEvents)
      .set({ status: to, version: sql`${communityEvents.version} + 1`, updatedAt: now })
      .where(and(eq(communityEvents.id, id), eq(communityEvents.status, from)))
      .returning();
    return row;
  }

  async edit(id: number, change: { title: string; place: string | null; startsAt: Date }, now: Date): Promise<CommunityEvent | undefined> {
    const [row] = await this.db
      .update(communityEvents)
      .set({ ...change, version: sql`${communityEvents.version} + 1`, updatedAt: now })
      .where(and(eq(communityEvents.id, id), eq(communityEvents.status, 'scheduled')))
      .returning();
    return row;
  }

  /** Records an answer (replacing the person's earlier one) and bumps the version; false when nothing changed. */
  async answer(event: CommunityEvent, rsvp: { personId: QualifiedId; personName: string; answer: RsvpAnswer; groupId: QualifiedId; at: Date }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const before = await tx
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, rsvp.personId)))
        .for('update');
      if (before[0]?.answer === rsvp.answer && before[0].personName === rsvp.personName) return false;
      await tx
        .insert(eventRsvps)
        .values({ eventId: event.id, ...rsvp })
        .onConflictDoUpdate({
          target: [eventRsvps.eventId, eventRsvps.personId],
          // Changing one's mind moves one to the end of the list of those going, as a new answer would.
          set: { answer: rsvp.answer, personName: rsvp.personName, groupId: rsvp.groupId, at: rsvp.at },
        });
      await tx.update(communityEvents).set({ version: sql`${communityEvents.version} + 1` }).where(eq(communityEvents.id, event.id));
      return true;
    });
  }

  async rsvpOf(eventId: number, personId: QualifiedId): Promise<Rsvp | undefined> {
    const rows = await this.db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
    return rows[0];
  }

  async going(eventId: number): Promise<Rsvp[]> {
    return this.db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.answer, 'yes'))).orderBy(asc(eventRsvps.at));
  }

  async attendance(eventId: number): Promise<Attendance> {
    const rows = await this.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId)).orderBy(asc(eventRsvps.at));
    const tally: Attendance = { yes: 0, maybe: 0, no: 0, going: [], goingIds: [] };
    for (const row of rows) {
      tally[row.answer]++;
      if (row.answer === 'yes') {
        tally.going.push(firstName(row.personName));
        tally.goingIds.push(row.personId);
      }
    }
    return tally;
  }

  /** Scheduled events of a scope from `from` on, soonest first. */
  async upcoming(scope: string, from: Date, limit = 10): Promise<CommunityEvent[]> {
    return this.db
      .select()
      .from(communityEvents)
      .where(and(eq(communityEvents.scope, scope), eq(communityEvents.status, 'scheduled'), gte(communityEvents.startsAt, from)))
      .orderBy(asc(communityEvents.startsAt))
      .limit(limit);
  }

  /** What a calendar feed shows: scheduled and cancelled events of the scope that start after `from`. */
  async forCalendar(scope: string, from: Date): Promise<CommunityEvent[]> {
    return this.db
      .select()
      .from(communityEvents)
      .where(and(eq(communityEvents.scope, scope), inArray(communityEvents.status, ['scheduled', 'cancelled']), gte(communityEvents.startsAt, from)))
      .orderBy(asc(communityEvents.startsAt))
      .limit(500);
  }

  async copies(eventId: number): Promise<EventCopy[]> {
    return this.db.select().from(eventCopies).where(eq(eventCopies.eventId, eventId));
  }

  async copyDelivered(eventId: number, target: QualifiedId, messageIds: string[], version: number): Promise<void> {
    await this.db
      .insert(eventCopies)
      .values({ eventId, target, messageIds, shownVersion: version })
      .onConflictDoUpdate({ target: [eventCopies.eventId, eventCopies.target], set: { messageIds, shownVersion: version } });
  }

  async copyShown(eventId: number, target: QualifiedId, version: number): Promise<void> {
    await this.db
      .update(eventCopies)
      .set({ shownVersion: sql`greatest(${eventCopies.shownVersion}, ${version})` })
      .where(and(eq(eventCopies.eventId, eventId), eq(eventCopies.target, target)));
  }

  /** The scope's calendar secret, made when there is none (or always, with `fresh`: the old URL then serves nothing). */
  async calendarToken(scope: string, actorId: QualifiedId, now: Date, fresh: boolean): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    if (fresh) {
      await this.db
        .insert(eventCalendars)
        .values({ scope, token, createdBy: actorId, createdAt: now })
        .onConflictDoUpdate({ target: eventCalendars.scope, set: { token, createdBy: actorId, createdAt: now } });
      return token;
    }
    await this.db.insert(eventCalendars).values({ scope, token, createdBy: actorId, createdAt: now }).onConflictDoNothing();
    const rows = await this.db.select().from(eventCalendars).where(eq(eventCalendars.scope, scope));
    return rows[0]!.token;
  }

  async scopeOfToken(token: string): Promise<string | undefined> {
    const rows = await this.db.select({ scope: eventCalendars.scope }).from(eventCalendars).where(eq(eventCalendars.token, token)).limit(1);
    return rows[0]?.scope;
  }

  /**
   * /forgetme: the person's answers go; events they wrote stay for those who answered, without their name or id;
   * a calendar secret they made no longer says who made it.
   */
  async forget(db: Db, personId: QualifiedId): Promise<{ removed: number; changed: number[] }> {
    const answers = await db.delete(eventRsvps).where(eq(eventRsvps.personId, personId)).returning({ id: eventRsvps.eventId });
    const answered = [...new Set(answers.map((a) => a.id))];
    if (answered.length > 0) {
      await db.update(communityEvents).set({ version: sql`${communityEvents.version} + 1` }).where(inArray(communityEvents.id, answered));
    }
    const authored = await db
      .update(communityEvents)
      .set({ authorId: null, authorName: null })
      .where(eq(communityEvents.authorId, personId))
      .returning({ id: communityEvents.id });
    const calendars = await db.update(eventCalendars).set({ createdBy: null }).where(eq(eventCalendars.createdBy, personId)).returning({ scope: eventCalendars.scope });
    return { removed: answers.length + authored.length + calendars.length, changed: answered };
  }
}

/** The first word of a display name: what a copy shows of those going. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
