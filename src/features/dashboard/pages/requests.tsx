// Help requests: the open and offered ones of the group's scope (its community, or the group alone), with how many
// offers each has; a moderator may remove one, as /cancel does for a moderator.
import { parseNumber } from '../../../text/numbers.js';
import { liveRequestsPage } from '../queries.js';
import type { DashboardContext, DashboardPage, PageDeps } from '../web/env.js';
import { dateTime, field, groupPath } from '../web/format.js';
import { Csrf, Pager, render } from '../web/layout.js';

const PER_PAGE = 50;

async function requestsView(c: DashboardContext, deps: PageDeps, message?: { ok: boolean; text: string }, status: 200 | 400 | 403 | 404 = 200) {
  const { t, group, language } = c.var;
  const { help } = deps.services;
  const requested = Math.max(1, Number(c.req.query('page') ?? '1') || 1);
  const { total, rows: live } = await liveRequestsPage(deps.services, help.scopeOf(group), (requested - 1) * PER_PAGE, PER_PAGE);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const body = (
    <div>
      {message ? <p class={message.ok ? 'notice' : 'problem'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      {live.length === 0 ? (
        <p>{t('requests.none')}</p>
      ) : (
        <div class="scroll">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{t('requests.text')}</th><th scope="col">{t('requests.author')}</th>
                <th scope="col">{t('requests.offers')}</th><th scope="col">{t('requests.expires')}</th><th scope="col"><span class="skip">{t('requests.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {live.map((r) => (
                <tr>
                  <td>#{r.number}</td>
                  <td data-label={t('requests.text')}>{r.urgent ? <strong>{t('requests.urgent')} </strong> : null}<bdi>{r.text}</bdi></td>
                  <td data-label={t('requests.author')}><bdi>{r.authorName}</bdi></td>
                  <td data-label={t('requests.offers')}>{r.offers}</td>
                  <td data-label={t('requests.expires')}>{dateTime(r.expiresAt, language, group.timezone)}</td>
                  <td>
                    <form method="post" action={groupPath(group.id, 'requests', '/remove')}>
                      <Csrf c={c} />
                      <input type="hidden" name="number" value={String(r.number)} />
                      <button type="submit" class="danger">{t('requests.remove', { number: r.number })}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager c={c} base={groupPath(group.id, 'requests')} page={requested} pages={pages} />
    </div>
  );
  return render(c, deps, { title: t('requests.title'), body, page: 'requests', status });
}

export const requestsPage: DashboardPage = {
  name: 'requests',
  label: 'requests.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => requestsView(c, deps));
    app.post('/remove', async (c) => {
      const { t, group, session } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return requestsView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const number = parseNumber(field(c.var.form, 'number'));
      const { help } = deps.services;
      const request = number === undefined ? undefined : await help.requests.byNumber(help.scopeOf(group), number);
      if (!request) return requestsView(c, deps, { ok: false, text: t('requests.not_found', { number: number ?? 0 }) }, 404);
      const closed = await help.close(request, 'removed', session.person);
      if (!closed) return requestsView(c, deps, { ok: false, text: t('requests.closed_already', { number: request.number }) }, 400);
      await deps.services.audit.record(group.id, session.person, 'dashboard:request remove', { request: request.number }, { status: closed.status });
      return requestsView(c, deps, { ok: true, text: t('requests.removed', { number: request.number }) });
    });
  },
};
