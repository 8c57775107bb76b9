// A split deployment answers every command: one app in ROLE=gateway holds the platform connections (the WhatsApp
// session, Telegram's long poll), another in ROLE=worker runs the pipeline, on one Redis prefix and one database (two
// apps in this process, sharing nothing but those, as two processes would). The worker cannot ask the WhatsApp session
// who is admin: it reads the roles the gateway mirrors in Redis. When the platform reports that someone lost admin
// rights, the worker forgets what it had cached at once (Redis pub/sub), on both platforms.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import { createApp, type App, type Role } from '../../src/app.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { Database } from '../../src/db/client.js';
import type { CachedRoleLookup } from '../../src/roles.js';
import { pgliteDatabase, testRedis } from '../helpers/storage.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { ADMIN, BOT, GROUP, MEMBER } from '../whatsapp/setup.js';
import { DRIVERS } from '../whatsapp/drivers.js';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A gateway and a worker on the same Redis prefix and database; each gets its own adapters. */
async function splitDeployment(adapters: (role: Role) => PlatformAdapter[]): Promise<{ gateway: App; worker: App; db: Database }> {
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
  return { gateway, worker, db };
}

describe('split deployment: commands that need a role', () => {
  it.each(DRIVERS)('WhatsApp on $name: the worker reads the roles the gateway mirrors; a demoted admin is refused at once', async (driver) => {
    const { world: wa, client } = driver.create(BOT);
    wa.addGroup(GROUP, 'Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
    const pacing = { perChatIntervalMs: 0, globalIntervalMs: 0, jitterMs: 0 };
    const { worker } = await splitDeployment((role) => [
      // The worker's adapter is never started (a worker holds no session): it has a client of its own that is not
      // logged in, as a worker process would.
      createWhatsAppAdapter({ dataDir: '/nonexistent', logger, client: role === 'gateway' ? client : driver.create(BOT).client, terminal: null, pacing }),
    ]);
    await until(() => wa.qrCount > 0);
    wa.scanQr();
    const replies = () => wa.sent.map((s) => s.body);
    await until(() => client.info !== undefined);

    wa.receiveGroupMessage(GROUP, ADMIN, '/setrules Be kind to each other');
    await until(() => replies().some((r) => r.includes('The rules are saved')));
    wa.receiveGroupMessage(GROUP, MEMBER, '/setrules Anything goes');
    await until(() => replies().some((r) => r.includes("only the group's admins")));

    // The admin is demoted on WhatsApp; the worker had cached "admin" a moment ago.
    const roles = worker.services.roles as CachedRoleLookup;
    expect(roles.cached(`whatsapp:${GROUP}`, `whatsapp:${ADMIN}`)).toBe('admin');
    wa.groupEvent(GROUP, 'demote', ADMIN, [ADMIN]);
    const before = replies().length;
    // The gateway hears it and tells the worker through Redis, which drops its cached answer.
    await until(() => roles.cached(`whatsapp:${GROUP}`, `whatsapp:${ADMIN}`) === undefined);
    wa.receiveGroupMessage(GROUP, ADMIN, '/setrules Demoted but trying');
    await until(() => replies().length > before);
    expect(replies().slice(before)).toEqual([expect.stringContaining("only the group's admins")]);
  }, 90_000);

  it('Telegram: an admin command handled by the worker; an admin who loses the rights is refused at once', async () => {
    const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Lilas' };
    const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
    const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
    const standin = await TelegramStandin.start({ groupLimit: 1000, globalLimit: 1000 });
    cleanups.push(() => standin.close());
    standin.addChat(LILAS);
    standin.setMember(LILAS.id, ALICE, 'administrator', { can_change_info: true });
    standin.setMember(LILAS.id, BOB, 'member');
    const pacing = { perChatIntervalMs: 0, globalIntervalMs: 0 };
    const { worker } = await splitDeployment(() => [createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger, pacing, pollTimeoutSeconds: 1, pollRetryMs: 50 })]);
    const replies = () => standin.sent.filter((m) => m.chatId === LILAS.id).map((m) => m.text);

    await standin.userMessage({ chat: LILAS, from: ALICE, text: '/setrules Be kind' });
    await until(() => replies().some((r) => r.includes('The rules are saved')));
    await standin.userMessage({ chat: LILAS, from: BOB, text: '/setrules Anything goes' });
    await until(() => replies().some((r) => r.includes("only the group's admins")));
    expect((worker.services.roles as CachedRoleLookup).cached(`telegram:${LILAS.id}`, `telegram:${ALICE.id}`)).toBe('admin');

    // Alice loses her rights; Telegram tells the gateway (chat_member), which tells the worker.
    standin.setMember(LILAS.id, ALICE, 'member');
    await standin.pushUpdate({
      chat_member: {
        chat: LILAS,
        from: { id: 1, is_bot: false, first_name: 'Owner' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: ALICE, status: 'administrator', can_change_info: true },
        new_chat_member: { user: ALICE, status: 'member' },
      },
    } as never);
    const roles = worker.services.roles as CachedRoleLookup;
    await until(() => roles.cached(`telegram:${LILAS.id}`, `telegram:${ALICE.id}`) === undefined);
    const before = replies().length;
    await standin.userMessage({ chat: LILAS, from: ALICE, text: '/setrules Demoted but trying' });
    await until(() => replies().length > before);
    expect(replies().slice(before)).toEqual([expect.stringContaining("only the group's admins")]);
  }, 90_000);
});

describe('the role cache', () => {
  it('is bounded: the oldest answers go first, and are asked again', async () => {
    const { CachedRoleLookup } = await import('../../src/roles.js');
    const asked: string[] = [];
    const roles = new CachedRoleLookup(60_000, 3);
    roles.register('telegram', {
      roleOf: async (_chat, user) => {
        asked.push(user);
        return 'member';
      },
    });
    for (const user of ['a', 'b', 'c', 'd', 'e']) await roles.roleOf('telegram:-1', `telegram:${user}`);
    expect(roles.size).toBe(3);
    await roles.roleOf('telegram:-1', 'telegram:e'); // still cached
    await roles.roleOf('telegram:-1', 'telegram:a'); // evicted: asked again
    expect(asked).toEqual(['telegram:a', 'telegram:b', 'telegram:c', 'telegram:d', 'telegram:e', 'telegram:a']);
  });
});
