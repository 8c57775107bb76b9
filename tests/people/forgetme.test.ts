// /forgetme forgets everything. A Telegram member does many things across features — a private chat with the bot,
// settings changes, a community and its code, a bridge to a console group in quiet hours (their relay waits in the
// morning digest), a help request, an offer whose notice cannot be delivered (a failed job naming them), an alert —
// then sends /forgetme. A scan of every table and of every Redis key, value, job and event afterwards finds nothing of
// them: not their id, not their name, not their words. The same scan before /forgetme finds them, so it can fail.
import pino from 'pino';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { deliveries } from '../../src/db/schema/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const NAME = 'Zephyrine';
const ZEPH = { id: 4242, is_bot: false, first_name: NAME };
const BOB = { id: 4343, is_bot: false, first_name: 'Bob' };
const PRIVATE = { id: ZEPH.id, type: 'private' as const, first_name: NAME };

let bot: TestBot | undefined;
let standin: TelegramStandin | undefined;
afterEach(async () => {
  await bot?.stop();
  await standin?.close();
  bot = undefined;
  standin = undefined;
});

/** Every row of every table, as text. */
async function databaseText(b: TestBot): Promise<string> {
  const db = b.app.services.db;
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as
    | { rows: { table_name: string }[] }
    | { table_name: string }[];
  const names = (Array.isArray(tables) ? tables : tables.rows).map((r) => r.table_name);
  expect(names).toEqual(expect.arrayContaining(['people', 'groups', 'audit_log', 'deliveries', 'help_requests', 'bridge_codes', 'alerts']));
  let out = '';
  for (const name of names) {
    const result = (await db.execute(sql.raw(`select * from "${name}"`))) as unknown as { rows: unknown[] } | unknown[];
    out += `\n${name}: ${JSON.stringify(Array.isArray(result) ? result : result.rows)}`;
  }
  return out;
}

/** Every key under the deployment's prefix, with its value whatever its type (job hashes and event streams too). */
async function redisText(redis: Redis, prefix: string): Promise<string> {
  let out = '';
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, '0', '-1');
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      out += `\n${key} (${type}): ${JSON.stringify(value)}`;
    }
  } while (cursor !== '0');
  return out;
}

function traces(text: string): string[] {
  const found: string[] = [];
  if (new RegExp(`telegram:@?${ZEPH.id}(?![0-9])`).test(text)) found.push('their id');
  if (text.includes(NAME)) found.push('their name');
  for (const marker of ['QUOKKA-need', 'QUOKKA-alert', 'QUOKKA-relay', 'QUOKKA-addr']) if (text.includes(marker)) found.push(marker);
  return found;
}

/** Where the traces are, for the failure message. */
function excerpts(text: string): string {
  return [...text.matchAll(new RegExp(`.{0,160}(telegram:@?${ZEPH.id}(?![0-9])|${NAME}|QUOKKA).{0,80}`, 'g'))].map((m) => m[0]).join('\n');
}

/** HH:MM in Europe/Paris (the console groups' zone) `hours` from now. */
function parisTime(hours: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + hours * 3600_000);
}

