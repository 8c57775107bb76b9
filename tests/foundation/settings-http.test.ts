// Settings validation, log redaction, and the HTTP endpoints (/healthz, /metrics) of a running app.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startHttpServer } from '../../src/http.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

describe('settings', () => {
  it('starts with no settings at all, on embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DATA_DIR: './data', HTTP_PORT: 8080, DEFAULT_LANGUAGE: 'en', DEFAULT_TIMEZONE: 'UTC', ROLE: 'all' });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WHATSAPP_ENABLED).toBe(false);
  });

  it('names every bad value in one clear message', () => {
    let error: unknown;
    try {
      loadConfig({ HTTP_PORT: 'eighty', DEFAULT_TIMEZONE: 'Mars/Base', REDIS_URL: 'not a url', TELEGRAM_WEBHOOK_URL: 'https://x.example/hook' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/HTTP_PORT/);
    expect(message).toMatch(/DEFAULT_TIMEZONE must be an IANA zone/);
    expect(message).toMatch(/REDIS_URL must be a URL/);
    expect(message).toMatch(/TELEGRAM_WEBHOOK_SECRET: required/);
  });

  it('treats empty values as unset, as .env.example leaves them', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', REDIS_URL: '' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });
});

describe('logs', () => {
  it('redact tokens wherever they appear', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    // The production logger, writing to a stream this test reads instead of stderr.
    const { createLogger } = await import('../../src/logger.js');
    const log = createLogger('info', { destination: sink });
    log.info({ token: '123:SECRET', adapter: { token: '456:SECRET' }, config: { TELEGRAM_BOT_TOKEN: '789:SECRET' } }, 'hello');
    expect(lines.join('')).not.toMatch(/SECRET/);
  });
});

describe('HTTP', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
  });

  it('serves /healthz from Redis and the database, and /metrics with message and command counts', async () => {
    bot = await startTestApp();
    const app = bot.app;
    const http = await startHttpServer({
      port: 0,
      health: app.health,
      metrics: async () => ({ contentType: app.metrics.registry.contentType, body: await app.metrics.registry.metrics() }),
      routes: new Map(),
    });
    try {
      await bot.chat('g1').send('/rules');
      const health = await fetch(`http://127.0.0.1:${http.port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, database: { ok: true } } });
      const metrics = await (await fetch(`http://127.0.0.1:${http.port}/metrics`)).text();
      expect(metrics).toMatch(/quartier_messages_in_total\{platform="console",kind="message"\} 1/);
      expect(metrics).toMatch(/quartier_commands_total\{command="rules",outcome="ok"\} 1/);
      expect(metrics).toMatch(/quartier_deliveries_total\{platform="console",outcome="delivered"\} 1/);
      expect(metrics).toMatch(/quartier_queue_depth/);
      expect((await fetch(`http://127.0.0.1:${http.port}/nowhere`)).status).toBe(404);
    } finally {
      await http.close();
    }
  });
});
