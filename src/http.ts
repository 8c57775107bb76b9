// The small HTTP server: /healthz (Redis and the database answer), /metrics (Prometheus), and the routes adapters
// contribute (Telegram's webhook, WhatsApp's QR code).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface HttpOptions {
  port: number;
  health: () => Promise<{ ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> }>;
  metrics: () => Promise<{ contentType: string; body: string }>;
  routes: Map<string, RouteHandler>;
}

export async function startHttpServer(options: HttpOptions): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      const health = await options.health();
      res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(health));
      return;
    }
    if (path === '/metrics') {
      const metrics = await options.metrics();
      res.writeHead(200, { 'content-type': metrics.contentType });
      res.end(metrics.body);
      return;
    }
    const route = options.routes.get(path);
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
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
