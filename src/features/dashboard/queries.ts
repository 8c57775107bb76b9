// Reads the dashboard makes that the features' repositories do not offer: a page of live help requests with their
// offer counts, a community's events with their answers, a page of its addresses, and many groups at once. Each reads its feature's tables, bounded.
import { and, asc, count, desc, gte, inArray, eq, lt } from 'drizzle-orm';
import type { Services } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import { addressEntries, communityEvents, eventRsvps, groups, helpOffers, helpRequests } from '../../db/schema/index.js';
import type { AddressEntry } from '../addresses/repository.js';
import { firstName, type CommunityEvent } from '../events/repository.js';
import { LIVE, type HelpRequest } from '../help-requests/repository.js';

/** Live requests of a scope, oldest first, `limit` from `offset`, with their offer counts and the total. */
export async function liveRequestsPage(
  services: Services,
  scope: string,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: (HelpRequest & { offers: number })[] }> {
  const where = and(eq(helpRequests.scope, scope), inArray(helpRequests.status, LIVE));
  const [totals, rows] = await Promise.all([
    services.db.select({ n: count() }).from(helpRequests).where(where),
    services.db.select().from(helpRequests).where(where).orderBy(asc(helpRequests.number)).limit(limit).offset(offset),
  ]);
  const ids = rows.map((r) => r.id);
  const offers =
    ids.length === 0
      ? []
      : await services.db.select({ id: helpOffers.requestId, n: count() }).from(helpOffers).where(inArray(helpOffers.requestId, ids)).groupBy(helpOffers.requestId);
  const byId = new Map(offers.map((o) => [o.id, o.n]));
  return { total: totals[0]?.n ?? 0, rows: rows.map((r) => ({ ...r, offers: byId.get(r.id) ?? 0 })) };
}

export interface GroupBrief {
  title: string | null;
  timezone: string;
  settings: Record<string, unknown>;
}

/**
 * Title, zone and settings of many groups: the community's groups in one query (its members are nearly always the
 * ones asked for), then any other asked for by id.
 */
export async function groupsByIds(services: Services, ids: QualifiedId[], communityId?: number): Promise<Map<QualifiedId, GroupBrief>> {
  const columns = { id: groups.id, title: groups.title, timezone: groups.timezone, settings: groups.settings };
  const found = new Map<QualifiedId, GroupBrief>();
  const add = (rows: { id: string; title: string | null; timezone: string; settings: Record<string, unknown> | null }[]) => {
    for (const r of rows) found.set(r.id, { title: r.title, timezone: r.timezone, settings: r.settings ?? {} });
  };
  if (communityId !== undefined) add(await services.db.select(columns).from(groups).where(eq(groups.communityId, communityId)));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) add(await services.db.select(columns).from(groups).where(inArray(groups.id, missing)));
  return found;
}

export interface EventWithAnswers extends CommunityEvent {
  yes: number;
  maybe: number;
  no: number;
  /** First names of those going (as the copies show them), earliest answer first. */
  going: string[];
}

/** Events listed on the dashboard: this many to come, and this many of those already started. */
export const EVENTS_SHOWN = { upcoming: 50, recent: 20 } as const;
/** How far back "recent" reaches. */
export const RECENT_MS = 30 * 24 * 3600_000;

/**
 * The scope's events to come (published or cancelled, soonest first, a page from `offset`) and those started in the
 * last thirty days (latest first), each with its answers: one query for the events of each list, one for all their
 * answers.
 */
export async function eventsWithAnswers(
  services: Services,
  scope: string,
  now: number,
  offset = 0,
): Promise<{ upcoming: EventWithAnswers[]; upcomingTotal: number; recent: EventWithAnswers[] }> {
  const shown = inArray(communityEvents.status, ['scheduled', 'cancelled']);
  const toCome = and(eq(communityEvents.scope, scope), shown, gte(communityEvents.startsAt, new Date(now)));
  const [totals, upcoming, recent] = await Promise.all([
    services.db.select({ n: count() }).from(communityEvents).where(toCome),
    services.db.select().from(communityEvents).where(toCome).orderBy(asc(communityEvents.startsAt), asc(communityEvents.id)).limit(EVENTS_SHOWN.upcoming).offset(offset),
    services.db
      .select()
      .from(communityEvents)
      .where(and(eq(communityEvents.scope, scope), shown, lt(communityEvents.startsAt, new Date(now)), gte(communityEvents.startsAt, new Date(now - RECENT_MS))))
      .orderBy(desc(communityEvents.startsAt))
      .limit(EVENTS_SHOWN.recent),
  ]);
  const ids = [...upcoming, ...recent].map((e) => e.id);
  const answers =
    ids.length === 0
      ? []
      : await services.db
          .select({ eventId: eventRsvps.eventId, answer: eventRsvps.answer, name: eventRsvps.personName })
          .from(eventRsvps)
          .where(inArray(eventRsvps.eventId, ids))
          .orderBy(asc(eventRsvps.at));
  const tally = new Map<number, { yes: number; maybe: number; no: number; going: string[] }>();
  for (const id of ids) tally.set(id, { yes: 0, maybe: 0, no: 0, going: [] });
  for (const a of answers) {
    const t = tally.get(a.eventId)!;
    t[a.answer]++;
    if (a.answer === 'yes') t.going.push(firstName(a.name));
  }
  const withAnswers = (e: CommunityEvent): EventWithAnswers => ({ ...e, ...tally.get(e.id)! });
  return { upcoming: upcoming.map(withAnswers), upcomingTotal: totals[0]?.n ?? 0, recent: recent.map(withAnswers) };
}

/** A page of the scope's addresses, newest first, and how many there are. */
export async function addressesPage(services: Services, scope: string, offset: number, limit: number): Promise<{ total: number; rows: AddressEntry[] }> {
  const where = eq(addressEntries.scope, scope);
  const [totals, rows] = await Promise.all([
    services.db.select({ n: count() }).from(addressEntries).where(where),
    services.db.select().from(addressEntries).where(where).orderBy(desc(addressEntries.id)).limit(limit).offset(offset),
  ]);
  return { total: totals[0]?.n ?? 0, rows };
}
