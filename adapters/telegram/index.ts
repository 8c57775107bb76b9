// The Telegram adapter: receives updates by long polling (or a webhook when one is configured), hands each one to
// the sink and only then lets Telegram forget it; sends through send.ts, fetches files through files.ts. Built on
// grammY's Bot API client.
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Api, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type pino from 'pino';
import type { AdapterHooks, CommandMenuEntry, InboundSink, PacingPolicy, PlatformAdapter } from '../../src/core/adapter.js';
import type { Attachment } from '../../src/core/envelope.js';
import type { DeliveryResult, OutboundMessage, Upload } from '../../src/core/outbound.js';
import { downloadTelegramFile, telegramUploadLimit } from './files.js';
import { normalizeUpdate, type BotIdentity } from './normalize.js';
import { createTelegramRoles } from './roles.js';
import { sendOutbound } from './send.js';
import { registerTelegramCommands } from './commands.js';

/**
 * 20 messages a minute per group and about 30 a second overall, each with a margin: 35 ms apart is 28.6 a second,
 * which leaves room for the jitter between the moment a send is scheduled and the moment it reaches Telegram and for
 * an 8 ms catch-up after a late send (at 34 ms apart, a busy fan-out met a 429 now and then).
 */
export const TELEGRAM_PACING: PacingPolicy = { perChatIntervalMs: 3100, globalIntervalMs: 35, catchUpMs: 8 };

/** chat_member must be asked for explicitly; Telegram leaves it out by default. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member'] as const;

const MAX_WEBHOOK_BODY = 1024 * 1024;

export interface TelegramAdapterOptions {
  token: string;
  /** A self-hosted Bot API server or a test stand-in; default the public Bot API. No trailing slash. */
  apiRoot?: string;
  webhook?: { url: string; secret: string };
  logger: pino.Logger;
  pacing?: Partial<PacingPolicy>;
  /** Long-poll timeout in seconds (Telegram holds getUpdates this long when there is nothing new). */
  pollTimeoutSeconds?: number;
  /** How long to wait before polling again after a failed poll or a failed sink. */
  pollRetryMs?: number;
}

