// Reads the dashboard makes that the features' repositories do not offer: a page of live help requests with their
// offer counts, and many groups at once. Each reads its feature's tables, bounded.
import { and, asc, count, inArray, eq } from 'drizzle-orm';
import type { Services } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import { groups, helpOffers, helpRequests } from '../../db/schema/index.js';
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
