// Delivery outcomes are written in batches (src/db/deliveries.ts): each caller still learns its own row's fate, and
// only once that row is committed. On both databases, like storage.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { DeliveryRepository } from '../../src/db/deliveries.js';
import { pgliteDatabase, postgresDatabase, postgresUrl } from '../helpers/storage.js';

const backends: { name: string; open: () => Promise<Database> }[] = [{ name: 'PGlite', open: pgliteDatabase }];
const serverUrl = postgresUrl();
if (serverUrl) backends.push({ name: 'PostgreSQL', open: () => postgresDatabase(serverUrl) });

const outcome = (n: number) => ({ jobId: `j${n}`, outboundId: `o${n}`, target: 'telegram:1', status: 'delivered' as const, messageIds: [`telegram:1/${n}`], attempts: 1 });

describe.each(backends)('delivery records on $name', ({ open }) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('stores a row before its record() resolves, many rows in one batch', async () => {
    database = await open();
    const deliveries = new DeliveryRepository(database.db, { maxRows: 50, maxWaitMs: 60_000 });
    // 50 rows fill a batch (the wait is far longer than the test): each caller sees its own row once resolved.
    await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        await deliveries.record(outcome(n));
        expect(await deliveries.find(`j${n}`)).toMatchObject({ status: 'delivered', messageIds: [`telegram:1/${n}`] });
      }),
    );
    expect(await deliveries.countByStatus()).toEqual({ delivered: 50 });
  });

  it('keeps the latest outcome of a job recorded twice in one batch', async () => {
    database = await open();
    const deliveries = new DeliveryRepository(database.db, { maxRows: 100, maxWaitMs: 10 });
    const first = deliveries.record({ ...outcome(1), status: 'failed', error: 'timeout', messageIds: [] });
    const second = deliveries.record({ ...outcome(1), attempts: 2 });
    await Promise.all([first, second]);
    expect(await deliveries.find('j1')).toMatchObject({ status: 'delivered', error: null, attempts: 2, messageIds: ['telegram:1/1'] });
  });

  it('fails only the caller whose row the database refuses; the rest of its batch is stored', async () => {
    database = await open();
    const deliveries = new DeliveryRepository(database.db, { maxRows: 100, maxWaitMs: 10 });
    // PostgreSQL text cannot hold a NUL character.
    const results = await Promise.allSettled([
      deliveries.record(outcome(1)),
      deliveries.record({ ...outcome(2), status: 'failed', error: 'bad \u0000 byte' }),
      deliveries.record(outcome(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await deliveries.find('j1')).toBeDefined();
    expect(await deliveries.find('j2')).toBeUndefined();
    expect(await deliveries.find('j3')).toBeDefined();
  });
});
