// Two HTTP listeners. The public one (HTTP_PORT) serves only what the outside world must reach: /livez, the routes
// adapters publish (Telegram's webhook) and the features' web pages (the dashboard under /dashboard). The admin one (ADMIN_HTTP_HOST:ADMIN_HTTP_PORT, 127.0.0.1 by default) serves
// what an operator reads: /livez, /readyz with every check's detail, /metrics, WhatsApp's QR page and the queue
// dashboard. Bound anywhere but loopback, the admin listener answers only requests carrying its bearer token.
import { timingSafeEqual, createHash } from 'node:crypto';
import http from 'node:http';
import { isIP, type AddressInfo } from 'node:net';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface Readiness {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export interface PublicHttpOptions {
  host?: string;
  port: number;
  /** Exact paths, such as /telegram/webhook. */
  routes: Map<string, RouteHandler>;
  /** Path prefixes served by one handler each (the web dashboard under /dashboard). */
  mounts?: Map<string, RouteHandler>;
}

export interface AdminHttpOptions {
  host: string;
  port: number;
  /** Required when `host` is not a loopback address; when set, every request must carry it as a bearer token. */
  token?: string;
  readiness: () => Promise<Readiness>;
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** Exact paths, such as /whatsapp/qr. */
  routes?: Map<string, RouteHandler>;
  /** Path prefixes served by one handler each (the queue dashboard under /queues). */
  mounts?: Map<string, RouteHandler>;
  /** Upper bound on a /readyz answer, whatever a check does. */
  readinessDeadlineMs?: number;
}

export class AdminExposedError extends Error {}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts the admin listener may use without a token. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '::ffff:127.0.0.1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Constant-time comparison of an Authorization header with the expected bearer token (hashes: equal lengths). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const given = createHash('sha256').update(match?.[1]?.trim() ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function livez(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
  res.end('ok');
}

async function listen(
  host: string | undefined,
  port: number,
  handle: (req: http.IncomingMessage, res: http.ServerResponse, path: string) => Promise<void> | void,
): Promise<Listener> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void Promise.resolve()
      .then(() => handle(req, res, path))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The public listener: /livez and the routes adapters publish, 404 for anything else. */
export function startPublicHttpServer(options: PublicHttpOptions): Promise<Listener> {
  return listen(options.host, options.port, (req, res, path) => {
    if (path === '/livez') return livez(res);
    const route = options.routes.get(path);
    if (route) return route(req, res);
    for (const [prefix, handler] of options.mounts ?? []) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return handler(req, res);
    }
    notFound(res);
  });
}

/** Resolves with `fallback` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The admin listener. Refuses to start on a non-loopback host without a token. */
export function startAdminHttpServer(options: AdminHttpOptions): Promise<Listener> {
  if (!isLoopbackHost(options.host) && !options.token) {
    throw new AdminExposedError(`ADMIN_TOKEN is required when the admin listener is bound to ${options.host}`);
  }
  const deadline = options.readinessDeadlineMs ?? 1000;
  return listen(options.host, options.port, async (req, res, path) => {
    if (options.token && !bearerMatches(req.headers.authorization, options.token)) {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="quartier-admin"' });
      res.end('unauthorized');
      return;
    }
    if (path === '/livez') return livez(res);
    if (path === '/readyz') {
      const readiness = await within(options.readiness().catch((error: unknown) => ({ ok: false, checks: { readiness: { ok: false, detail: String(error) } } })), deadline, () => ({
        ok: false,
        checks: { readiness: { ok: false, detail: `no answer within ${deadline} ms` } },
      }));
      res.writeHead(readiness.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(readiness));
      return;
    }
    if (path === '/metrics') {
      const metrics = await options.metrics();
      res.writeHead(200, { 'content-type': metrics.contentType });
      res.end(metrics.body);
      return;
    }
    const route = options.routes?.get(path);
    if (route) return route(req, res);
    for (const [prefix, handler] of options.mounts ?? []) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return handler(req, res);
    }
    notFound(res);
  });
}
