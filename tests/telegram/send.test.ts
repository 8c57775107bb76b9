// send() through the real grammY client against the stand-in.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pino from 'pino';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/index.js';
import { DeliveryError, type OutboundMessage } from '../../src/core/outbound.js';
import { TelegramStandin, type StandinOptions } from './standin/server.js';
import { deliveryError } from '../helpers/delivery-error.js';

const GROUP = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const FORUM = { id: -100400500, type: 'supergroup' as const, title: 'Quartier Nord', is_forum: true, topics: [7] };
const ALICE = { id: 42, is_bot: false, first_name: 'Alice' };
const T = (id: number | string) => `telegram:${id}`;
const logger = pino({ level: 'silent' });

let standin: TelegramStandin;
let adapter: TelegramAdapter;

function out(partial: Partial<OutboundMessage>): OutboundMessage {
  return { id: 'o1', target: T(GROUP.id), action: 'send', text: 'hello', ...partial };
}

function rejected() {
  return standin.requests.filter((r) => r.status >= 400 && r.status !== 429);
}

async function setup(options: StandinOptions = {}, pacing = {}) {
  standin = await TelegramStandin.start(options);
  standin.addChat(GROUP);
  standin.addChat(FORUM);
  adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger, pacing });
}

afterEach(async () => {
  await standin.close();
});

