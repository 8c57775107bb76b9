// Bridge relay benchmark, every direction: Telegram → Discord, Discord → Telegram, WhatsApp → Telegram and WhatsApp →
// Discord, through the whole bot (the adapters against their stand-ins over real HTTP and the gateway, the inbound
// queue, the pipeline with the bridge stage, the Outbox, the delivery workers).
//
// Ten bridges, each linking a Telegram group, a Discord channel and a WhatsApp group. For each direction, `rate`
// messages a second (default 10) for `seconds` (default 30: 300 messages, so the p99 is not just the largest one),
// spread over the bridges (one a second per bridge); latency from the moment the source platform has the message to
// the moment the target platform answers its copy.
// Each direction is measured twice: alone, and right after another group on the target platform got a backlog of
// `backlog` queued replies (default 300): one busy group must not slow the others.
//
// Pacing: what is measured is Quartier's own path, so the platforms' global spacing is lifted (the stand-ins' global
// limits too): 20 messages a second to one platform are below every platform's global limit, and the fan-out bench
// measures that spacing on its own. Per-chat spacing is kept, scaled down to 100 ms (a tenth of a bridge's message
// interval, as a real chat's limit sits above the traffic it carries), so the busy group's backlog is a real queue
// that drains one reply per 100 ms beside the relays; the stand-ins' per-chat limits are lifted to match.
//   npx tsx bench/relay-directions.ts [rate=10] [seconds=30] [backlog=300] [bridges=10]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createWhatsAppAdapter } from '../adapters/whatsapp/index.js';
import { createApp } from '../src/app.js';
import type { Platform } from '../src/core/envelope.js';
import { wrapPglite } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { connectRedis, startEmbeddedRedis } from '../src/queue/redis.js';
import { DiscordStandIn } from '../tests/discord/standin/server.js';
import { TelegramStandin } from '../tests/telegram/standin/server.js';
import { StandinClient } from '../tests/whatsapp/standin.js';
import { percentile, until } from './lib/stats.js';

const rate = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 30);
const backlog = Number(process.argv[4] ?? 300);
const bridges = Number(process.argv[5] ?? 10);
const WAIT_MS = 5 * 60_000;

const WA_ADMIN = '33612345678@c.us';
const WA_MEMBER = '33698765432@c.us';
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const waGroup = (i: number) => `1203630412345678${String(i).padStart(2, '0')}@g.us`;
const tgChat = (i: number) => ({ id: -1_000_000_000_000 - i, type: 'supergroup' as const, title: `Lilas ${i}` });

const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
const redisServer = process.env.REDIS_URL ? undefined : await startEmbeddedRedis({ dir, persistent: false });
const redis = connectRedis(process.env.REDIS_URL ?? redisServer!.url);
const db = await wrapPglite(new PGlite(), { migrate: true });
const telegram = await TelegramStandin.start({ groupLimit: 1_000_000, globalLimit: 1_000_000 });
const discord = await new DiscordStandIn({ perChannel: { limit: 1_000_000, windowMs: 1000 }, global: { limit: 1_000_000, windowMs: 1000 } }).start();
const wa = new StandinClient('33600000001@c.us');
wa.addContact(WA_ADMIN);

const perChat = 100;
const adapters = [
    createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot, logger: silentLogger, pollTimeoutSeconds: 1, pacing: { perChatIntervalMs: perChat, globalIntervalMs: 0 } }),
    createDiscordAdapter({ token: discord.token, apiUrl: discord.apiUrl, logger: silentLogger, pacing: { perChatIntervalMs: perChat, globalIntervalMs: 0 }, restRequestsPerSecond: 1_000_000 }),
    createWhatsAppAdapter({ dataDir: dir, logger: silentLogger, client: wa, terminal: null, pacing: { perChatIntervalMs: perChat, globalIntervalMs: 0, jitterMs: 0 } }),
];
const app = await createApp({
  db,
  redis,
  prefix: `bench-directions-${Date.now()}`,
  adapters,
  log: silentLogger,
  defaults: { language: 'en', timezone: 'Europe/Paris' },
  partitions: 4,
  role: 'all',
});
await app.start();
await until(() => wa.qrCount > 0, WAIT_MS, 'WhatsApp QR code');
wa.scanQr();
await until(async () => (await app.health()).checks.whatsapp?.ok === true, WAIT_MS, 'WhatsApp session');

/** A bridge code asked for in WhatsApp group `i`, as the bot sent it (privately, to the admin who asked). */
async function codeFrom(i: number): Promise<string> {
  const before = wa.sent.length;
  wa.receiveGroupMessage(waGroup(i), WA_ADMIN, '/bridge link');
  const code = () => wa.sent.slice(before).map((m) => /\/bridge ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.body)?.[1]).find(Boolean);
  await until(() => code() !== undefined, WAIT_MS, 'code');
  return code()!;
}

// Each bridge: the WhatsApp group linked to a Discord channel and to a Telegram group, with the commands moderators type.
const channels: string[] = [];
for (let i = 0; i < bridges; i++) {
  wa.addGroup(waGroup(i), `Lilas ${i}`, [{ id: WA_ADMIN, isAdmin: true }, { id: WA_MEMBER }]);
  const channel = i === 0 ? discord.world.general : discord.addChannel(`general-${i}`);
  channels.push(channel);
  discord.userMessage(channel, discord.world.users.moderator, `!bridge ${await codeFrom(i)}`);
  await until(() => discord.messagesIn(channel).some((m) => /Linked with/.test(m.content)), WAIT_MS, 'Discord link');
  const chat = tgChat(i);
  telegram.addChat(chat);
  telegram.setMember(chat.id, ALICE, 'administrator', { can_delete_messages: true });
  telegram.setMember(chat.id, BOB, 'member');
  await telegram.userMessage({ chat, from: ALICE, text: `/bridge ${await codeFrom(i)}` });
  await until(() => telegram.sent.some((s) => s.chatId === chat.id && /Linked with/.test(s.text)), WAIT_MS, 'Telegram link');
}
// The busy groups: one per platform, not bridged, that get the backlog of replies.
const busy: Record<'telegram' | 'discord', string> = { telegram: `telegram:${tgChat(99).id}`, discord: `discord:${discord.addChannel('busy')}` };
telegram.addChat(tgChat(99));
// The links' confirmations are still being delivered: they are left to finish before anything is timed.
await until(() => app.idle(1000), WAIT_MS, 'link confirmations delivered');

