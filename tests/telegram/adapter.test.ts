// The adapter's receiving side, roles and command menu, through grammY against the stand-in.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Update } from 'grammy/types';
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from '../../adapters/telegram/index.js';
import type { AdapterHooks } from '../../src/core/adapter.js';
import type { Envelope } from '../../src/core/envelope.js';
import { TelegramStandin } from './standin/server.js';

const GROUP = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const BOB = { id: 43, is_bot: false, first_name: 'Bob' };
const logger = pino({ level: 'silent' });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function standin(): Promise<TelegramStandin> {
  const s = await TelegramStandin.start({ maxPollMs: 2000 });
  cleanups.push(() => s.close());
  s.addChat(GROUP);
  return s;
}

function adapterFor(s: TelegramStandin, extra: Partial<TelegramAdapterOptions> = {}): TelegramAdapter {
  const a = createTelegramAdapter({ token: s.token, apiRoot: s.apiRoot, logger, pollRetryMs: 20, pollTimeoutSeconds: 1, ...extra });
  cleanups.push(() => a.stop());
  return a;
}

function recorder() {
  const envelopes: Envelope[] = [];
  const rolesChanged: [string, string | undefined][] = [];
  const gone: [string, string][] = [];
  const hooks: AdapterHooks = {
    rolesChanged: (chatId, userId) => void rolesChanged.push([chatId, userId]),
    chatGone: async (chatId, reason) => void gone.push([chatId, reason]),
  };
  return { envelopes, rolesChanged, gone, hooks, sink: async (e: Envelope) => void envelopes.push(e) };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('long polling', () => {
  it('hands each update to the sink and confirms it afterwards', async () => {
    const s = await standin();
    const a = adapterFor(s);
    const r = recorder();
    await a.start(r.sink, r.hooks);
    expect(s.webhook).toBeUndefined();
    await s.userMessage({ chat: GROUP, from: ALICE, text: '/help@QuartierBot faq' });
    await until(() => r.envelopes.length === 1);
    expect(r.envelopes[0]).toMatchObject({ kind: 'message', text: '/help faq', addressedToBot: true, chat: { id: `telegram:${GROUP.id}` } });
    expect(a.health?.()).toEqual({ ok: true });
    await a.stop();
    expect(s.pendingUpdates).toEqual([]);
  });

  it('a crash between receiving and processing loses nothing: a failed sink leaves the update unconfirmed', async () => {
    const s = await standin();
    const first = adapterFor(s);
    let attempts = 0;
    await first.start(async () => {
      attempts++;
      throw new Error('redis is down');
    }, recorder().hooks);
    const { update } = await s.userMessage({ chat: GROUP, from: ALICE, text: 'lost?' });
    await until(() => attempts >= 1);
    expect(first.health?.().ok).toBe(false);
    await first.stop();
    expect(s.pendingUpdates.map((u) => u.update_id)).toEqual([update.update_id]);

    const second = adapterFor(s);
    const r = recorder();
    await second.start(r.sink, r.hooks);
    await until(() => r.envelopes.length === 1);
    expect(r.envelopes[0]!.id).toBe(`telegram:u${update.update_id}`);
    expect(r.envelopes[0]!.text).toBe('lost?');
    await second.stop();
    expect(s.pendingUpdates).toEqual([]);
  });

  it('hands every update of one getUpdates over at once, and confirms only those stored, up to the first that is not', async () => {
    const s = await standin();
    const updates: Update[] = [];
    for (let i = 0; i < 5; i++) updates.push((await s.userMessage({ chat: GROUP, from: ALICE, text: `m${i}` })).update);
    const a = adapterFor(s);
    const held: { envelope: Envelope; resolve: () => void; reject: (error: Error) => void }[] = [];
    await a.start((envelope) => new Promise<void>((resolve, reject) => void held.push({ envelope, resolve, reject })), recorder().hooks);
    // All five reach the sink while none of them is stored yet: the adapter does not wait for one before the next.
    await until(() => held.length === 5);
    expect(held.map((h) => h.envelope.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    held[0]!.resolve();
    held[1]!.resolve();
    held[2]!.reject(new Error('redis is down'));
    held[3]!.resolve();
    held[4]!.resolve();
    await until(() => a.health?.().ok === false);
    await a.stop();
    expect(s.pendingUpdates.map((u) => u.update_id)).toEqual(updates.slice(2).map((u) => u.update_id));
  });

  it('answers a button press after the sink, and turns member changes into hooks', async () => {
    const s = await standin();
    const a = adapterFor(s);
    const r = recorder();
    await a.start(r.sink, r.hooks);
    const sent = await a.send({ id: 'o', target: `telegram:${GROUP.id}`, action: 'send', text: 'Sure?', buttons: [{ label: 'Yes', data: 'yes' }] });
    const messageId = Number(sent.messageIds[0]!.split('/')[1]);
    await s.pressButton({ chatId: GROUP.id, from: BOB, messageId, data: 'yes' });
    await until(() => s.answeredCallbacks.length === 1);
    expect(r.envelopes[0]).toMatchObject({ kind: 'button', buttonData: 'yes', sender: { id: 'telegram:43' } });

    const bot = { id: s.bot.id, is_bot: true, first_name: 'Quartier', username: 'QuartierBot' };
    const base = { chat: { id: GROUP.id, type: 'supergroup', title: GROUP.title }, from: ALICE, date: 1 };
    await s.pushUpdate({ chat_member: { ...base, old_chat_member: { status: 'member', user: BOB }, new_chat_member: { status: 'administrator', user: BOB } } } as never);
    await s.pushUpdate({ my_chat_member: { ...base, old_chat_member: { status: 'member', user: bot }, new_chat_member: { status: 'kicked', user: bot, until_date: 0 } } } as never);
    await until(() => r.gone.length === 1);
    expect(r.rolesChanged).toEqual([[`telegram:${GROUP.id}`, 'telegram:43']]);
    expect(r.gone).toEqual([[`telegram:${GROUP.id}`, 'bot kicked']]);
  });

  it('malformed and hostile updates never crash it and never cause a rejected request', async () => {
    const s = await standin();
    const a = adapterFor(s);
    const r = recorder();
    await a.start(r.sink, r.hooks);
    const junk: unknown[] = [
      {},
      { message: null },
      { message: { message_id: 'x', chat: 'nope' } },
      { message: { message_id: 1, date: 1, chat: { id: GROUP.id, type: 'supergroup' }, from: { id: 'bad' }, text: 5 } },
      { edited_message: { message_id: 1, chat: { id: GROUP.id, type: 'supergroup' }, text: 'no date' } },
      { callback_query: { id: 'zz', from: ALICE, data: 'x' } },
      { chat_member: { chat: {} } },
      { my_chat_member: 42 },
      { poll: { id: '1' } },
      { message: { message_id: 2, date: 1, chat: { id: GROUP.id, type: 'supergroup' }, from: ALICE, text: 'x'.repeat(200_000), entities: [{ type: 'mention', offset: -3, length: 1e9 }] } },
      { message: { message_id: 3, date: 1, chat: { id: GROUP.id, type: 'supergroup' }, from: ALICE, text: '\uD800\u202E\u200B/cmd@QuartierBot' } },
    ];
    for (const update of junk) await s.pushUpdate(update as Omit<Update, 'update_id'>);
    await s.userMessage({ chat: GROUP, from: ALICE, text: 'still alive' });
    await until(() => r.envelopes.some((e) => e.text === 'still alive'));
    expect(r.envelopes.map((e) => e.text.length)).toEqual([200_000, '\uD800\u202E\u200B/cmd@QuartierBot'.length, 'still alive'.length]);
    expect(s.requests.filter((q) => q.status >= 400)).toEqual([]);
    expect(a.health?.()).toEqual({ ok: true });
  });
});

describe('webhook mode', () => {
  async function webhookSetup(sink: (e: Envelope) => Promise<void>) {
    const s = await standin();
    const holder: { adapter?: TelegramAdapter } = {};
    const server = http.createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/telegram/webhook') void holder.adapter!.handleWebhook(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
    const adapter = adapterFor(s, { webhook: { url, secret: 'S3cret_token-1' } });
    holder.adapter = adapter;
    await adapter.start(sink, recorder().hooks);
    return { s, url, adapter };
  }

  it('sets the webhook with its secret, rejects a wrong secret (401) and accepts the right one', async () => {
    const r = recorder();
    const { s, url } = await webhookSetup(r.sink);
    expect(s.webhook).toMatchObject({ url, secret: 'S3cret_token-1' });
    expect(s.webhook?.allowedUpdates).toContain('chat_member');

    const body = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: GROUP.id, type: 'supergroup' }, from: ALICE, text: 'forged' } });
    const badHeaders: Record<string, string>[] = [{ 'x-telegram-bot-api-secret-token': 'wrong' }, {}];
    for (const headers of badHeaders) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(res.status).toBe(401);
    }
    const { webhookStatus } = await s.userMessage({ chat: GROUP, from: ALICE, text: 'real' });
    expect(webhookStatus).toBe(200);
    expect(r.envelopes.map((e) => e.text)).toEqual(['real']);
  });

  it('answers 200 only once the sink resolved, 500 when it failed', async () => {
    let fail = true;
    const { s } = await webhookSetup(async () => {
      if (fail) throw new Error('redis is down');
    });
    expect((await s.userMessage({ chat: GROUP, from: ALICE, text: 'one' })).webhookStatus).toBe(500);
    fail = false;
    expect((await s.userMessage({ chat: GROUP, from: ALICE, text: 'two' })).webhookStatus).toBe(200);
    // Malformed bodies are acknowledged-or-refused, never a crash.
    expect((await s.pushUpdate({ message: { chat: 3 } } as never)).webhookStatus).toBe(200);
  });
});

