// Addresses: the community's recommendations (what, who, how to reach them, the note, how many neighbours vouch, a
// report or a year without confirmation marked, the group it was recommended in), newest first a page at a time, or
// searched with /find's own search. A moderator removes one as with /recommend remove. The contact details are shown
// only here, on a page of the community's own groups, as /find shows them only in those groups.
import { translate } from '../../../i18n/index.js';
import type { AddressEntry } from '../../addresses/repository.js';
import { isOld } from '../../addresses/search.js';
import { parseNumber } from '../../../text/numbers.js';
import { addressesPage, groupsByIds } from '../queries.js';
import type { DashboardContext, DashboardPage, PageDeps } from '../web/env.js';
import { field, groupPath } from '../web/format.js';
import { Csrf, Pager, render } from '../web/layout.js';

const PER_PAGE = 50;
/** As /find reads a query. */
const QUERY_MAX = 200;

type Message = { ok: boolean; text: string };

async function addressesView(c: DashboardContext, deps: PageDeps, message?: Message, status: 200 | 400 | 403 | 404 = 200) {
  const { t, group } = c.var;
  const { addresses } = deps.services;
  const scope = addresses.scopeOf(group);
  const query = (c.req.method === 'GET' ? (c.req.query('q') ?? '') : '').trim().slice(0, QUERY_MAX);
  const requested = Math.max(1, Number(c.req.query('page') ?? '1') || 1);
  let rows: AddressEntry[];
  let pages = 1;
  let total = 0;
  if (query) {
    rows = (await addresses.find(scope, query)).map((f) => f.entry);
  } else {
    const page = await addressesPage(deps.services, scope, (requested - 1) * PER_PAGE, PER_PAGE);
    rows = page.rows;
    total = page.total;
    pages = Math.max(1, Math.ceil(total / PER_PAGE));
  }
  const groups = await groupsByIds(deps.services, [...new Set(rows.map((r) => r.originGroup))]);
  const now = deps.now();
  const action = groupPath(group.id, 'addresses');
  const body = (
    <div>
      {message ? <p class={message.ok ? 'notice' : 'problem'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <form method="get" action={action} role="search">
        <label for="address-search">{t('addresses.search')}</label>
        <input id="address-search" name="q" type="text" dir="auto" maxlength={QUERY_MAX} value={query} />
        <p><button type="submit" class="secondary">{t('addresses.search_button')}</button></p>
      </form>
      <h2>{query ? t('addresses.found', { count: rows.length, query }) : t('addresses.all', { count: total })}</h2>
      {rows.length === 0 ? (
        <p>{query ? t('addresses.none_found') : t('addresses.none')}</p>
      ) : (
        <div class="scroll">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{t('addresses.what')}</th><th scope="col">{t('addresses.who')}</th>
                <th scope="col">{t('addresses.contact')}</th><th scope="col">{t('addresses.note')}</th><th scope="col">{t('addresses.vouches')}</th>
                <th scope="col">{t('addresses.group')}</th><th scope="col"><span class="skip">{t('addresses.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr>
                  <td>#{a.id}</td>
                  <td data-label={t('addresses.what')}>
                    <bdi>{a.what}</bdi>
                    {a.reports > 0 ? <strong> {t('addresses.reported', { count: a.reports })}</strong> : null}
                    {isOld(a, now) ? <span class="muted"> {t('addresses.old')}</span> : null}
                  </td>
                  <td data-label={t('addresses.who')}><bdi>{a.who}</bdi></td>
                  {/* Phone numbers and addresses read left to right, also inside an Arabic page. */}
                  <td data-label={t('addresses.contact')}><bdi dir="ltr">{a.contact ?? ''}</bdi></td>
                  <td data-label={t('addresses.note')}><bdi>{a.note ?? ''}</bdi></td>
                  <td data-label={t('addresses.vouches')}>{a.vouches + 1}</td>
                  <td data-label={t('addresses.group')}><bdi>{groups.get(a.originGroup)?.title ?? a.originGroup}</bdi></td>
                  <td>
                    <form method="post" action={`${action}/remove`}>
                      <Csrf c={c} />
                      <input type="hidden" name="id" value={String(a.id)} />
                      <button type="submit" class="danger">{t('addresses.remove', { id: a.id })}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query ? null : <Pager c={c} base={action} page={requested} pages={pages} />}
    </div>
  );
  return render(c, deps, { title: t('addresses.title'), body, page: 'addresses', status });
}

export const addressesPageOfDashboard: DashboardPage = {
  name: 'addresses',
  label: 'addresses.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => addressesView(c, deps));

    // As /recommend remove by a moderator: an address of this community only.
    app.post('/remove', async (c) => {
      const { t, group, session, language } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return addressesView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const id = parseNumber(field(c.var.form, 'id'));
      const { addresses } = deps.services;
      const entry = id === undefined ? undefined : await addresses.repository.inScope(addresses.scopeOf(group), id);
      if (!entry) return addressesView(c, deps, { ok: false, text: translate(language, 'address.not_found', { id: id ?? 0 }) }, 404);
      if (await addresses.repository.remove(entry.id)) await addresses.changed(entry.scope);
      // The audit keeps what it was, not how to reach them.
      await deps.services.audit.record(group.id, session.person, 'dashboard:recommend remove', { address: entry.id, what: entry.what, who: entry.who }, {});
      return addressesView(c, deps, { ok: true, text: translate(language, 'address.removed', { id: entry.id }) });
    });
  },
};
