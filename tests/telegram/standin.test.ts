// The stand-in must reject what the real Bot API rejects, or the adapter tests prove nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Api, GrammyError } from 'grammy';
import { TelegramStandin } from './standin/server.js';

const GROUP = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };

let standin: TelegramStandin;
let api: Api;

beforeEach(async () => {
  standin = await TelegramStandin.start({ groupLimit: 3, groupWindowMs: 60_000 });
  standin.addChat(GROUP);
  api = new Api(standin.token, { apiRoot: standin.apiRoot });
});
afterEach(async () => {
  await standin.close();
});

async function rawCall(path: string, body: unknown): Promise<{ status: number; json: { ok: boolean; error_code?: number; description?: string } }> {
  const res = await fetch(`${standin.apiRoot}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean } };
}

async function errorOf(p: Promise<unknown>): Promise<GrammyError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe('Telegram stand-in', () => {
  it('answers getMe, and 401 for a wrong token, 404 for an unknown method', async () => {
    expect((await api.getMe()).username).toBe('QuartierBot');
    expect((await rawCall('/bot1:wrong/getMe', {})).status).toBe(401);
    const unknown = await rawCall(`/bot${standin.token}/sendTelepathy`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ ok: false, error_code: 404 });
  });

  it('rejects missing or mistyped required fields per the specification', async () => {
    const missing = await rawCall(`/bot${standin.token}/sendMessage`, { text: 'hi' });
    expect(missing.status).toBe(400);
    expect(missing.json.description).toMatch(/chat_id/);
    const mistyped = await rawCall(`/bot${standin.token}/sendMessage`, { chat_id: GROUP.id, text: 'hi', reply_parameters: { message_id: 'x' } });
    expect(mistyped.status).toBe(400);
    const form = await fetch(`${standin.apiRoot}/bot${standin.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: String(GROUP.id), text: 'from a form' }),
    });
    expect(form.status).toBe(200);
  });

  it('rejects empty and too long texts, entities out of range and invalid keyboards', async () => {
    expect((await errorOf(api.sendMessage(GROUP.id, '   '))).description).toMatch(/empty/);
    expect((await errorOf(api.sendMessage(GROUP.id, 'x'.repeat(4097)))).description).toMatch(/too long/);
    await api.sendMessage(GROUP.id, 'x'.repeat(4096));
    expect((await errorOf(api.sendMessage(GROUP.id, 'abc', { entities: [{ type: 'bold', offset: 2, length: 5 }] }))).description).toMatch(/entities/);
    const noAction = api.sendMessage(GROUP.id, 'abc', { reply_markup: { inline_keyboard: [[{ text: 'x' } as never]] } });
    expect((await errorOf(noAction)).error_code).toBe(400);
    const longData = api.sendMessage(GROUP.id, 'abc', { reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'd'.repeat(65) }]] } });
    expect((await errorOf(longData)).description).toMatch(/BUTTON_DATA_INVALID/);
    expect((await errorOf(api.sendMessage(GROUP.id, '\uD800 lone'))).description).toMatch(/UTF-8/);
  });

  it('limits sends per group with 429 and retry_after', async () => {
    for (let i = 0; i < 3; i++) await api.sendMessage(GROUP.id, `m${i}`);
    const err = await errorOf(api.sendMessage(GROUP.id, 'one too many'));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBeGreaterThanOrEqual(1);
    expect(standin.rateLimited).toHaveLength(1);
  });

  it('answers 403 once the bot is kicked and 400 for an unknown chat', async () => {
    standin.kickBot(GROUP.id);
    expect((await errorOf(api.sendMessage(GROUP.id, 'hello'))).error_code).toBe(403);
    expect((await errorOf(api.sendMessage(-1, 'hello'))).description).toMatch(/chat not found/);
  });

  it('serves updates by long polling and drops confirmed ones', async () => {
    const poll = api.getUpdates({ timeout: 5 });
    const { update } = await standin.userMessage({ chat: GROUP, from: ALICE, text: '/help' });
    const first = await poll;
    expect(first.map((u) => u.update_id)).toEqual([update.update_id]);
    expect(first[0]!.message?.entities?.[0]).toMatchObject({ type: 'bot_command', offset: 0, length: 5 });
    expect(await api.getUpdates({ offset: update.update_id, timeout: 0 })).toHaveLength(1);
    expect(await api.getUpdates({ offset: update.update_id + 1, timeout: 0 })).toHaveLength(0);
  });

  it('refuses getUpdates while a webhook is set, and validates the secret token', async () => {
    expect((await errorOf(api.setWebhook('http://127.0.0.1:1/hook', { secret_token: 'bad secret!' }))).error_code).toBe(400);
    await api.setWebhook('http://127.0.0.1:1/hook', { secret_token: 'good_secret-1' });
    expect((await errorOf(api.getUpdates({ timeout: 0 }))).error_code).toBe(409);
  });

  it('reports getChatMember statuses and edits and deletes only existing messages', async () => {
    standin.setMember(GROUP.id, ALICE, 'administrator', { can_change_info: true });
    const member = await api.getChatMember(GROUP.id, ALICE.id);
    expect(member).toMatchObject({ status: 'administrator', can_change_info: true });
    const sent = await api.sendMessage(GROUP.id, 'hello');
    await api.editMessageText(GROUP.id, sent.message_id, 'hello again');
    expect((await errorOf(api.editMessageText(GROUP.id, sent.message_id, 'hello again'))).description).toMatch(/not modified/);
    await api.deleteMessage(GROUP.id, sent.message_id);
    expect((await errorOf(api.deleteMessage(GROUP.id, sent.message_id))).description).toMatch(/not found/);
  });
});
