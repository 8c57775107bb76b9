// Dashboard page timings (issue 25): every page of one group's session, with a community of 1,000 groups, 10,000 FAQ
// entries (half of them translated), 10,000 open help requests, an alert to 999 groups with its receipts, and 200
// audit rows, 10,000 addresses, 300 events (200 to come, 100 of the last month) with 30 answers each. Each page is asked 5 times to warm up, then 60 times one after the other over loopback HTTP; the figures
// are the request's whole time seen by the client (server time plus a loopback round trip). Goal: p95 < 200 ms.
//   npx tsx bench/dashboard.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { ConsoleAdapter } from '../adapters/console/index.js';
import { createApp } from '../src/app.js';
import { wrapPglite } from '../src/db/client.js';
import { addressEntries, alerts, auditLog, communities, communityEvents, deliveries, eventRsvps, faqEntries, faqTranslations, groups, helpRequests } from '../src/db/schema/index.js';
import { startPublicHttpServer } from '../src/http.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { jobId } from '../src/queue/names.js';

const GROUPS = 1000;
const FAQ = 10_000;
const REQUESTS = 10_000;
const ADDRESSES = 10_000;
const EVENTS = 300;
const ANSWERS = 30;

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-dashboard-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const prefix = `bench-dashboard-${process.pid}`;
const db = await wrapPglite(new PGlite(), { migrate: true });
const consoleAdapter = new ConsoleAdapter();
let base = '';
const app = await createApp({
  db,
  redis,
  prefix,
  adapters: [consoleAdapter],
  log: silentLogger,
  defaults: { language: 'en', timezone: 'Europe/Paris' },
  partitions: 4,
  role: 'all',
  dashboard: { publicUrl: () => base },
});
await app.start();
const listener = await startPublicHttpServer({ host: '127.0.0.1', port: 0, routes: new Map(), mounts: app.httpMounts() });
base = `http://127.0.0.1:${listener.port}`;

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

// The community and its groups.
const seeding = performance.now();
const [community] = await db.db.insert(communities).values({ name: 'Bench' }).returning();
const ids = Array.from({ length: GROUPS }, (_, i) => `console:g${i}`);
await chunked(ids, (chunk) =>
  db.db.insert(groups).values(chunk.map((id) => ({ id, platform: 'console', title: id.slice(8), language: 'en', timezone: 'Europe/Paris', communityId: community!.id }))),
);
await chunked(
  Array.from({ length: FAQ }, (_, i) => i),
  async (chunk) => {
    const entries = await db.db
      .insert(faqEntries)
      .values(chunk.map(() => ({ groupId: ids[0]!, communityId: community!.id, lang: 'en' })))
      .returning({ id: faqEntries.id });
    await db.db.insert(faqTranslations).values(
      entries.flatMap(({ id }, k) => [
        { entryId: id, lang: 'en', question: `When does place ${chunk[k]} open?`, answer: `Place ${chunk[k]} opens at 9.` },
        ...(k % 2 === 0 ? [{ entryId: id, lang: 'fr', question: `Quand ouvre le lieu ${chunk[k]} ?`, answer: `Le lieu ${chunk[k]} ouvre à 9 h.` }] : []),
      ]),
    );
  },
);
const now = Date.now();
await chunked(
  Array.from({ length: REQUESTS }, (_, i) => i + 1),
  (chunk) =>
    db.db.insert(helpRequests).values(
      chunk.map((n) => ({
        sourceId: `bench:${n}`,
        scope: `community:${community!.id}`,
        number: n,
        originGroup: ids[n % GROUPS]!,
        authorId: `console:p${n}`,
        authorName: `Person ${n}`,
        text: `Need a ladder for an afternoon (${n})`,
        createdAt: new Date(now),
        expiresAt: new Date(now + 7 * 86_400_000),
      })),
    ),
);
await chunked(
  Array.from({ length: 200 }, (_, i) => i),
  (chunk) => db.db.insert(auditLog).values(chunk.map((i) => ({ groupId: ids[0]!, actorId: 'console:ada', action: 'quiet', before: {}, after: { quietHours: { start: '22:00', end: `0${i % 10}:00`, timeZone: 'Europe/Paris' } } }))),
);
const targets = ids.slice(1);
const [alert] = await db.db
  .insert(alerts)
  .values({ communityId: community!.id, sourceGroup: ids[0]!, authorId: 'console:ada', text: 'Water cut', textKey: 'water cut', status: 'sent', envelopeId: 'bench', targets, createdAt: new Date(now), sentAt: new Date(now) })
  .returning();