describe('/forgetme', { timeout: 180_000 }, () => {
  it('leaves nothing of the person in any table, key, job or digest', async () => {
    standin = await TelegramStandin.start({ groupLimit: 1000, globalLimit: 1000 });
    standin.addChat(LILAS);
    standin.setMember(LILAS.id, ZEPH, 'administrator', { can_change_info: true, can_delete_messages: true });
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter] }));
    const s = standin;
    const say = async (from: typeof ZEPH, text: string, chat: typeof LILAS | typeof PRIVATE = LILAS) => {
      const before = s.sent.length;
      await s.userMessage({ chat, from, text });
      await b.waitFor(() => s.sent.length > before);
      await b.settle();
      return s.sent.slice(before).map((m) => m.text);
    };

    // Their private chat with the bot, and a setting changed there (its own group row and audit entry).
    await say(ZEPH, '/lang fr', PRIVATE);
    // A setting of the group, a community with its join code.
    await say(ZEPH, '/timezone Europe/Paris');
    await say(ZEPH, '/community create Voisins');
    await say(ZEPH, '/community code');
    // A console group in quiet hours, bridged by a code they redeem: their relays wait for its morning digest.
    const max = b.chat('nord', 'max', 'Max').as('admin');
    await max.send(`/quiet ${parisTime(-1)}-${parisTime(3)}`);
    // The code goes to Max privately, never into the group.
    const sentBefore = b.privateTo(max.userKey).length;
    await max.send('/bridge link');
    const code = await b.privateMatch(max.userKey, /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/, sentBefore);
    expect((await say(ZEPH, `/bridge ${code}`)).join('\n')).toMatch(/Linked with|Lié/);
    // A help request, and an offer on Bob's whose notice to Bob's private chat fails for good (Bob never started
    // the bot): a failed job carrying their name.
    await say(ZEPH, '/need QUOKKA-need someone to water my plants');
    await say(BOB, '/need a ladder for Saturday');
    await say(ZEPH, '/offer 2');
    await b.waitFor(async () => (await b.app.queueOutbox.queue('telegram').getJobCounts('failed')).failed! > 0);
    // An address they recommended, and one of Bob's they vouched for and reported; Bob's solved request offers to add
    // them as an address (an offer naming them).
    await say(ZEPH, '/recommend QUOKKA-addr plumber | Jean | 06 12 34 56 78');
    await say(BOB, '/recommend bakery | Chez Paul');
    const bobs = (await b.app.services.addresses.find(`community:${(await b.app.services.groups.find(`telegram:${LILAS.id}`))!.communityId}`, 'bakery'))[0]!.entry.id;
    await say(ZEPH, `/vouch ${bobs}`);
    await say(ZEPH, `/recommend report ${bobs}`);
    await say(BOB, '/need a drill for an hour');
    await say(ZEPH, '/offer 3');
    await say(BOB, '/done 3');
    expect(await b.app.services.addresses.repository.suggestion(1)).toMatchObject({ helperName: NAME });
    // An alert, and a plain message relayed into the quiet console group.
    await say(ZEPH, '/alert QUOKKA-alert water is cut at 3pm');
    await s.userMessage({ chat: LILAS, from: ZEPH, text: 'QUOKKA-relay hello neighbours' });
    await b.waitFor(async () => (await redisText(b.app.services.redis, b.app.services.prefix)).includes('QUOKKA-relay'));
    await b.settle();

    const { redis, prefix } = b.app.services;
    // Before: the scan sees them everywhere it should.
    const dbBefore = traces(await databaseText(b));
    const redisBefore = traces(await redisText(redis, prefix));
    expect(dbBefore).toEqual(expect.arrayContaining(['their id', 'their name', 'QUOKKA-need', 'QUOKKA-alert', 'QUOKKA-addr']));
    expect(redisBefore).toEqual(expect.arrayContaining(['their id', 'their name', 'QUOKKA-relay']));

    // Asked in the group: the confirmation goes there (the next test asks in the private chat).
    const replies = await say(ZEPH, '/forgetme');
    expect(replies.join('\n')).toMatch(/\d/);
    await b.settle();

    const dbAfter = await databaseText(b);
    const redisAfter = await redisText(redis, prefix);
    expect(traces(dbAfter), excerpts(dbAfter)).toEqual([]);
    expect(traces(redisAfter), excerpts(redisAfter)).toEqual([]);
    // Bob's request, the bridge, the community and the group's settings are still there.
    const lilas = await b.app.services.groups.find(`telegram:${LILAS.id}`);
    expect(lilas?.communityId).toBeTypeOf('number');
    expect(await b.app.services.bridge.repo.partnersOf(`telegram:${LILAS.id}`)).toEqual(['console:nord']);
    expect((await say(BOB, '/requests')).join('\n')).toContain('ladder');
    // Bob's address stays, without their vouch or report.
    expect((await say(BOB, '/find bakery')).join('\n')).toMatch(/#\d+ bakery — Chez Paul\n {3}👍 1 neighbour · /);
  });

  it('asked in their private chat, the confirmation reaches them and leaves nothing behind once delivered', async () => {
    standin = await TelegramStandin.start({ groupLimit: 1000, globalLimit: 1000 });
    standin.addChat(LILAS);
    standin.setMember(LILAS.id, ZEPH, 'member');
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 }, pollTimeoutSeconds: 1, pollRetryMs: 50 });
    const b = (bot = await startTestApp({ adapters: [adapter] }));
    const s = standin;
    const say = async (text: string, chat: typeof LILAS | typeof PRIVATE) => {
      const before = s.sent.length;
      await s.userMessage({ chat, from: ZEPH, text });
      await b.waitFor(() => s.sent.length > before);
      await b.settle();
      return s.sent.slice(before);
    };
    await say('/lang fr', PRIVATE);
    await say('/need QUOKKA-need someone to water my plants', LILAS);
    const { redis, prefix } = b.app.services;
    expect(traces(await databaseText(b))).toEqual(expect.arrayContaining(['their id', 'QUOKKA-need']));

    const confirmation = await say('/forgetme', PRIVATE);
    expect(confirmation.map((m) => m.chatId)).toEqual([ZEPH.id]);
    await b.settle();
    const dbAfter = await databaseText(b);
    // Pacing keys name the chat for a few seconds by design (they expire on their own); nothing else may.
    const redisNow = async () =>
      (await redisText(redis, prefix))
        .split('\n')
        .filter((line) => !/:(pace|lane)[:-]/.test(line))
        .join('\n');
    // The job's entries in the event stream go once BullMQ has written them, just after the job completed.
    await b.waitFor(async () => traces(await redisNow()).length === 0).catch(() => undefined);
    const redisAfter = await redisNow();
    expect(traces(dbAfter), excerpts(dbAfter)).toEqual([]);
    expect(traces(redisAfter), excerpts(redisAfter)).toEqual([]);
  });
});

