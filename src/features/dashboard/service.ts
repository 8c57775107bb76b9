// The dashboard's parts, built once per process: login links, sessions, the login limit, group activity, and the web
// application as a Node request handler for the public listener.
import { getRequestListener } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Clock, Outbox, Services } from '../../core/context.js';
import type { HttpHandler } from '../../core/feature.js';
import { GroupActivity } from './activity.js';
import { LoginLimiter, type LoginLimits } from './limits.js';
import { LINK_TTL_MS, LoginLinks } from './links.js';
import { PAGES } from './pages/index.js';
import { loadSecret } from './secret.js';
import { Sessions } from './sessions.js';
import { dashboardApp } from './web/app.js';

export interface DashboardOptions {
  /** PUBLIC_URL: where people reach Quartier (links point there, and POSTs must come from its origin). */
  publicUrl?: string | (() => string | undefined);
  /** DASHBOARD_SECRET; otherwise generated into dataDir (or, with neither, per process). */
  secret?: string;
  dataDir?: string;
  loginLimits?: LoginLimits;
  linkTtlMs?: number;
}

export class DashboardService {
  readonly links: LoginLinks;
  readonly sessions: Sessions;
  readonly limiter: LoginLimiter;
  readonly activity: GroupActivity;
  private handler?: HttpHandler;

  constructor(
    private readonly deps: { services: Services; outbox: Outbox; clock: Clock; log: Logger; options: DashboardOptions },
  ) {
    const { redis, prefix } = deps.services;
    this.links = new LoginLinks(redis, prefix, deps.clock, deps.options.linkTtlMs ?? LINK_TTL_MS);
    this.sessions = new Sessions(redis, prefix, loadSecret(deps.options));
    this.limiter = new LoginLimiter(redis, prefix, deps.options.loginLimits);
    this.activity = new GroupActivity(redis, prefix);
  }

  /** PUBLIC_URL without a trailing slash, or undefined when the operator has not set it. */
  publicUrl(): string | undefined {
    const { publicUrl } = this.deps.options;
    const url = typeof publicUrl === 'function' ? publicUrl() : publicUrl;
    return url?.replace(/\/+$/, '');
  }

  /** The link a `/dashboard` gives. */
  loginUrl(token: string): string | undefined {
    const base = this.publicUrl();
    return base ? `${base}/dashboard/login?t=${token}` : undefined;
  }

  /** The web application for every path under /dashboard. */
  http(): HttpHandler {
    if (this.handler) return this.handler;
    const app = dashboardApp({
      services: this.deps.services,
      log: this.deps.log,
      outbox: this.deps.outbox,
      links: this.links,
      sessions: this.sessions,
      limiter: this.limiter,
      pages: PAGES,
      origin: () => {
        const base = this.publicUrl();
        return base ? new URL(base).origin : undefined;
      },
      now: () => this.deps.clock.now(),
    });
    this.handler = getRequestListener(app.fetch);
    return this.handler;
  }
}
