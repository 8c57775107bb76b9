// PostgreSQL unavailable at start (the bot waits and retries, then fails with a clear message) and for a few seconds
// at run time (deliveries recorded meanwhile are retried, none lost, none sent twice).
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openDatabase, openPostgres, waitForPostgres } from '../../src/db/client.js';
import { scratchDatabase } from '../../bench/lib/cluster.js';
import { qualify } from '../../src/core/envelope.js';
import { deliveries } from '../../src/db/schema/index.js';
import { postgresUrl } from '../helpers/storage.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TcpProxy } from './lib/tcp-proxy.js';

const serverUrl = postgresUrl();
if (!serverUrl) console.warn('tests/chaos/postgres-down skipped: set TEST_DATABASE_URL to a PostgreSQL server (CI does)');

function through(proxy: TcpProxy, url: string): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}

describe.skipIf(!serverUrl)('PostgreSQL unavailable', () => {
  let proxy: TcpProxy | undefined;
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await proxy?.down();
  });

  it('at start: retries until the server answers', async () => {
    const server = new URL(serverUrl!);
    proxy = await TcpProxy.reserve({ host: server.hostname, port: Number(server.port || 5432) });
    const retries: number[] = [];
    setTimeout(() => void proxy!.up(), 1500);
    const db = await openDatabase({ url: through(proxy, serverUrl!), dataDir: '', retry: { delayMs: 300, onRetry: (n) => retries.push(n) } });
    await db.ping();
    await db.close();
    expect(retries.length).toBeGreaterThan(0);
  });

  it('at start: gives up with a clear message that names the server but not the password', async () => {
    const server = new URL(serverUrl!);
    proxy = await TcpProxy.reserve({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(through(proxy, serverUrl!));
    url.username = 'quartier';
    url.password = 's3cret';
    const error = await waitForPostgres(url.toString(), { attempts: 3, delayMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(String((error as Error).message)).toMatch(/did not answer after 3 attempts/);
    expect(String((error as Error).message)).not.toContain('s3cret');
  });

  it('at run time: deliveries whose bookkeeping failed are retried, none lost, none sent twice', async () => {
    const scratch = await scratchDatabase(serverUrl!);
    const server = new URL(serverUrl!);
    proxy = await TcpProxy.reserve({ host: server.hostname, port: Number(server.port || 5432) });
    await proxy.up();
    const proxied = await openPostgres(through(proxy, scratch.url), { migrate: false, max: 2 });
    try {
      bot = await startTestApp({ db: proxied, locks: { deliveryMs: 2000 } });
      const target = qualify('console', 'outage');
      await proxy.down();
      // urgent: a non-urgent enqueue asks the quiet-hours policy, which reads the group from the database and so
      // fails (to its caller) during the outage; what is accepted here must all be delivered.
      for (let i = 0; i < 20; i++) {
        await bot.app.outbox.enqueue({ id: `outage-${i}`, target, action: 'send', text: `during outage ${i}`, urgent: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await proxy.up();
      const outage = () => bot!.console.delivered.filter((d) => d.group === 'outage');
      await bot.waitFor(() => outage().length >= 20, 60_000);
      await bot.settle(2000, 60_000);
      const texts = outage().map((d) => d.message.text);
      console.info(`postgres-down: ${texts.length} sends for 20 messages, ${texts.length - new Set(texts).size} duplicate(s)`);
      expect(new Set(texts).size).toBe(20);
      expect(texts.length).toBe(20);
      // And the bookkeeping that failed during the outage was done on a retry: every delivery is recorded.
      const rows = await bot.db.db.select().from(deliveries);
      expect(rows.filter((r) => r.outboundId.startsWith('outage-') && r.status === 'delivered')).toHaveLength(20);
    } finally {
      await bot?.stop();
      bot = undefined;
      await proxied.close();
      await scratch.drop();
    }
  });
});
