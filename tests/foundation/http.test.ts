// The two HTTP listeners: what a stranger on the public port can reach, what the admin listener serves and to whom,
// readiness that answers while Redis does not, the queue dashboard and the queue and delivery metrics.
import net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { queueDashboard } from '../../src/dashboard.js';
import {
  AdminExposedError,
  bearerMatches,
  isLoopbackHost,
  startAdminHttpServer,
  startPublicHttpServer,
  type Listener,
  type RouteHandler,
} from '../../src/http.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { ScriptedPlatform } from '../helpers/scripted-platform.js';
import { redisUrl } from '../helpers/storage.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const ok: RouteHandler = (_req, res) => void res.end('webhook');

function adminFor(bot: TestBot, options: { host?: string; token?: string; routes?: Map<string, RouteHandler> } = {}) {
  return startAdminHttpServer({
    host: options.host ?? '127.0.0.1',
    port: 0,
    token: options.token,
    readiness: () => bot.app.health(),
    metrics: async () => ({ contentType: bot.app.metrics.registry.contentType, body: await bot.app.metrics.registry.metrics() }),
    routes: options.routes,
    mounts: new Map([['/queues', queueDashboard('/queues', bot.app.queues)]]),
  });
}

/** A non-loopback address of this machine, when it has one (containers and CI machines do). */
function externalAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