describe('send: formatting and shape', () => {
  beforeEach(() => setup());

  it('sends entities, never parse_mode: format, real mentions and the identity prefix', async () => {
    const result = await adapter.send(
      out({
        text: '*not bold* see rules, Alice',
        format: [{ type: 'italic', offset: 11, length: 9 }, { type: 'link', offset: 15, length: 5, url: 'https://example.org/rules' }],
        mentions: [{ userId: T(ALICE.id), offset: 22, length: 5 }],
        identity: { name: 'Bob' },
      }),
    );
    expect(result.messageIds).toEqual([`telegram:${GROUP.id}/1`]);
    const sent = standin.sent[0]!;
    expect(sent.text).toBe('Bob: *not bold* see rules, Alice');
    expect(sent.params.parse_mode).toBeUndefined();
    expect(sent.params.entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 16, length: 9 },
      { type: 'text_link', offset: 20, length: 5, url: 'https://example.org/rules' },
      { type: 'text_mention', offset: 27, length: 5, user: { id: 42, is_bot: false, first_name: 'Alice' } },
    ]);
  });

  it('replies with allow_sending_without_reply, in the forum topic, with buttons', async () => {
    const { message } = await standin.userMessage({ chat: FORUM, from: ALICE, text: '/need a ladder', threadId: 7 });
    await adapter.send(
      out({
        target: T(FORUM.id),
        text: 'Posted as #12',
        replyTo: `telegram:${FORUM.id}/${message.message_id}`,
        threadId: '7',
        buttons: [{ label: 'Offer', data: 'offer:12' }, { label: 'Cancel', data: 'cancel:12' }],
      }),
    );
    const params = standin.sent[0]!.params;
    expect(params.reply_parameters).toEqual({ message_id: message.message_id, allow_sending_without_reply: true });
    expect(params.message_thread_id).toBe(7);
    expect(params.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Offer', callback_data: 'offer:12' }, { text: 'Cancel', callback_data: 'cancel:12' }]],
    });
    // A reply to a message since deleted still goes out.
    await adapter.send(out({ text: 'late answer', replyTo: `telegram:${GROUP.id}/999` }));
    expect(rejected()).toEqual([]);
  });

  it('a 10,000-character reply arrives as several valid messages, the first one replying', async () => {
    const { message } = await standin.userMessage({ chat: GROUP, from: ALICE, text: '/rules' });
    const line = 'Respectez vos voisins et gardez les échanges courtois. 😀\n';
    const text = line.repeat(Math.ceil(10_000 / line.length)).slice(0, 10_000);
    const result = await adapter.send(
      out({ text, replyTo: `telegram:${GROUP.id}/${message.message_id}`, format: [{ type: 'bold', offset: 0, length: 10_000 }], buttons: [{ label: 'OK', data: 'ok' }] }),
    );
    expect(result.messageIds.length).toBe(standin.sent.length);
    expect(standin.sent.length).toBeGreaterThanOrEqual(3);
    for (const [i, s] of standin.sent.entries()) {
      expect(s.text.length).toBeLessThanOrEqual(4096);
      expect(s.params.entities).toEqual([{ type: 'bold', offset: 0, length: s.text.length }]);
      expect(s.params.reply_parameters !== undefined).toBe(i === 0);
      expect(s.params.reply_markup !== undefined).toBe(i === standin.sent.length - 1);
    }
    expect(standin.sent.map((s) => s.text).join('\n').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
    expect(rejected()).toEqual([]);
  });

  it('edits in place, adding and deleting parts as the length changes; a repeated edit is not an error', async () => {
    const first = await adapter.send(out({ text: 'x '.repeat(3000) }));
    expect(first.messageIds).toHaveLength(2);
    const shorter = await adapter.send(out({ action: 'edit', text: 'short now', editOf: first.messageIds }));
    expect(shorter.messageIds).toEqual([first.messageIds[0]]);
    expect(standin.deletions).toEqual([{ chatId: GROUP.id, messageId: 2 }]);
    expect(standin.messageText(GROUP.id, 1)).toBe('short now');
    const again = await adapter.send(out({ action: 'edit', text: 'short now', editOf: shorter.messageIds }));
    expect(again.messageIds).toEqual(shorter.messageIds);
    const longer = await adapter.send(out({ action: 'edit', text: 'y '.repeat(3000), editOf: shorter.messageIds }));
    expect(longer.messageIds).toEqual([first.messageIds[0], `telegram:${GROUP.id}/3`]);
  });

  it('deletes every part, and deleting again is fine', async () => {
    const sent = await adapter.send(out({ text: 'z '.repeat(3000) }));
    await adapter.send(out({ action: 'delete', text: '', editOf: sent.messageIds }));
    await adapter.send(out({ action: 'delete', text: '', editOf: sent.messageIds }));
    expect(standin.deletions).toHaveLength(2);
    expect(standin.messageText(GROUP.id, 1)).toBeUndefined();
  });

  it('refuses what cannot be sent without calling Telegram', async () => {
    expect((await deliveryError(adapter.send(out({ text: '  \n ' })))).kind).toBe('permanent');
    expect((await deliveryError(adapter.send(out({ buttons: [{ label: 'x', data: 'd'.repeat(65) }] })))).kind).toBe('permanent');
    expect(standin.requests).toEqual([]);
  });
});

describe('send: error mapping', () => {
  it('429 → rate-limited with retryAfterMs from retry_after', async () => {
    await setup({ groupLimit: 2 });
    await adapter.send(out({}));
    await adapter.send(out({}));
    const err = await deliveryError(adapter.send(out({})));
    expect(err.kind).toBe('rate-limited');
    expect(err.details.retryAfterMs).toBe(standin.rateLimited[0]!.retryAfter * 1000);
  });

  it('403 kicked and 400 chat not found → permanent, chatGone; other 400 → permanent', async () => {
    await setup();
    standin.kickBot(GROUP.id);
    expect(await deliveryError(adapter.send(out({})))).toMatchObject({ kind: 'permanent', details: { chatGone: true } });
    expect(await deliveryError(adapter.send(out({ target: T(-999) })))).toMatchObject({ kind: 'permanent', details: { chatGone: true } });
    const edit = await deliveryError(adapter.send(out({ target: T(FORUM.id), action: 'edit', editOf: [`telegram:${FORUM.id}/77`] })));
    expect(edit.kind).toBe('permanent');
    expect(edit.details.chatGone).toBeUndefined();
  });

  it('network errors and 5xx → transient', async () => {
    await setup();
    const down = await TelegramStandin.start();
    const root = down.apiRoot;
    await down.close();
    const offline = createTelegramAdapter({ token: standin.token, apiRoot: root, logger });
    expect((await deliveryError(offline.send(out({})))).kind).toBe('transient');

    const broken = http.createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 502, description: 'Bad Gateway' }));
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const gateway = createTelegramAdapter({ token: standin.token, apiRoot: `http://127.0.0.1:${(broken.address() as AddressInfo).port}`, logger });
    expect((await deliveryError(gateway.send(out({})))).kind).toBe('transient');
    broken.closeAllConnections();
    await new Promise((r) => broken.close(r));
  });
});

