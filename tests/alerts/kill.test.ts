// A delivery worker killed with SIGKILL in the middle of a 200-group fan-out, then restarted: every group receives
// the alert, and a second copy is possible only for a job whose platform answer arrived but whose "sent" marker was
// not yet written when the process died. Duplicates are counted and bounded by the jobs in flight at the kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { redisUrl } from '../helpers/storage.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const CHILD = fileURLToPath(new URL('./delivery-child.ts', import.meta.url));
const GROUPS = 200;
/** BullMQ worker concurrency of the delivery worker (its default): at most this many jobs are in flight at a kill. */
const CONCURRENCY = 16;

let bot: TestBot | undefined;
let standin: TelegramStandin | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.length = 0;
  await bot?.stop();
  await standin?.close();
  bot = standin = undefined;
});

async function startChild(prefix: string, tg: TelegramStandin): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      REDIS_URL: redisUrl(),
      QUARTIER_PREFIX: prefix,
      TG_TOKEN: tg.token,
      TG_API_ROOT: tg.apiRoot,
      TG_GLOBAL_INTERVAL_MS: '15',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`delivery child exited early with ${code}`)));
  });
  return child;
}

it('delivers a 200-group alert to every group after the delivery process is SIGKILLed mid-way', { timeout: 180_000 }, async () => {
  const tg = (standin = await TelegramStandin.start({ globalLimit: 1000, globalWindowMs: 1000 }));
  // This process runs the pipeline and the Outbox; it has no Telegram adapter, so it never sends to Telegram itself.
  const b = (bot = await startTestApp());
  const prefix = (b.app.services as { prefix: string }).prefix;
  await b.chat('lilas', 'ada').as('admin').send('/community create Grand Quartier');
  // The join code goes to the admin privately.
  const code = (await b.privateMatch('ada', /\/community join (\S+)/)).replace('-', '');
  const chatIds = Array.from({ length: GROUPS }, (_, i) => -1_000_000_000_000 - i);
  for (const id of chatIds) {
    tg.addChat({ id, type: 'supergroup', title: `Group ${id}` });
    await b.app.services.groups.ensure(`telegram:${id}`, 'telegram', `Group ${id}`, { language: 'en', timezone: 'Europe/Paris' });
    const joined = await b.app.services.communities.join(`telegram:${id}`, code, 'telegram:1', Date.now());
    expect(joined.ok).toBe(true);
  }

  const first = await startChild(prefix, tg);
  const [confirmation] = await b.chat('lilas', 'mo').as('moderator').send('/alert Boil tap water until further notice');
  expect(confirmation!.text).toMatch(/sent to 200 groups/);

  await b.waitFor(() => tg.sent.length >= 60, 60_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const atKill = tg.sent.length;
  expect(atKill).toBeLessThan(GROUPS);

  await startChild(prefix, tg);
  const perChat = () => {
    const counts = new Map<number, number>();
    for (const m of tg.sent) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
    return counts;
  };
  await b.waitFor(() => perChat().size === GROUPS, 120_000);
  const queue = b.app.queueOutbox.queue('telegram');
  await b.waitFor(async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((n) => n === 0);
  }, 60_000);

  const counts = perChat();
  const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  console.info(`kill test: ${atKill}/${GROUPS} sent before SIGKILL, ${duplicates} duplicate(s) after restart`);
  expect([...counts.keys()].sort()).toEqual([...chatIds].sort());
  expect(tg.sent.every((m) => m.text === '📢 Alert from lilas (console):\nBoil tap water until further notice')).toBe(true);
  expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
  expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: GROUPS, failed: 0 });
  expect(tg.rateLimited).toEqual([]);
});
