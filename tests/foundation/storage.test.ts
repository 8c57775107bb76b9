// The same migrations and repositories on both databases: PGlite (the embedded default) and real PostgreSQL (when
// TEST_DATABASE_URL names a server; CI sets it).
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { DeliveryRepository } from '../../src/db/deliveries.js';
import { GroupRepository } from '../../src/db/groups.js';
import { AuditRepository } from '../../src/db/audit.js';
import { PeopleRepository } from '../../src/db/people.js';
import { pgliteDatabase, postgresDatabase, postgresUrl } from '../helpers/storage.js';

const backends: { name: string; open: () => Promise<Database> }[] = [{ name: 'PGlite', open: pgliteDatabase }];
const serverUrl = postgresUrl();
if (serverUrl) backends.push({ name: 'PostgreSQL', open: () => postgresDatabase(serverUrl) });

describe.each(backends)('storage on $name', ({ open }) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('creates a group once with the defaults, and audits each change with before and after', async () => {
    database = await open();
    const groups = new GroupRepository(database.db);
    const defaults = { language: 'en', timezone: 'UTC' };
    const created = await groups.ensure('telegram:-100', 'telegram', 'Rue des Lilas', defaults);
    const again = await groups.ensure('telegram:-100', 'telegram', 'Rue des Lilas', defaults);
    expect(again).toEqual(created);
    expect(created).toMatchObject({ id: 'telegram:-100', language: 'en', timezone: 'UTC', rules: null, active: true });

    await groups.change('telegram:-100', 'telegram:7', 'lang', { language: 'fr' });
    const changed = await groups.change('telegram:-100', 'telegram:7', 'quiet', { settings: { quiet: { start: '22:00' } } });
    expect(changed.language).toBe('fr');
    expect(changed.settings).toEqual({ quiet: { start: '22:00' } });
    const removed = await groups.change('telegram:-100', 'telegram:8', 'quiet', { settings: { quiet: undefined } });
    expect(removed.settings).toEqual({});

    const audit = await new AuditRepository(database.db).latest('telegram:-100');
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ['quiet', 'telegram:8', { quiet: { start: '22:00' } }, { quiet: null }],
      ['quiet', 'telegram:7', { quiet: null }, { quiet: { start: '22:00' } }],
      ['lang', 'telegram:7', { language: 'en' }, { language: 'fr' }],
    ]);
  });

  it('serves the group of the last few seconds to the hot paths, and a change made here at once', async () => {
    database = await open();
    const groups = new GroupRepository(database.db);
    await groups.ensure('telegram:-7', 'telegram', 'Lilas', { language: 'en', timezone: 'UTC' });
    expect((await groups.findRecent('telegram:-7'))!.language).toBe('en');
    // A change behind the repository's back (another process) is seen once the few seconds are over, not before.
    await database.db.execute(sql`update groups set language = 'es' where id = 'telegram:-7'`);
    expect((await groups.findRecent('telegram:-7'))!.language).toBe('en');
    expect((await groups.find('telegram:-7'))!.language).toBe('es');
    // A change through the repository drops this process's copy at once.
    await groups.change('telegram:-7', 'telegram:1', 'lang', { language: 'fr' });
    expect((await groups.findRecent('telegram:-7'))!.language).toBe('fr');
    expect(await groups.findRecent('telegram:-404')).toBeUndefined();
  });

  it('keeps a platform id apart from the same number on another platform', async () => {
    database = await open();
    const groups = new GroupRepository(database.db);
    const defaults = { language: 'en', timezone: 'UTC' };
    await groups.ensure('telegram:42', 'telegram', 'A', defaults);
    await groups.ensure('discord:42', 'discord', 'B', defaults);
    await groups.change('discord:42', 'discord:1', 'setrules', { rules: 'Discord rules' });
    expect((await groups.find('telegram:42'))!.rules).toBeNull();
    expect(await groups.count()).toBe(2);
  });

  it('marks a group inactive and revives it when it speaks again', async () => {
    database = await open();
    const groups = new GroupRepository(database.db);
    const defaults = { language: 'en', timezone: 'UTC' };
    await groups.ensure('whatsapp:1@g.us', 'whatsapp', undefined, defaults);
    await groups.markInactive('whatsapp:1@g.us', 'bot removed');
    expect((await groups.find('whatsapp:1@g.us'))!.active).toBe(false);
    expect((await groups.ensure('whatsapp:1@g.us', 'whatsapp', undefined, defaults)).active).toBe(true);
  });

  it('forgets a person: their record is deleted and their audit entries anonymised', async () => {
    database = await open();
    const people = new PeopleRepository(database.db);
    const groups = new GroupRepository(database.db);
    await people.remember({ id: 'discord:5', name: 'Ana', language: 'es' });
    await groups.ensure('discord:9', 'discord', 'X', { language: 'en', timezone: 'UTC' });
    await groups.change('discord:9', 'discord:5', 'setrules', { rules: 'x' });
    expect(await people.forget('discord:5')).toBe(2);
    expect(await people.find('discord:5')).toBeUndefined();
    expect((await new AuditRepository(database.db).latest('discord:9'))[0]!.actorId).toBeNull();
  });

  it('records deliveries and updates them in place', async () => {
    database = await open();
    const deliveries = new DeliveryRepository(database.db);
    await deliveries.record({ jobId: 'j1', outboundId: 'o1', target: 'telegram:1', status: 'failed', error: 'x', attempts: 1 });
    await deliveries.record({ jobId: 'j1', outboundId: 'o1', target: 'telegram:1', status: 'delivered', messageIds: ['telegram:1/5'], attempts: 2 });
    expect(await deliveries.find('j1')).toMatchObject({ status: 'delivered', messageIds: ['telegram:1/5'], error: null, attempts: 2 });
    expect(await deliveries.countByStatus()).toEqual({ delivered: 1 });
  });
});
