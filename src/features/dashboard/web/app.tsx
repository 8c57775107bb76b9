// The dashboard's web application (Hono, mounted on the public listener under /dashboard). Routing, cookies and
// templating are the framework's; this file adds what the dashboard asks of every request:
// - security headers on every answer: a Content-Security-Policy that allows this origin's own script and stylesheet
//   and nothing else, no framing, the referrer kept to this site, no caching of pages;
// - login by one-time link: GET shows a button (link previews fetch GET, and must not use the link up), POST takes
//   the link once, asks the platform whether the person still moderates the group, and starts a session;
// - every POST must come from a page of this origin (Origin checked) and carry the session's CSRF token;
// - group pages only for the session's groups, with the role each page needs; changes check the role afresh.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import type { Child } from 'hono/jsx';
import type { HttpBindings } from '@hono/node-server';
import type { Outbox, Services } from '../../../core/context.js';
import type { QualifiedId } from '../../../core/envelope.js';
import { roleAtLeast } from '../../../core/roles.js';
import { isSupportedLanguage, translate } from '../../../i18n/index.js';
import { accessTo, moderatedInCommunity } from '../access.js';
import type { LoginLinks } from '../links.js';
import type { LoginLimiter } from '../limits.js';
import { COOKIE_NAME, SESSION_TTL_MS, Sessions, type Session } from '../sessions.js';
import { communityPage } from '../pages/community.js';
import { ASSET_VERSION, SCRIPT, STYLE } from './assets.js';
import type { DashboardContext, DashboardEnv, DashboardPage, PageDeps, T } from './env.js';
import { field } from './format.js';
import { Document, render, withDoctype } from './layout.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The largest form accepted: the longest FAQ answer or rules text with room to spare. */
export const FORM_MAX_BYTES = 64 * 1024;

export interface WebDeps {
  services: Services;
  log: Logger;
  outbox: Outbox;
  links: LoginLinks;
  sessions: Sessions;
  limiter: LoginLimiter;
  pages: DashboardPage[];
  /** The origin pages are served from (PUBLIC_URL's); POSTs from anywhere else are refused. */
  origin: () => string | undefined;
  now: () => number;
}

type Env = DashboardEnv;

export function translator(language: string): T {
  return (key, params) => translate(language, `dashboard.${key}`, params);
}

/** The address a login is counted against: the peer, or the client a proxy on this machine forwarded for. */
function clientAddress(bindings: HttpBindings | undefined, forwardedFor: string | undefined): string {
  const peer = bindings?.incoming?.socket?.remoteAddress ?? 'unknown';
  const local = peer === '::1' || peer.startsWith('127.') || peer === '::ffff:127.0.0.1';
  const forwarded = forwardedFor?.split(',').pop()?.trim();
  return local && forwarded ? forwarded : peer;
}