describe('/audit', { timeout: 60_000 }, () => {
  it('shows people by name, never by their raw platform id, and "someone" once they are forgotten', async () => {
    const b = (bot = await startTestApp());
    // The console's ids stand for a WhatsApp number here: `console:33612345678`, shown as "Noor".
    const noor = b.chat('g1', '33612345678', 'Noor').as('admin');
    await noor.send('/timezone America/New_York');
    await noor.send('/lang fr');
    const ada = b.chat('g1', 'ada', 'Ada').as('admin');
    const [list] = await ada.send('/audit');
    expect(list!.text).toContain('Noor');
    expect(list!.text).not.toContain('33612345678');
    await noor.send('/forgetme');
    const [after] = await ada.send('/audit');
    expect(after!.text).not.toMatch(/Noor|33612345678/);
    expect(after!.text).toMatch(/quelqu|someone/i);
  });
});

describe('/forgetme for a WhatsApp number', { timeout: 60_000 }, () => {
  it('finds the number inside message ids: delivery records and the bridge message map of their messages go', async () => {
    const b = (bot = await startTestApp());
    const number = '33612345678@c.us';
    const theirs = `whatsapp:false_120363041234567890@g.us_3EB0AB_${number}`;
    const other = 'whatsapp:false_120363041234567890@g.us_3EB0CD_33699999999@c.us';
    const { db } = b.app.services;
    await b.app.services.bridge.repo.recordCopies(
      [
        { messageId: theirs, canonicalId: theirs, chatId: 'whatsapp:120363041234567890@g.us', part: 0, via: 'origin' },
        { messageId: other, canonicalId: other, chatId: 'whatsapp:120363041234567890@g.us', part: 0, via: 'origin' },
      ],
      new Date(),
    );
    await db.insert(deliveries).values([
      { jobId: `bridge:${theirs}>discord:1`, outboundId: `bridge:${theirs}`, target: 'discord:1', status: 'delivered' },
      { jobId: `bridge:${other}>discord:1`, outboundId: `bridge:${other}`, target: 'discord:1', status: 'delivered' },
      // A number that merely starts the same way is someone else.
      { jobId: 'x>discord:1', outboundId: 'bridge:whatsapp:false_1@g.us_9_33612345678@c.usX', target: 'discord:1', status: 'delivered' },
    ]);
    const { redis, prefix } = b.app.services;
    await redis.set(`${prefix}:seen:${theirs}`, 'done');
    await redis.set(`${prefix}:seen:${other}`, 'done');
    await b.app.services.people.forget(`whatsapp:${number}`);
    expect(await redis.exists(`${prefix}:seen:${theirs}`)).toBe(0);
    expect(await redis.exists(`${prefix}:seen:${other}`)).toBe(1);
    const text = await databaseText(b);
    expect(text).not.toContain(`_${number}"`);
    expect(text).not.toContain(`_${number}>`);
    expect(text).toContain('3EB0CD_33699999999@c.us');
    expect(text).toContain('33612345678@c.usX');
  });
});
