// What every dashboard handler sees: the session (once logged in), the page language, and the feature's parts.
import type { HttpBindings } from '@hono/node-server';
import type { Context as HonoContext, Hono } from 'hono';
import type { Outbox, Services } from '../../../core/context.js';
import type { Group } from '../../../core/context.js';
import type { Role } from '../../../core/roles.js';
import type { Session } from '../sessions.js';

export type T = (key: string, params?: Record<string, unknown>) => string;

export interface DashboardEnv {
  /** The Node request and response (@hono/node-server), for the client's address. */
  Bindings: HttpBindings;
  Variables: {
    session: Session;
    language: string;
    t: T;
    /** The parsed body of a POST (read once, by the CSRF check). */
    form: Record<string, string | string[]>;
    /** On group pages: the group and the person's role there (the cached answer). */
    group: Group;
    role: Role;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route path
export type DashboardContext = HonoContext<DashboardEnv, any>;

/** What pages use besides the request: the app's services, the clock, and the fresh role check for changes. */
export interface PageDeps {
  services: Services;
  /** Where the dashboard's messages go (alerts), as commands' do. */
  outbox: Outbox;
  /** Every page, for the menus. */
  pages: DashboardPage[];
  now(): number;
  /** Asks the platform again (cache dropped first); false when the person may not make this change. */
  mayChange(c: DashboardContext, needed: Role): Promise<boolean>;
}

/**
 * One page of the dashboard. Group pages exist once per group of the session, under /dashboard/g/<group>/<name>, and
 * are listed in each group's menu; the person's cached role there must be at least `role` to open one. A feature adds
 * a page by writing one of these (in its own folder if it likes) and listing it in pages/index.ts.
 */
export interface DashboardPage {
  name: string;
  /** Locale key of the menu entry. */
  label: string;
  role: Role;
  /** Registers the page's routes, relative to /dashboard/g/:group/<name>. */
  routes(app: Hono<DashboardEnv>, deps: PageDeps): void;
}
