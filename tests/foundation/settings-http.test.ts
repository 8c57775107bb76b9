// Settings validation and log redaction. The HTTP listeners are tested in http.test.ts.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, SETTING_NAMES, loadConfig } from '../../src/config.js';

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

  it('refuses a fixed offset as the default time zone, on every Node version', () => {
    expect(() => loadConfig({ DEFAULT_TIMEZONE: '+05:30' })).toThrow(/DEFAULT_TIMEZONE must be an IANA zone/);
  });

  it('keeps the admin listener on loopback by default and needs a token to expose it', () => {
    expect(loadConfig({})).toMatchObject({ ADMIN_HTTP_HOST: '127.0.0.1', ADMIN_HTTP_PORT: 8081 });
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
    expect(() => loadConfig({ ADMIN_HTTP_HOST: '0.0.0.0' })).toThrow(/ADMIN_TOKEN: required when ADMIN_HTTP_HOST \(0\.0\.0\.0\)/);
    expect(() => loadConfig({ ADMIN_HTTP_HOST: '::', ADMIN_TOKEN: '' })).toThrow(/ADMIN_TOKEN: required/);
    expect(() => loadConfig({ ADMIN_HTTP_HOST: '0.0.0.0', ADMIN_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(loadConfig({ ADMIN_HTTP_HOST: '0.0.0.0', ADMIN_TOKEN: 'a-long-enough-admin-token' }).ADMIN_HTTP_HOST).toBe('0.0.0.0');
    expect(loadConfig({ ADMIN_HTTP_HOST: 'localhost' }).ADMIN_HTTP_HOST).toBe('localhost');
  });

  it('.env.example lists every setting once, each with its default value or empty when it has none', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line));
    const example = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(lines).toHaveLength(SETTING_NAMES.length);
    expect(Object.keys(example).sort()).toEqual([...SETTING_NAMES].sort());
    const defaults = loadConfig({}) as Record<string, unknown>;
    for (const name of SETTING_NAMES) {
      const value = defaults[name];
      expect(example[name], name).toBe(value === undefined ? '' : String(value));
    }
    // The file as it stands is a valid configuration.
    expect(loadConfig(example)).toEqual(defaults);
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
