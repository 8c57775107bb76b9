// The setup in a split deployment on WhatsApp: the worker running the pipeline holds no session, so it reads the
// rights the bot lacks from the mirror the gateway writes with each chat's roles.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { createApp, type Role } from '../../src/app.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import { pgliteDatabase, testRedis } from '../helpers/storage.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { StandinClient } from '../whatsapp/standin.js';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function splitDeployment(adapters: (role: Role) => PlatformAdapter[]): Promise<void> {
  const db = await pgliteDatabase();
  const { redis, prefix, cleanup } = await testRedis();
  const common = { db, redis, prefix, log: logger, defaults: { language: 'en', timezone: 'Europe/Paris' }, partitions: 2 };
  const worker = await createApp({ ...common, role: 'worker', adapters: adapters('worker') });
  const gateway = await createApp({ ...common, role: 'gateway', adapters: adapters('gateway') });
  await worker.start();
  await gateway.start();
  cleanups.push(async () => {
    await gateway.stop();
    await worker.stop();
    await cleanup();
    await db.close();
  });
}

describe('setup in a split deployment', () => {
  it('WhatsApp: the worker names group admin as missing, from the gateway’s mirror', async () => {
    const wa = new StandinClient(BOT);
    wa.addGroup(GROUP, 'Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }], { withBot: false });
    const pacing = { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 };
    await splitDeployment((role) => [
      createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: role === 'gateway' ? wa : new StandinClient(BOT), terminal: null, pacing }),
    ]);
    await until(() => wa.qrCount > 0);
    wa.scanQr();
    await until(() => wa.info !== undefined);

    wa.groupEvent(GROUP, 'add', ADMIN, [BOT]);
    const setups = () => wa.sent.map((s) => s.body).filter((b) => b.includes('/setrules'));
    await until(() => setups().length === 1);
    expect(setups()[0]).toContain('Group admin');
    expect(setups()[0]).not.toContain('cannot check');
  }, 90_000);
});
