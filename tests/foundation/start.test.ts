// The bot as `npm start` runs it, in a directory of its own with a `.env`: settings read from the file, the
// environment winning over it, bad values in it reported like any other, and each listener serving only its part.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startBot, waitForHttp, type Started } from '../helpers/bot-process.js';

describe('npm start with a .env', () => {
  const dirs: string[] = [];
  const bots: Started[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) {
      if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
      await bot.exited;
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'quartier-start-'));
    dirs.push(dir);
    return dir;
  };

  it('reads its settings from .env, the environment winning, and serves each listener only its part', async () => {
    const dir = tempDir();
    const [publicPort, adminPort] = [await freePort(), await freePort()];
    writeFileSync(
      path.join(dir, '.env'),
      [
        '# as a user fills in .env.example',
        'TELEGRAM_BOT_TOKEN=',
        `HTTP_PORT=${publicPort}`,
        // Overridden by the environment below: the bot must not try to bind port 1.
        'ADMIN_HTTP_PORT=1',
        'DATA_DIR=./bot-data',
        'DEFAULT_LANGUAGE=fr',
        'LOG_LEVEL=info',
        '',
      ].join('\n'),
    );
    const bot = startBot(dir, { ADMIN_HTTP_PORT: String(adminPort) });
    bots.push(bot);
    await waitForHttp(`http://127.0.0.1:${publicPort}/livez`, bot);
    await waitForHttp(`http://127.0.0.1:${adminPort}/livez`, bot);

    const pub = `http://127.0.0.1:${publicPort}`;
    for (const route of ['/metrics', '/readyz', '/healthz', '/whatsapp/qr', '/queues', '/queues/api/queues']) {
      expect((await fetch(`${pub}${route}`)).status, route).toBe(404);
    }
    const admin = `http://127.0.0.1:${adminPort}`;
    const ready = await fetch(`${admin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, database: { ok: true, detail: 'pglite' } } });
    expect(await (await fetch(`${admin}/metrics`)).text()).toMatch(/quartier_queue_jobs/);
    expect((await fetch(`${admin}/queues`)).status).toBe(200);

    // The console answers in the language .env chose.
    bot.child.stdin!.write('/rules\n');
    await expect.poll(() => bot.output(), { timeout: 30_000 }).toMatch(/Ce groupe n.a pas encore de règlement/);
    // DATA_DIR from .env, relative to where the bot was started.
    expect(bot.output()).toMatch(/storage ready/);
    // A first start creates PGlite's database: tens of seconds on a busy 2-core machine.
  }, 240_000);

  it('reports a bad value in .env like any other, naming the file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.env'), 'HTTP_PORT=eighty\nDEFAULT_TIMEZONE=+05:30\n');
    const bot = startBot(dir);
    bots.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toMatch(/Invalid settings:/);
    expect(bot.output()).toMatch(/HTTP_PORT/);
    expect(bot.output()).toMatch(/DEFAULT_TIMEZONE must be an IANA zone/);
    expect(bot.output()).toContain(path.join(dir, '.env'));
  });

  it('refuses to expose the admin listener without a token', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.env'), 'ADMIN_HTTP_HOST=0.0.0.0\n');
    const bot = startBot(dir);
    bots.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toMatch(/ADMIN_TOKEN: required when ADMIN_HTTP_HOST \(0\.0\.0\.0\) is not a loopback address/);
  });
});