await chunked(targets, (chunk) =>
  db.db.insert(deliveries).values(chunk.map((target) => ({ jobId: jobId(`alert:${alert!.id}`, target), outboundId: `alert:${alert!.id}`, target, status: 'delivered' as const, messageIds: ['console:x'] }))),
);
const TRADES = ['plumber', 'electrician', 'baker', 'locksmith', 'dentist', 'painter', 'gardener', 'cobbler', 'tailor', 'mechanic'];
await chunked(
  Array.from({ length: ADDRESSES }, (_, i) => i + 1),
  (chunk) =>
    db.db.insert(addressEntries).values(
      chunk.map((n) => ({
        sourceId: `bench:${n}`,
        scope: `community:${community!.id}`,
        originGroup: ids[n % GROUPS]!,
        authorId: `console:p${n}`,
        authorName: `Person ${n}`,
        what: TRADES[n % TRADES.length]!,
        who: `Someone ${n}`,
        contact: `06 00 00 ${String(n).padStart(5, '0')}`,
        note: n % 3 === 0 ? `came quickly, fair price (${n})` : null,
        lang: 'en',
        vouches: n % 7,
        reports: n % 50 === 0 ? 1 : 0,
        createdAt: new Date(now),
        confirmedAt: new Date(now - (n % 2) * 400 * 86_400_000),
      })),
    ),
);
const events = await db.db
  .insert(communityEvents)
  .values(
    Array.from({ length: EVENTS }, (_, i) => ({
      scope: `community:${community!.id}`,
      originGroup: ids[i % GROUPS]!,
      authorId: `console:p${i}`,
      authorName: `Person ${i}`,
      title: `Street party ${i}`,
      place: `Rue ${i}`,
      // 200 to come, 100 in the last month.
      startsAt: new Date(i < 200 ? now + (i + 1) * 3600_000 : now - (i - 199) * 6 * 3600_000),
      status: i % 10 === 0 ? ('cancelled' as const) : ('scheduled' as const),
      envelopeId: `bench:event:${i}`,
      targets: ids.slice(0, 10),
      createdAt: new Date(now),
      updatedAt: new Date(now),
    })),
  )
  .returning({ id: communityEvents.id });
await chunked(
  events.flatMap(({ id }) => Array.from({ length: ANSWERS }, (_, k) => ({ eventId: id, personId: `console:p${k}`, personName: `Person ${k}`, answer: (['yes', 'maybe', 'no'] as const)[k % 3]!, groupId: ids[k % GROUPS]!, at: new Date(now) }))),
  (chunk) => db.db.insert(eventRsvps).values(chunk),
);
const seeded = performance.now() - seeding;

// A session for the admin of the first group, by the link, as a browser gets one.
consoleAdapter.setRole('g0', 'ada', 'admin');
const token = await app.services.dashboard.links.create({ person: 'console:ada', name: 'Ada', group: ids[0]!, language: 'en', createdAt: Date.now() });
const login = await fetch(`${base}/dashboard/login`, {
  method: 'POST',
  headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ t: token }),
  redirect: 'manual',
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const group = `/dashboard/g/${encodeURIComponent(ids[0]!)}`;
const pages: [string, string][] = [
  ['community', '/dashboard'],
  ['settings', `${group}/settings`],
  ['faq (page 1 of 500)', `${group}/faq`],
  ['faq (page 400)', `${group}/faq?page=400`],
  ['help requests (page 1 of 200)', `${group}/requests`],
  ['help requests (page 150)', `${group}/requests?page=150`],
  ['alert receipts page (999 groups)', `${group}/alerts/${alert!.id}`],
  ['alert receipts JSON (999 groups)', `${group}/alerts/${alert!.id}/receipts`],
  ['alerts composer', `${group}/alerts`],
  ['audit', `${group}/audit`],
  ['events (200 to come, 100 recent, 30 answers each)', `${group}/events`],
  ['events (page 4)', `${group}/events?page=4`],
  ['addresses (page 1 of 200)', `${group}/addresses`],
  ['addresses (page 150)', `${group}/addresses?page=150`],
  ['addresses search (10,000 in the index)', `${group}/addresses?q=fontanero`],
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

console.log(`seeded ${GROUPS} groups, ${FAQ} FAQ entries, ${REQUESTS} requests, 999 receipts, ${ADDRESSES} addresses, ${EVENTS} events in ${(seeded / 1000).toFixed(1)} s\n`);
console.log('| page | bytes | p50 ms | p95 ms | max ms |');
console.log('|---|---|---|---|---|');
let worst = 0;
for (const [name, url] of pages) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 65; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    const took = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
    if (i >= 5) times.push(took);
  }
  times.sort((a, b) => a - b);
  worst = Math.max(worst, quantile(times, 0.95));
  console.log(`| ${name} | ${bytes} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`);
}
console.log(`\nworst p95: ${worst.toFixed(1)} ms (goal < 200 ms)`);

await listener.close();
await app.stop();
await redis.quit();
await db.close();
await redisServer?.stop();
rmSync(dir, { recursive: true, force: true });