describe('send: pacing', () => {
  it('a burst of 50 replies to one group paced by adapter.pacing arrives in order with no 429 (limits scaled 1/100)', async () => {
    // Real: 20 per 60 s per group and 30 per second; here 20 per 600 ms and 30 per 10 ms, with the pacing scaled alike.
    await setup({ groupLimit: 20, groupWindowMs: 600, globalLimit: 30, globalWindowMs: 10 }, { perChatIntervalMs: 31, globalIntervalMs: 1 });
    expect(adapter.pacing).toEqual({ perChatIntervalMs: 31, globalIntervalMs: 1, catchUpMs: 8 });
    // Stand-in for the delivery layer's per-chat schedule: one send per perChatIntervalMs, counted from the time the
    // previous one reached Telegram (the time its window counts; a loaded machine can deliver a request late) and
    // waited for on the clock (a timer may fire a millisecond early).
    for (let i = 0; i < 50; i++) {
      const next = i === 0 ? 0 : standin.sent.at(-1)!.at + adapter.pacing.perChatIntervalMs;
      for (let wait = next - Date.now(); wait > 0; wait = next - Date.now()) await new Promise((r) => setTimeout(r, wait));
      await adapter.send(out({ id: `burst${i}`, text: `reply ${i}` }));
    }
    expect(standin.rateLimited).toEqual([]);
    expect(standin.sent.map((s) => s.text)).toEqual(Array.from({ length: 50 }, (_, i) => `reply ${i}`));
  });

  it('defaults to Telegram pacing', async () => {
    await setup();
    expect(adapter.pacing).toEqual({ perChatIntervalMs: 3100, globalIntervalMs: 35, catchUpMs: 8 });
  });
});

describe('send: hostile outbound content never produces a request Telegram rejects', () => {
  beforeEach(() => setup({ groupLimit: 10_000, globalLimit: 10_000 }));

  it('property', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
      fc.constantFrom('\u202Eevil', 'a\u200Bb', '\uD800', '@everyone', '<b>x</b>', '*_[x](y)_*', 'x'.repeat(5000)),
    );
    const span = fc.record({ type: fc.constantFrom('bold', 'italic', 'code', 'pre', 'link', 'strike' as const), offset: fc.integer({ min: -5, max: 70 }), length: fc.integer({ min: -2, max: 70 }), url: fc.option(fc.constantFrom('https://ok.example', 'javascript:alert(1)', ''), { nil: undefined }) });
    const message = fc.record({
      text,
      format: fc.array(span, { maxLength: 4 }),
      mentions: fc.array(fc.record({ userId: fc.constantFrom('telegram:42', 'discord:42', 'telegram:abc'), offset: fc.integer({ min: -1, max: 70 }), length: fc.integer({ min: 0, max: 70 }) }), { maxLength: 3 }),
      identity: fc.option(fc.record({ name: fc.string({ unit: 'binary', maxLength: 20 }) }), { nil: undefined }),
      buttons: fc.option(fc.array(fc.record({ label: fc.string({ maxLength: 20 }), data: fc.string({ minLength: 1, maxLength: 20 }) }), { maxLength: 4 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        try {
          await adapter.send(out(m as Partial<OutboundMessage>));
        } catch (err) {
          // Refusing locally (empty text) is fine; a request Telegram rejects is not.
          expect(err).toBeInstanceOf(DeliveryError);
        }
        expect(rejected()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
