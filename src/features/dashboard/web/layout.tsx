// The page frame: language and direction, the menu of the session's groups and of the current group's pages, the
// language switch and logging out. Every form carries the session's CSRF token.
import type { Child } from 'hono/jsx';
import { isRightToLeft, languageName, supportedLanguages } from '../../../i18n/index.js';
import { roleAtLeast } from '../../../core/roles.js';
import { ASSET_VERSION } from './assets.js';
import type { DashboardContext, PageDeps } from './env.js';
import { groupPath } from './format.js';

export function Csrf({ c }: { c: DashboardContext }) {
  return <input type="hidden" name="_csrf" value={c.var.session.csrf} />;
}

interface Frame {
  title: string;
  body: Child;
  /** The group page being shown, to mark it in the menu. */
  page?: string;
  status?: 200 | 400 | 403 | 404 | 409 | 429;
}

/** Renders a page inside the frame (logged-in pages). */
export async function render(c: DashboardContext, deps: PageDeps, frame: Frame): Promise<Response> {
  const { t, session, language } = c.var;
  const current = c.var.group;
  const titles = await Promise.all(session.groups.map(async (id) => ({ id, title: (await deps.services.groups.find(id))?.title ?? id })));
  const own = current ? deps.pages.filter((p) => roleAtLeast(c.var.role, p.role)) : [];
  const body = (
    <Document language={language} title={frame.title}>
      <header>
        <a class="skip" href="#main">{t('skip')}</a>
        <nav aria-label={t('nav.groups')}>
          <ul>
            <li><a class="brand" href="/dashboard" aria-current={!current ? 'page' : undefined}>{t('nav.community')}</a></li>
            {titles.map((g) => (
              <li><a href={groupPath(g.id, 'settings')} aria-current={current?.id === g.id ? 'true' : undefined}>{g.title}</a></li>
            ))}
          </ul>
        </nav>
        {current ? (
          <nav aria-label={t('nav.pages', { group: current.title ?? current.id })}>
            <ul>
              {own.map((p) => (
                <li><a href={groupPath(current.id, p.name)} aria-current={frame.page === p.name ? 'page' : undefined}>{t(p.label)}</a></li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabindex={-1}>
        <h1>{frame.title}</h1>
        {frame.body}
      </main>
      <footer>
        <form method="post" action="/dashboard/language">
          <Csrf c={c} />
          <label class="inline" for="language-switch">{t('language')}</label>
          <select id="language-switch" name="language">
            {supportedLanguages().map((code) => <option value={code} selected={code === language}>{languageName(code)}</option>)}
          </select>
          <button class="secondary" type="submit">{t('language.apply')}</button>
        </form>
        <form method="post" action="/dashboard/logout">
          <Csrf c={c} />
          <span class="muted">{t('signed_in_as', { name: session.name })}</span> <button class="secondary" type="submit">{t('logout')}</button>
        </form>
      </footer>
    </Document>
  );
  return c.html(await withDoctype(body), frame.status ?? 200);
}

/** The page as text, with the doctype that keeps browsers out of quirks mode. */
export async function withDoctype(node: Child): Promise<string> {
  return `<!doctype html>${String(await Promise.resolve((node as { toString(): string | Promise<string> }).toString()))}`;
}

/** The bare document: used by every page, including those shown before logging in. */
export function Document({ language, title, children }: { language: string; title: string; children?: Child }) {
  return (
    <html lang={language} dir={isRightToLeft(language) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{title} · Quartier</title>
        <link rel="stylesheet" href={`/dashboard/assets/style.css?v=${ASSET_VERSION}`} />
        <script src={`/dashboard/assets/app.js?v=${ASSET_VERSION}`} defer></script>
      </head>
      <body>{children}</body>
    </html>
  );
}

/** Previous and next page links (long lists come a page at a time: a phone on a slow line gets a short page). */
export function Pager({ c, base, page, pages }: { c: DashboardContext; base: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = c.var.t;
  return (
    <nav aria-label={t('pager')}>
      <ul>
        {page > 1 ? <li><a href={`${base}?page=${page - 1}`} rel="prev">{t('pager.previous')}</a></li> : null}
        <li><span aria-current="page">{t('pager.position', { page, pages })}</span></li>
        {page < pages ? <li><a href={`${base}?page=${page + 1}`} rel="next">{t('pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
