// The dashboard with a Telegram group on the stand-in: the link goes to the admin's private chat (never the group),
// and quiet hours changed on the page are what /quiet then says in the group.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import { TelegramStandin } from '../telegram/standin/server.js';
import { Client, startDashboardBot, type DashboardBot } from './helpers.js';

const LILAS = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };

let standin: TelegramStandin | undefined;
let running: DashboardBot | undefined;
afterEach(async () => {
  await running?.stop();
  await standin?.close();
  running = undefined;
  standin = undefined;
});

describe('the dashboard with Telegram', { timeout: 90_000 }, () => {
  it('sends the link privately, and quiet hours set on the page are what /quiet says in the group', async () => {
    standin = await TelegramStandin.start();
    const s = standin;
    s.addChat(LILAS);
    s.addChat({ id: ALICE.id, type: 'private' });
    s.setMember(LILAS.id, ALICE, 'administrator', { can_change_info: true });
    s.setMember(LILAS.id, BOB, 'member');
    const adapter = createTelegramAdapter({
      token: s.token,
      apiRoot: s.apiRoot,
      logger: pino({ level: 'silent' }),
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollTimeoutSeconds: 1,
      pollRetryMs: 50,
    });
    running = await startDashboardBot({ adapters: [adapter], noConsole: true });
    const { bot, base } = running;

    await s.userMessage({ chat: LILAS, from: ALICE, text: '/dashboard' });
    await bot.waitFor(() => s.sent.some((m) => m.chatId === ALICE.id) && s.sent.some((m) => m.chatId === LILAS.id));
    const link = /(http\S+\/dashboard\/login\?t=[\w-]+)/.exec(s.sent.find((m) => m.chatId === ALICE.id)!.text)![1]!;
    expect(s.sent.filter((m) => m.chatId === LILAS.id).map((m) => m.text).join('\n')).not.toContain('/dashboard/login');

    const client = new Client(base);
    expect((await client.login(link)).status).toBe(303);
    const group = `/dashboard/g/${encodeURIComponent(`telegram:${LILAS.id}`)}/settings`;
    await client.get(group);
    const saved = await client.post(group, {
      language: 'en',
      timezone: 'Europe/Paris',
      rules: '',
      quiet_on: 'on',
      quiet_start: '21:30',
      quiet_end: '06:45',
      quiet_days: ['0', '1', '2', '3', '4', '5', '6'],
      quiet_mode: 'remind',
      flood_messages: '10',
      flood_seconds: '30',
    });
    expect(saved.status).toBe(200);

    const before = s.sent.length;
    await s.userMessage({ chat: LILAS, from: BOB, text: '/quiet' });
    await bot.waitFor(() => s.sent.length > before);
    expect(s.sent[before]!.text).toMatch(/21:30.*06:45/s);
  });
});