describe('roles', () => {
  it('creator or can_change_info administrator → admin, other administrator → moderator, else member', async () => {
    const s = await standin();
    const a = adapterFor(s);
    const users = [1, 2, 3, 4].map((id) => ({ id, is_bot: false, first_name: `U${id}` }));
    s.setMember(GROUP.id, users[0]!, 'creator');
    s.setMember(GROUP.id, users[1]!, 'administrator', { can_change_info: true });
    s.setMember(GROUP.id, users[2]!, 'administrator', { can_delete_messages: true });
    s.setMember(GROUP.id, users[3]!, 'member');
    const chat = `telegram:${GROUP.id}`;
    const roles = await Promise.all([1, 2, 3, 4, 99].map((id) => a.roles.roleOf(chat, `telegram:${id}`)));
    expect(roles).toEqual(['admin', 'admin', 'moderator', 'member', 'member']);
    // An anonymous admin speaks as the group itself.
    expect(await a.roles.roleOf(chat, chat)).toBe('admin');
    // Asked live each time: a demotion shows at once.
    s.setMember(GROUP.id, users[1]!, 'member');
    expect(await a.roles.roleOf(chat, 'telegram:2')).toBe('member');
  });
});

describe('command menu', () => {
  it('sets members’ commands by default and all of them for administrators, per language', async () => {
    const s = await standin();
    const a = adapterFor(s);
    const entry = (name: string, role: 'member' | 'moderator' | 'admin', en: string, fr?: string) => ({
      name,
      role,
      descriptions: { en, ...(fr ? { fr } : {}) },
      args: [],
      subcommands: [],
    });
    await a.registerCommands!([
      entry('help', 'member', 'What I can do', 'Ce que je sais faire'),
      entry('setrules', 'admin', 'Set the rules', 'Fixer les règles'),
      entry('alert', 'moderator', 'x'.repeat(300)),
      entry('Bad-Name', 'member', 'skipped'),
    ]);
    expect(s.commands.get('{"type":"default"}|')).toEqual([{ command: 'help', description: 'What I can do' }]);
    expect(s.commands.get('{"type":"all_chat_administrators"}|')!.map((c) => c.command)).toEqual(['help', 'setrules', 'alert']);
    expect(s.commands.get('{"type":"all_chat_administrators"}|')![2]!.description).toHaveLength(256);
    expect(s.commands.get('{"type":"default"}|fr')).toEqual([{ command: 'help', description: 'Ce que je sais faire' }]);
    expect(s.commands.get('{"type":"all_chat_administrators"}|fr')!.map((c) => c.description)[2]).toMatch(/^x+…$/);
    expect(s.requests.filter((q) => q.status >= 400)).toEqual([]);
  });
});