// A relayed copy carries its label; each copy is timed when its target platform has answered the send (the job then
// still records the outcome, which no reader waits for).
const emittedAt = new Map<string, number>();
const deliveredAt = new Map<string, number>();
const labelIn = (text: string | undefined) => /\bbench \w+/.exec(text ?? '')?.[0];
for (const adapter of adapters) {
  const send = adapter.send.bind(adapter);
  adapter.send = async (message) => {
    const result = await send(message);
    const label = labelIn(message.text);
    if (label) deliveredAt.set(`${label}>${adapter.platform}`, performance.now());
    return result;
  };
}

type Source = 'telegram' | 'discord' | 'whatsapp';
async function emit(source: Source, bridge: number, label: string): Promise<void> {
  emittedAt.set(label, performance.now());
  if (source === 'telegram') await telegram.userMessage({ chat: tgChat(bridge), from: BOB, text: label });
  else if (source === 'discord') discord.userMessage(channels[bridge]!, discord.world.users.member, label);
  else wa.receiveGroupMessage(waGroup(bridge), WA_MEMBER, label, { notifyName: 'Bench' });
}

/** Queues `backlog` replies to the busy group of each target platform, all at once, as a flood of commands would. */
async function queueBacklog(tag: string, targets: ('telegram' | 'discord')[]): Promise<void> {
  await Promise.all(
    targets.flatMap((platform) =>
      Array.from({ length: backlog }, (_, i) => app.outbox.enqueue({ id: `backlog-${tag}-${i}`, target: busy[platform], action: 'send', text: `reply ${i}` })),
    ),
  );
}

const ms = (n: number) => Number(n.toFixed(1));

/** `rate` messages a second for `seconds` from `source`, one bridge after another; latency to each of `targets`. */
async function steady(tag: string, source: Source, targets: Platform[]) {
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await emit(source, i % bridges, `bench ${tag}${i}`);
  }
  const labels = Array.from({ length: total }, (_, i) => `bench ${tag}${i}`);
  await until(() => labels.every((label) => targets.every((t) => deliveredAt.has(`${label}>${t}`))), WAIT_MS, `run ${tag}`);
  return Object.fromEntries(
    targets.map((target) => {
      const latencies = labels.map((label) => deliveredAt.get(`${label}>${target}`)! - emittedAt.get(label)!).sort((a, b) => a - b);
      return [target, { messages: total, p50Ms: ms(percentile(latencies, 50)), p99Ms: ms(percentile(latencies, 99)), maxMs: ms(latencies.at(-1)!) }];
    }),
  );
}

const runs: { name: string; source: Source; targets: ('telegram' | 'discord')[] }[] = [
  { name: 'Telegram → Discord', source: 'telegram', targets: ['discord'] },
  { name: 'Discord → Telegram', source: 'discord', targets: ['telegram'] },
  { name: 'WhatsApp → both', source: 'whatsapp', targets: ['telegram', 'discord'] },
];
const rows: Record<string, unknown>[] = [];
let n = 0;
for (const run of runs) {
  for (const withBacklog of [false, true]) {
    const tag = `r${n++}x`;
    if (withBacklog) await queueBacklog(tag, run.targets);
    const figures = await steady(tag, run.source, run.targets);
    for (const target of run.targets) {
      const direction = run.source === 'whatsapp' ? `WhatsApp → ${target === 'telegram' ? 'Telegram' : 'Discord'}` : run.name;
      rows.push({ direction, backlog: withBacklog ? backlog : 0, ...(figures[target] as object) });
    }
    // The next run starts on a drained platform: nothing queued, nothing delayed (the backlog is paced at 100 ms).
    if (withBacklog) await until(() => app.idle(backlog * perChat + 1000), WAIT_MS, 'backlog drained');
  }
}

console.table(rows);
// Copies posted twice: each label once per platform it was relayed to.
const isCopy = (m: Record<string, unknown>) => Boolean(m.webhook_id) || (m.author as { id?: string } | undefined)?.id === discord.world.bot.id;
const copies = {
  telegram: telegram.sent.map((s) => labelIn(s.text)).filter(Boolean),
  discord: channels.flatMap((c) => discord.messagesIn(c).filter(isCopy).map((m) => labelIn(m.content))).filter(Boolean),
};
const duplicates = Object.values(copies).reduce((sum, labels) => sum + labels.length - new Set(labels).size, 0);
console.log(
  JSON.stringify({
    rate,
    seconds,
    bridges,
    backlog,
    goal: 'p50 ≤ 20 ms and p99 ≤ 50 ms each way, with and without a backlog',
    rows,
    duplicates,
    rateLimited429: { telegram: telegram.rateLimited.length, discord: discord.rateLimited.user + discord.rateLimited.global },
  }),
);

await app.stop();
await telegram.close();
await discord.stop();
await db.close();
redis.disconnect();
await redisServer?.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
