// Tokens never reach a log. Each platform's API is made unreachable or failing under the real client (grammY,
// discord.js) and the real logger writes to a stream this test reads: no token, no webhook or interaction token and no
// message text appears in what was written.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createTelegramAdapter } from '../../adapters/telegram/index.js';
import type { AdapterHooks } from '../../src/core/adapter.js';
import { qualify, type Envelope } from '../../src/core/envelope.js';
import { createLogger, redactSecrets, secretsOfSettings, serializeError } from '../../src/logger.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { TelegramStandin } from '../telegram/standin/server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

/** The production logger, writing to memory. */
function capturedLogger(secrets: string[] = []) {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  const log = createLogger('debug', { destination, secrets });
  return { log, text: () => lines.join(''), lines };
}

async function until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const hooks: AdapterHooks = { rolesChanged: () => {}, chatGone: async () => {} };
const GROUP = { id: -100777, type: 'supergroup' as const, title: 'Rue des Lilas' };
const SECRET_TEXT = 'my door code is 4711 SECRET-TEXT';

describe('Telegram: the bot token stays out of the logs', () => {
  it('when getUpdates reaches a closed port (the fetch error holds the URL with the token)', async () => {
    const standin = await TelegramStandin.start({ maxPollMs: 200 });
    standin.addChat(GROUP);
    const captured = capturedLogger();
    const adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger: captured.log, pollRetryMs: 20, pollTimeoutSeconds: 1 });
    cleanups.push(() => adapter.stop());
    await adapter.start(async () => {}, hooks);
    await standin.close();
    await until(() => captured.text().includes('getUpdates failed'));
    await adapter.stop();
    const text = captured.text();
    // What the log keeps: the failing method and the network error, with the path redacted.
    expect(text).toContain('getUpdates');
    expect(text).toContain('/bot[redacted]');
    expect(text).not.toContain(standin.token);
    expect(text).not.toContain(standin.token.split(':')[1]);
  });

  it('when sends answer 500 and the bot keeps retrying, with the token registered from the settings', async () => {
    const standin = await TelegramStandin.start({ groupLimit: 100_000, globalLimit: 100_000 });
    cleanups.push(() => standin.close());
    standin.addChat(GROUP);
    const captured = capturedLogger(secretsOfSettings({ TELEGRAM_BOT_TOKEN: standin.token, REDIS_URL: 'redis://:hunter2-redis@127.0.0.1:1' }));
    const adapter = createTelegramAdapter({
      token: standin.token,
      apiRoot: standin.apiRoot,
      logger: captured.log,
      pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 },
      pollRetryMs: 20,
      pollTimeoutSeconds: 1,
    });
    const bot: TestBot = await startTestApp({ adapters: [adapter], noConsole: true, log: captured.log });
    cleanups.push(() => bot.stop());
    standin.fail({ status: 500 });
    await bot.app.outbox.enqueue({ id: 'secret-1', target: qualify('telegram', String(GROUP.id)), action: 'send', text: SECRET_TEXT, urgent: true });
    await until(() => captured.text().includes('delivery failed'));
    // A configured secret is removed wherever it sits, even in a message the bot writes itself.
    captured.log.warn({ err: new Error(`connect to redis://:hunter2-redis@127.0.0.1:1 with ${standin.token}`) }, `token ${standin.token}`);
    standin.fail(undefined);
    await bot.stop();
    const text = captured.text();
    expect(text).not.toContain(standin.token);
    expect(text).not.toContain('hunter2-redis');
    expect(text).not.toContain('SECRET-TEXT');
    expect(text).toContain('[redacted]');
  });
});

describe('Discord: bot, interaction and webhook tokens stay out of the logs', () => {
  it('when an interaction callback fails and when REST is unreachable', async () => {
    const standIn = await new DiscordStandIn({ heartbeatIntervalMs: 300 }).start();
    let stopped = false;
    cleanups.push(() => (stopped ? Promise.resolve() : standIn.stop()));
    const captured = capturedLogger();
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger: captured.log, pacing: { perChatIntervalMs: 0 } });
    cleanups.push(() => adapter.stop());
    const received: Envelope[] = [];
    // The interaction is gone by the time the adapter answers it: Discord answers 401 Invalid Webhook Token, and the
    // error discord.js throws holds the callback URL with the interaction's token, and the request body.
    await adapter.start(async (envelope) => {
      received.push(envelope);
      standIn.world.interactions.clear();
    }, hooks);
    await adapter.registerCommands!([{ name: 'help', role: 'member', descriptions: { en: 'What I can do' }, args: [], subcommands: [] }]);
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'help');
    await until(() => captured.text().includes('could not acknowledge'));

    // A webhook post (a relayed message with a sender's identity) and a plain send, then the API goes away.
    await adapter.send({ id: 'r1', target: `discord:${standIn.world.general}`, action: 'send', text: 'relayed', identity: { name: 'Alice (Telegram)' } });
    const webhookTokens = [...standIn.world.webhooks.values()].map((w) => w.token).filter((t): t is string => !!t);
    expect(webhookTokens.length).toBeGreaterThan(0);
    stopped = true;
    await standIn.stop();
    for (const identity of [{ name: 'Alice (Telegram)' }, undefined]) {
      const error = await adapter
        .send({ id: `r2-${identity ? 'w' : 'b'}`, target: `discord:${standIn.world.general}`, action: 'send', text: SECRET_TEXT, identity })
        .then(() => undefined, (caught: unknown) => caught);
      // The delivery worker logs what it caught; here the same logger does it directly.
      captured.log.warn({ err: error }, 'delivery failed');
    }
    await adapter.stop();
    const text = captured.text();
    expect(received).toHaveLength(1);
    expect(text).toContain(`/interactions/${interaction.id}/[redacted]`);
    expect(text).not.toContain(interaction.token);
    for (const token of webhookTokens) expect(text).not.toContain(token);
    expect(text).not.toContain(standIn.token);
    expect(text).not.toContain('SECRET-TEXT');
  });
});

describe('the error serializer', () => {
  it('removes token shapes in message, url, stack, nested causes, and leaves bodies out', () => {
    const inner = Object.assign(new Error('request to https://api.telegram.org/bot123456:AAH-abcdefghijklmnopqrstuvwxyz0123/getUpdates failed'), {
      url: 'https://discord.com/api/v10/webhooks/111/abcDEF-webhook-token_xyz?wait=true',
    });
    const outer = Object.assign(new Error('Network request failed', { cause: inner }), {
      url: 'https://discord.com/api/v10/interactions/222/aW50ZXJhY3Rpb246secret/callback',
      requestBody: { json: { content: SECRET_TEXT } },
      payload: { text: SECRET_TEXT },
      error: new Error('postgres://quartier:pa55word@db:5432/quartier refused'),
    });
    const text = JSON.stringify(serializeError(outer));
    expect(text).not.toMatch(/AAH-abcdef|webhook-token|aW50ZXJhY3Rpb246secret|pa55word|SECRET-TEXT/);
    expect(text).toContain('/bot[redacted]/getUpdates');
    expect(text).toContain('/webhooks/111/[redacted]');
    expect(text).toContain('/interactions/222/[redacted]/callback');
    expect(text).toContain('postgres://quartier:[redacted]@db');
    expect(redactSecrets('Authorization: Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123')).not.toContain('abcdefghijklmnop');
  });

  it('survives a cycle of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(JSON.stringify(serializeError(a))).toContain('"message":"b"');
  });
});