async function documentResponse(node: Child, status: number): Promise<Response> {
  return new Response(await withDoctype(node), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** A page for someone without a session (or whose request is refused before one is read). */
function plainPage(language: string, title: string, message: string, status: number): Promise<Response> {
  return documentResponse(
    <Document language={language} title={title}>
      <main id="main">
        <h1>{title}</h1>
        <p class="problem">{message}</p>
      </main>
    </Document>,
    status,
  );
}

export function dashboardApp(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>().basePath('/dashboard');
  const pageDeps: PageDeps = {
    services: deps.services,
    outbox: deps.outbox,
    pages: deps.pages,
    now: deps.now,
    mayChange: async (c, needed) => {
      const access = await accessTo(deps.services, deps.sessions, c.var.session, c.var.group.id, needed, { fresh: true });
      return access.ok;
    },
  };
  const defaultLanguage = deps.services.defaults.language;

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('x-frame-options', 'DENY');
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` with its form posts.
    c.res.headers.set('referrer-policy', 'same-origin');
    c.res.headers.set('cross-origin-opener-policy', 'same-origin');
    c.res.headers.set('cross-origin-resource-policy', 'same-origin');
    if (!c.req.path.startsWith('/dashboard/assets/')) c.res.headers.set('cache-control', 'no-store');
  });

  app.get('/assets/style.css', (c) => {
    c.header('cache-control', c.req.query('v') === ASSET_VERSION ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  app.get('/assets/app.js', (c) => {
    c.header('cache-control', c.req.query('v') === ASSET_VERSION ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  // Forms are small: a body past this is refused before it is read.
  app.use('*', bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => c.text('too large', 413) }));

  // Every POST: from a page of this origin, read once here.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const origin = deps.origin();
    const site = c.req.header('sec-fetch-site');
    if (!origin || c.req.header('origin') !== origin || (site !== undefined && site !== 'same-origin')) {
      return plainPage(defaultLanguage, translate(defaultLanguage, 'dashboard.refused.title'), translate(defaultLanguage, 'dashboard.refused.cross_site'), 403);
    }
    const body = await c.req.parseBody({ all: true });
    const form: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(body)) {
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
      form[key] = values.length === 1 ? values[0]! : values;
    }
    c.set('form', form);
    return next();
  });

  const limited = async (c: DashboardContext) => {
    const allowed = await deps.limiter.allow(clientAddress(c.env, c.req.header('x-forwarded-for')));
    return allowed ? undefined : plainPage(defaultLanguage, translate(defaultLanguage, 'dashboard.login.title'), translate(defaultLanguage, 'dashboard.login.limited'), 429);
  };

  app.get('/login', async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const token = c.req.query('t') ?? '';
    const grant = await deps.links.peek(token);
    const language = grant?.language ?? defaultLanguage;
    const t = translator(language);
    if (!grant) return plainPage(language, t('login.title'), t('login.unknown'), 410);
    return documentResponse(
      <Document language={language} title={t('login.title')}>
        <main id="main">
          <h1>{t('login.title')}</h1>
          <p>{t('login.confirm', { name: grant.name })}</p>
          <form method="post" action="/dashboard/login">
            <input type="hidden" name="t" value={token} />
            <button type="submit">{t('login.button')}</button>
          </form>
        </main>
      </Document>,
      200,
    );
  });

  app.post('/login', async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const grant = await deps.links.take(field(c.var.form, 't'));
    const language = grant?.language ?? defaultLanguage;
    const t = translator(language);
    if (!grant) return plainPage(language, t('login.title'), t('login.unknown'), 410);
    deps.services.roles.invalidate(grant.group, grant.person);
    const role = await deps.services.roles.roleOf(grant.group, grant.person);
    if (!roleAtLeast(role, 'moderator')) return plainPage(language, t('login.title'), t('login.role_lost'), 403);
    // A session the browser already has, for the same person, keeps its groups: /dashboard typed in a second group
    // adds it to the first.
    const previous = await deps.sessions.load(getCookie(c, COOKIE_NAME));
    const kept: QualifiedId[] = previous?.person === grant.person ? previous.groups.filter((g) => g !== grant.group) : [];
    const others = await moderatedInCommunity(deps.services, grant.group, grant.person);
    const groups = [...new Set([...kept, ...others])];
    if (previous) await deps.sessions.destroy(previous.id);
    const session = await deps.sessions.create({ person: grant.person, name: grant.name, groups: [grant.group, ...groups], language }, deps.now());
    setCookie(c, COOKIE_NAME, deps.sessions.cookieValue(session.id), {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect(`/dashboard/g/${encodeURIComponent(grant.group)}/settings`, 303);
  });

  // Everything below needs a session.
  app.use('*', async (c, next) => {
    const session = await deps.sessions.load(getCookie(c, COOKIE_NAME));
    if (!session) {
      const t = translator(defaultLanguage);
      return plainPage(defaultLanguage, t('login.title'), t('login.needed'), 401);
    }
    if (c.req.method === 'POST' && !Sessions.csrfMatches(session, c.var.form._csrf)) {
      const t = translator(session.language);
      return plainPage(session.language, t('refused.title'), t('refused.cross_site'), 403);
    }
    c.set('session', session);
    c.set('language', session.language);
    c.set('t', translator(session.language));
    return next();
  });

  app.post('/logout', async (c) => {
    await deps.sessions.destroy(c.var.session.id);
    deleteCookie(c, COOKIE_NAME, { path: '/', secure: true });
    const t = c.var.t;
    return plainPage(c.var.language, t('logout.title'), t('logout.done'), 200);
  });

  app.post('/language', async (c) => {
    const language = field(c.var.form, 'language');
    if (isSupportedLanguage(language)) {
      c.var.session.language = language;
      await deps.sessions.save(c.var.session);
    }
    const back = c.req.header('referer');
    return c.redirect(back && new URL(back, 'http://x').pathname.startsWith('/dashboard') ? new URL(back, 'http://x').pathname : '/dashboard', 303);
  });

  app.get('/', (c) => communityPage(c, pageDeps));

  // Group pages: only the session's groups, and only with the role the page needs (the cached answer for reading).
  app.use('/g/:group/*', async (c, next) => {
    const groupId = c.req.param('group');
    const pageName = c.req.path.split('/')[4] ?? '';
    const page = deps.pages.find((p) => p.name === pageName);
    const t = c.var.t;
    const group = page ? await deps.services.groups.find(groupId) : undefined;
    if (!page || !group || !c.var.session.groups.includes(groupId)) {
      return plainPage(c.var.language, t('refused.title'), t('refused.not_found'), 404);
    }
    const access = await accessTo(deps.services, deps.sessions, c.var.session, groupId, page.role, { fresh: false });
    if (!access.ok) return plainPage(c.var.language, t('refused.title'), t('refused.role'), 403);
    c.set('group', group);
    c.set('role', access.role);
    return next();
  });

  for (const page of deps.pages) {
    const sub = new Hono<Env>();
    page.routes(sub, pageDeps);
    app.route(`/g/:group/${page.name}`, sub);
  }

  app.onError((error, c) => {
    deps.log.error({ err: error, path: c.req.path }, 'dashboard request failed');
    return c.text('error', 500);
  });
  app.notFound(async () => plainPage(defaultLanguage, translate(defaultLanguage, 'dashboard.refused.title'), translate(defaultLanguage, 'dashboard.refused.not_found'), 404));
  return app;
}

export { render, type Session };