export type TelegramAdapter = PlatformAdapter & {
  /** Route `POST /telegram/webhook` here. Answers 200 only once the update is durable. */
  handleWebhook(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
};

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const api = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
  const log = options.logger.child({ platform: 'telegram' });
  const pollTimeout = options.pollTimeoutSeconds ?? 30;
  const pollRetryMs = options.pollRetryMs ?? 3000;

  let me: BotIdentity | undefined;
  let sink: InboundSink | undefined;
  let hooks: AdapterHooks | undefined;
  let polling = false;
  let pollAbort: AbortController | undefined;
  let pollLoop: Promise<void> | undefined;
  /** The next update_id to ask for; everything below it has been handed to the sink. 0: ask Telegram. */
  let offset = 0;
  let problem: string | undefined;
  let started = false;

  /** Normalises and hands over one update. Throws only when the sink (or chatGone) fails: the update must come again. */
  /** Who the bot is: known once start() ran; a worker process, which never runs it, asks Telegram the first time. */
  async function identity(): Promise<BotIdentity> {
    if (!me) {
      const bot = await api.getMe();
      me = { id: bot.id, username: bot.username };
    }
    return me;
  }

  async function processUpdate(update: Update): Promise<void> {
    let result;
    try {
      result = normalizeUpdate(update, me!, Date.now());
    } catch (err) {
      // A malformed update must not block the ones after it.
      log.warn({ err, updateId: update?.update_id }, 'skipping an update that could not be normalised');
      return;
    }
    if (!result) return;
    if (result.type === 'rolesChanged') {
      hooks!.rolesChanged(result.chatId, result.userId);
      await Promise.all((result.envelopes ?? []).map((envelope) => sink!(envelope)));
      return;
    }
    if (result.type === 'chatGone') {
      await hooks!.chatGone(result.chatId, result.reason);
      return;
    }
    // Handed over together (the sink takes them in call order): they reach Redis in one add.
    await Promise.all(result.envelopes.map((envelope) => sink!(envelope)));
    const query = update.callback_query;
    if (query) {
      // Stops the spinner on the user's button; the answer itself comes as a message through the outbox.
      await api.answerCallbackQuery(query.id).catch((err: unknown) => log.warn({ err }, 'answerCallbackQuery failed'));
    }
  }

  async function runPolling(signal: AbortSignal): Promise<void> {
    while (polling) {
      let updates: Update[];
      try {
        updates = await api.getUpdates(
          { offset: offset || undefined, timeout: pollTimeout, allowed_updates: [...ALLOWED_UPDATES] },
          // grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it uses at runtime.
          signal as Parameters<Api['getUpdates']>[1],
        );
        problem = undefined;
      } catch (err) {
        if (!polling) break;
        problem = err instanceof Error ? err.message : String(err);
        if (err instanceof GrammyError && err.error_code === 401) {
          log.error({ err }, 'Telegram rejected the bot token; polling stopped');
          break;
        }
        log.warn({ err }, 'getUpdates failed; polling again shortly');
        await pause(pollRetryMs, signal);
        continue;
      }
      // Every update of the batch is handed over at once, so they reach the inbound queue together (one add per
      // partition) instead of one awaited add after another; the offset then moves past each one that is stored, in
      // order, and stops at the first that is not (those after it come again, and the pipeline drops repeats).
      const handedOver = updates.map((update) => processUpdate(update).then(() => undefined, (err: unknown) => ({ err })));
      for (const [i, update] of updates.entries()) {
        if (!polling) break;
        const failed = await handedOver[i]!;
        if (failed) {
          // Not durable: keep the offset so Telegram serves this update again.
          problem = 'inbound hand-off failing';
          log.error({ err: failed.err, updateId: update.update_id }, 'could not hand an update over; it will be fetched again');
          await pause(pollRetryMs, signal);
          break;
        }
        offset = update.update_id + 1;
      }
    }
  }

  async function handleWebhook(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reply = (status: number, body = ''): void => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    };
    if (!options.webhook) return reply(404, 'webhook not configured');
    if (req.method !== 'POST') return reply(405);
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], options.webhook.secret)) {
      req.resume();
      return reply(401, 'unauthorized');
    }
    if (!started || !me) {
      req.resume();
      return reply(503, 'not started'); // Telegram retries later
    }
    let update: Update;
    try {
      update = JSON.parse(await readBody(req, MAX_WEBHOOK_BODY)) as Update;
    } catch (err) {
      log.warn({ err }, 'unreadable webhook body');
      return reply(err instanceof BodyTooLarge ? 413 : 400);
    }
    try {
      await processUpdate(update);
    } catch (err) {
      log.error({ err, updateId: update?.update_id }, 'could not hand a webhook update over; Telegram will resend it');
      return reply(500);
    }
    reply(200);
  }

  const pacing: PacingPolicy = { ...TELEGRAM_PACING, ...options.pacing };

  return {
    platform: 'telegram',
    roles: createTelegramRoles(api, async () => (await identity()).id),
    pacing,
    handleWebhook,

    async start(inbound: InboundSink, adapterHooks: AdapterHooks): Promise<void> {
      sink = inbound;
      hooks = adapterHooks;
      const bot = await api.getMe();
      me = { id: bot.id, username: bot.username };
      if (options.webhook) {
        await api.setWebhook(options.webhook.url, {
          secret_token: options.webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        started = true;
        log.info({ username: bot.username }, 'Telegram webhook set');
        return;
      }
      await api.deleteWebhook();
      started = true;
      polling = true;
      pollAbort = new AbortController();
      pollLoop = runPolling(pollAbort.signal).catch((err: unknown) => {
        problem = err instanceof Error ? err.message : String(err);
        log.error({ err }, 'Telegram polling stopped');
      });
      log.info({ username: bot.username }, 'Telegram long polling started');
    },

    async stop(): Promise<void> {
      started = false;
      if (!polling) return;
      polling = false;
      pollAbort?.abort();
      await pollLoop;
      // Confirm what was handed over, so a restart does not fetch it again (a restart would only dedupe it).
      if (offset > 0) {
        await api.getUpdates({ offset, limit: 1, timeout: 0 }).catch((err: unknown) => log.warn({ err }, 'could not confirm the last updates'));
      }
    },

    async send(message: OutboundMessage): Promise<DeliveryResult> {
      // A worker process never ran start(): it asks Telegram who the bot is the first time a deep link needs it.
      return sendOutbound(api, message, async () => (await identity()).username);
    },

    uploadLimit(kind: Attachment['kind']): number {
      return telegramUploadLimit(kind);
    },

    async download(file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>, maxBytes: number): Promise<Upload> {
      return downloadTelegramFile(api, { apiRoot: options.apiRoot ?? 'https://api.telegram.org', token: options.token }, file, maxBytes);
    },

    async registerCommands(entries: CommandMenuEntry[]): Promise<void> {
      await registerTelegramCommands(api, entries);
    },

    health() {
      if (!started) return { ok: false, detail: 'not started' };
      return problem ? { ok: false, detail: problem } : { ok: true };
    },
  };
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`webhook body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits, unless polling is being stopped. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