describe('HTTP listeners', () => {
  let bot: TestBot | undefined;
  const listeners: Listener[] = [];
  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.close();
    await bot?.stop();
    bot = undefined;
  });

  it('the public port serves /livez and the webhook; a stranger gets 404 for everything an operator reads', async () => {
    const pub = await startPublicHttpServer({ port: 0, routes: new Map([['/telegram/webhook', ok]]) });
    listeners.push(pub);
    const base = `http://127.0.0.1:${pub.port}`;
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect(await (await fetch(`${base}/telegram/webhook`, { method: 'POST' })).text()).toBe('webhook');
    for (const path of ['/metrics', '/readyz', '/healthz', '/whatsapp/qr', '/queues', '/queues/api/queues', '/queues/']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toMatch(/quartier_|redis|bull/i);
    }
  });

  it('the admin listener serves /livez, /readyz with details, /metrics and the routes given to it', async () => {
    bot = await startTestApp();
    const qr: RouteHandler = (_req, res) => void res.end('qr');
    const admin = await adminFor(bot, { routes: new Map([['/whatsapp/qr', qr]]) });
    listeners.push(admin);
    const base = `http://127.0.0.1:${admin.port}`;
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, database: { ok: true }, console: { ok: true } } });
    expect(await (await fetch(`${base}/whatsapp/qr`)).text()).toBe('qr');
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/quartier_messages_in_total/);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('refuses to expose the admin listener without a token', () => {
    expect(() => startAdminHttpServer({ host: '0.0.0.0', port: 0, readiness: async () => ({ ok: true, checks: {} }), metrics: async () => ({ contentType: 'text/plain', body: '' }) })).toThrow(AdminExposedError);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('::')).toBe(false);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
  });

  it('an exposed admin listener answers 401 to a request without the bearer token or with a wrong one', async () => {
    bot = await startTestApp();
    const admin = await adminFor(bot, { host: '0.0.0.0', token: TOKEN, routes: new Map([['/whatsapp/qr', ok]]) });
    listeners.push(admin);
    // Reached the way a stranger would: on the machine's network address when it has one.
    const base = `http://${externalAddress() ?? '127.0.0.1'}:${admin.port}`;
    for (const path of ['/metrics', '/readyz', '/livez', '/whatsapp/qr', '/queues', '/queues/api/queues']) {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
        const res = await fetch(`${base}${path}`, { headers: authorization === undefined ? {} : { authorization } });
        expect(res.status, `${path} with ${authorization}`).toBe(401);
        expect(await res.text()).toBe('unauthorized');
      }
    }
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/quartier_messages_in_total/);
    expect((await fetch(`${base}/readyz`, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });

  it('the queue dashboard answers on the admin listener and lists every queue the bot uses', async () => {
    bot = await startTestApp();
    await bot.chat('g1').send('/rules');
    const admin = await adminFor(bot);
    listeners.push(admin);
    const base = `http://127.0.0.1:${admin.port}`;
    const page = await fetch(`${base}/queues`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = await fetch(`${base}/queues/api/queues`);
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(expect.arrayContaining(['deliver-console', 'inbound-0', 'inbound-3', 'rules-quiet']));
    expect(names).toHaveLength(bot.app.queues().length);
  });

  it('/metrics has per-queue depth by state, the oldest waiting job, delivery latency, 429s and retries per platform', async () => {
    bot = await startTestApp();
    await bot.chat('g1').send('/rules');
    await bot.chat('g1').send('/zq_typed_by_someone');
    await bot.chat('g1').send('/zq_typed_by_someone_else');
    const admin = await adminFor(bot);
    listeners.push(admin);
    const text = await (await fetch(`http://127.0.0.1:${admin.port}/metrics`)).text();
    // Labels never come from what people type.
    expect(text).not.toMatch(/zq_typed/);
    expect(text).toMatch(/quartier_commands_total\{command="\(unknown\)",outcome="unknown"\} 2/);
    expect(text).toMatch(/quartier_messages_in_total\{platform="console",kind="message"\} 3/);
    expect(text).toMatch(/quartier_commands_total\{command="rules",outcome="ok"\} 1/);
    expect(text).toMatch(/quartier_deliveries_total\{platform="console",outcome="delivered"\} 3/);
    for (const state of ['waiting', 'delayed', 'active', 'failed']) {
      expect(text).toMatch(new RegExp(`quartier_queue_jobs\\{queue="deliver-console",state="${state}"\\} \\d+`));
      expect(text).toMatch(new RegExp(`quartier_queue_jobs\\{queue="inbound",state="${state}"\\} \\d+`));
    }
    expect(text).toMatch(/quartier_queue_oldest_waiting_seconds\{queue="inbound"\} 0/);
    expect(text).toMatch(/quartier_queue_depth\{queue="rules-quiet"\} 0/);
    expect(text).toMatch(/quartier_delivery_latency_seconds_count\{platform="console"\} 3/);
    expect(text).toMatch(/quartier_delivery_latency_seconds_bucket\{le="\+Inf",platform="console"\} 3/);
    expect(text).toMatch(/# TYPE quartier_rate_limited_total counter/);
    expect(text).toMatch(/# TYPE quartier_delivery_retries_total counter/);
  });

  it('/metrics counts 429s, retries and failed deliveries per platform', async () => {
    const platform = new ScriptedPlatform();
    bot = await startTestApp({ noConsole: true, adapters: [platform] });
    // First message: a 429, then a 502 (retried after its backoff), then delivered. Second: refused for good.
    platform.answerNext({ rateLimitMs: 20 }, 'transient');
    await bot.app.outbox.enqueue({ id: 'm1', target: 'console:g1', action: 'send', text: 'one' });
    await bot.waitFor(() => platform.sent.length === 1);
    platform.answerNext('permanent');
    await bot.app.outbox.enqueue({ id: 'm2', target: 'console:g2', action: 'send', text: 'two' });
    await bot.waitFor(async () => /outcome="failed"\} 1/.test(await bot!.app.metrics.registry.metrics()));
    const text = await bot.app.metrics.registry.metrics();
    expect(text).toMatch(/quartier_rate_limited_total\{platform="console"\} 1/);
    expect(text).toMatch(/quartier_delivery_retries_total\{platform="console"\} 1/);
    expect(text).toMatch(/quartier_deliveries_total\{platform="console",outcome="delivered"\} 1/);
    expect(text).toMatch(/quartier_deliveries_total\{platform="console",outcome="failed"\} 1/);
    expect(text).toMatch(/quartier_delivery_latency_seconds_count\{platform="console"\} 1/);
    expect(text).toMatch(/quartier_queue_jobs\{queue="deliver-console",state="failed"\} 1/);
  });

  it('reports the age of the oldest job waiting in a queue', async () => {
    let now = 0;
    bot = await startTestApp({ clock: { now: () => now } });
    // A queue nobody works: a job added to it waits.
    const queue = bot.app.queues().find((q) => q.name === 'rules-quiet')!.queue;
    await queue.pause();
    const job = await queue.add('probe', {});
    now = job.timestamp + 90_000;
    const text = await bot.app.metrics.registry.metrics();
    const age = Number(/quartier_queue_oldest_waiting_seconds\{queue="rules-quiet"\} ([\d.]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(text).toMatch(/quartier_queue_jobs\{queue="rules-quiet",state="waiting"\} 1/);
    await queue.obliterate({ force: true });
  });
});

/** A TCP proxy to the test Redis that can stop answering (a blackholed server) or refuse connections. */
async function redisProxy() {
  const target = new URL(redisUrl());
  const sockets = new Set<net.Socket>();
  let mode: 'forward' | 'blackhole' | 'down' = 'forward';
  const server = net.createServer((client) => {
    if (mode === 'down') return void client.destroy();
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'blackhole') return void client.on('data', () => undefined);
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (mode === 'forward') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'forward') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    blackhole: () => void (mode = 'blackhole'),
    /** Redis gone: every connection is cut, and new ones are closed at once. */
    down: () => {
      mode = 'down';
      for (const socket of sockets) socket.destroy();
    },
    /** Forwards again; open connections are cut so the client reconnects and sends what was lost again. */
    restore: () => {
      mode = 'forward';
      for (const socket of sockets) socket.destroy();
    },
    /** Cuts what is still open (a client reconnecting while the bot stopped) so the server can close. */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

describe('readiness', () => {
  it('/readyz answers 503 within its deadline while Redis accepts connections and never answers, then while it is down', async () => {
    const proxy = await redisProxy();
    const bot = await startTestApp({ redisUrl: proxy.url });
    const admin = await adminFor(bot);
    try {
      const base = `http://127.0.0.1:${admin.port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      proxy.blackhole();
      // No answer within 2.5 s aborts the fetch and fails the test: a health check that waits on Redis hangs here.
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_500) });
      expect(res.status).toBe(503);
      const body = (await res.json()) as { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> };
      expect(body.ok).toBe(false);
      expect(body.checks.redis).toMatchObject({ ok: false, detail: expect.stringMatching(/no answer within \d+ ms/) });
      expect(body.checks.database).toMatchObject({ ok: true });
      expect((await fetch(`${base}/livez`, { signal: AbortSignal.timeout(2_500) })).status).toBe(200);

      // Then Redis stopped: connections cut and refused; the client keeps reconnecting and queues its commands.
      proxy.down();
      const down = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_500) });
      expect(down.status).toBe(503);
      expect(((await down.json()) as { checks: Record<string, { ok: boolean }> }).checks.redis!.ok).toBe(false);
    } finally {
      proxy.restore();
      await admin.close();
      await bot.stop();
      await proxy.close();
    }
  });
});
