// Events: the community's events to come and of the last thirty days, with their answers (going, maybe, can't, and
// the first names of those going, as the copies show them). A moderator may cancel or change one as with
// /event cancel and /event edit: the same reader of <when> in the group's time zone, the same checks (the author, or
// a moderator of the group it was posted from), and the events service does the rest, so every copy on every
// platform follows and those going are told.
import { translate } from '../../../i18n/index.js';
import { canonicalWhen } from '../../events/dates.js';
import { readEventText, readStartIn } from '../../events/handlers.js';
import { parseNumber } from '../../../text/numbers.js';
import type { CommunityEvent } from '../../events/repository.js';
import { scopeOf } from '../../events/service.js';
import { EVENTS_SHOWN, eventsWithAnswers, groupsByIds, type EventWithAnswers } from '../queries.js';
import type { DashboardContext, DashboardPage, PageDeps } from '../web/env.js';
import { dateTime, field, groupPath } from '../web/format.js';
import { Csrf, Pager, render } from '../web/layout.js';

/** What was typed in an edit form that could not be used: shown again in that event's form. */
interface Draft {
  id: number;
  title: string;
  when: string;
  place: string;
}

type Message = { ok: boolean; text: string };

async function eventsView(c: DashboardContext, deps: PageDeps, message?: Message, status: 200 | 400 | 403 | 404 = 200, draft?: Draft) {
  const { t, group, session } = c.var;
  const requested = Math.max(1, Number(c.req.query('page') ?? '1') || 1);
  const { upcoming, upcomingTotal, recent } = await eventsWithAnswers(deps.services, scopeOf(group), deps.now(), (requested - 1) * EVENTS_SHOWN.upcoming);
  const pages = Math.max(1, Math.ceil(upcomingTotal / EVENTS_SHOWN.upcoming));
  const origins = [...new Set([...upcoming, ...recent].map((e) => e.originGroup))];
  const groups = await groupsByIds(deps.services, origins);
  const titleOf = (id: string) => groups.get(id)?.title ?? id;
  const body = (
    <div>
      {message ? <p class={message.ok ? 'notice' : 'problem'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <h2>{t('events.upcoming', { count: upcomingTotal })}</h2>
      {upcoming.length === 0 ? <p>{t('events.none')}</p> : upcoming.map((e) => <EventCard c={c} event={e} origin={titleOf(e.originGroup)} draft={draft?.id === e.id ? draft : undefined} changeable={e.status === 'scheduled' && mayChangeHere(e, group.id, session.person)} />)}
      <Pager c={c} base={groupPath(group.id, 'events')} page={requested} pages={pages} />
      <h2>{t('events.recent', { count: recent.length })}</h2>
      {recent.length === 0 ? <p>{t('events.recent_none')}</p> : recent.map((e) => <EventCard c={c} event={e} origin={titleOf(e.originGroup)} changeable={false} past />)}
    </div>
  );
  return render(c, deps, { title: t('events.title'), body, page: 'events', status });
}

/** As /event cancel and /event edit allow: the author anywhere, a moderator from the group it was posted from. */
function mayChangeHere(event: CommunityEvent, groupId: string, person: string): boolean {
  return (event.authorId !== null && event.authorId === person) || event.originGroup === groupId;
}

/** `past`: an event already started, listed for its answers (the page changes only events to come). */
function EventCard({ c, event, origin, draft, changeable, past }: { c: DashboardContext; event: EventWithAnswers; origin: string; draft?: Draft; changeable: boolean; past?: boolean }) {
  const { t, group, language, session } = c.var;
  const action = groupPath(group.id, 'events');
  const cancelled = event.status === 'cancelled';
  const idOf = (name: string) => `ev-${event.id}-${name}`;
  return (
    <section class="card" aria-labelledby={idOf('title')}>
      <h3 id={idOf('title')}>
        #{event.id} <bdi>{event.title}</bdi>
        {cancelled ? <span class="muted"> · {t('events.cancelled_marker')}</span> : null}
      </h3>
      <p>
        {dateTime(event.startsAt, language, group.timezone)}
        {event.place ? <> · <bdi>{event.place}</bdi></> : null}
      </p>
      <p class="muted">{event.authorName ? t('events.posted_by', { group: origin, author: event.authorName }) : t('events.posted_from', { group: origin })}</p>
      {cancelled ? null : (
        <>
          <p>{t('events.counts', { yes: event.yes, maybe: event.maybe, no: event.no })}</p>
          {event.going.length > 0 ? <p>{t('events.going')} <bdi>{event.going.join(', ')}</bdi></p> : null}
        </>
      )}
      {changeable ? (
        <>
          <details open={draft ? true : undefined}>
            <summary>{t('events.edit', { id: event.id })}</summary>
            <form method="post" action={`${action}/edit`}>
              <Csrf c={c} />
              <input type="hidden" name="id" value={String(event.id)} />
              <label for={idOf('t')}>{t('events.field_title')}</label>
              <input id={idOf('t')} name="title" type="text" dir="auto" required maxlength={200} value={draft?.title ?? event.title} />
              <label for={idOf('w')}>{t('events.field_when', { zone: group.timezone })}</label>
              <input id={idOf('w')} name="when" type="text" dir="auto" required value={draft?.when ?? canonicalWhen(event.startsAt.getTime(), group.timezone)} />
              <label for={idOf('p')}>{t('events.field_place')}</label>
              <input id={idOf('p')} name="place" type="text" dir="auto" maxlength={200} value={draft?.place ?? event.place ?? ''} />
              <p><button type="submit">{t('events.save')}</button></p>
            </form>
          </details>
          <form method="post" action={`${action}/cancel`}>
            <Csrf c={c} />
            <input type="hidden" name="id" value={String(event.id)} />
            <button type="submit" class="danger">{t('events.cancel', { id: event.id })}</button>
          </form>
        </>
      ) : !past && !cancelled && event.originGroup !== group.id && session.groups.includes(event.originGroup) ? (
        <p><a href={groupPath(event.originGroup, 'events')}>{t('events.change_there', { group: origin })}</a></p>
      ) : null}
    </section>
  );
}

/**
 * The event a form names, as /event cancel and /event edit find it: published, in this group's scope, and one this
 * person may change from here; otherwise the command's answer.
 */
async function changeableEvent(c: DashboardContext, deps: PageDeps): Promise<{ event: CommunityEvent } | { refusal: Message; status: 403 | 404 }> {
  const { group, session, language } = c.var;
  const id = parseNumber(field(c.var.form, 'id'));
  const event = id === undefined ? undefined : await deps.services.events.events.find(id);
  const reply = (key: string, params: Record<string, unknown>) => translate(language, key, params, { timeZone: group.timezone });
  if (!event || event.scope !== scopeOf(group) || event.status !== 'scheduled') {
    return { refusal: { ok: false, text: reply('events.not_found', { id: id ?? 0 }) }, status: 404 };
  }
  if (!mayChangeHere(event, group.id, session.person)) return { refusal: { ok: false, text: reply('events.not_yours', { id: event.id }) }, status: 403 };
  return { event };
}

export const eventsPage: DashboardPage = {
  name: 'events',
  label: 'events.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => eventsView(c, deps));

    app.post('/cancel', async (c) => {
      const { t, group, session, language } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return eventsView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const found = await changeableEvent(c, deps);
      if ('refusal' in found) return eventsView(c, deps, found.refusal, found.status);
      const cancelled = await deps.services.events.cancel(found.event);
      const id = found.event.id;
      if (!cancelled) return eventsView(c, deps, { ok: false, text: translate(language, 'events.not_found', { id }) }, 404);
      await deps.services.audit.record(group.id, session.person, 'dashboard:event cancel', { event: id, title: found.event.title }, { status: cancelled.status });
      return eventsView(c, deps, { ok: true, text: translate(language, 'events.cancelled', { id }) });
    });

    app.post('/edit', async (c) => {
      const { t, group, session, language } = c.var;
      if (!(await deps.mayChange(c, 'moderator'))) return eventsView(c, deps, { ok: false, text: t('refused.role') }, 403);
      const found = await changeableEvent(c, deps);
      if ('refusal' in found) return eventsView(c, deps, found.refusal, found.status);
      const { event } = found;
      const draft: Draft = { id: event.id, title: field(c.var.form, 'title').trim(), when: field(c.var.form, 'when').trim(), place: field(c.var.form, 'place').trim() };
      // The command's own reader of `<title> | <when> [| <place>]`: the same limits, and no "|" inside a part.
      const parts = [draft.title, draft.when, draft.place].some((p) => p.includes('|')) ? undefined : readEventText([draft.title, draft.when, ...(draft.place ? [draft.place] : [])].join(' | '));
      if (!parts) return eventsView(c, deps, { ok: false, text: t('events.invalid') }, 400, draft);
      const start = readStartIn(parts.when, group.timezone, deps.now());
      if (!start.ok) return eventsView(c, deps, { ok: false, text: translate(language, start.problem.key, start.problem.params, { timeZone: group.timezone }) }, 400, draft);
      const change = { title: parts.title, place: parts.place, startsAt: start.at };
      const edited = await deps.services.events.edit(event, change);
      if (!edited) return eventsView(c, deps, { ok: false, text: translate(language, 'events.not_found', { id: event.id }) }, 404);
      await deps.services.audit.record(
        group.id,
        session.person,
        'dashboard:event edit',
        { event: event.id, title: event.title, place: event.place, startsAt: event.startsAt.toISOString() },
        { title: edited.title, place: edited.place, startsAt: edited.startsAt.toISOString() },
      );
      return eventsView(c, deps, { ok: true, text: translate(language, 'events.edited', { id: event.id }) });
    });
  },
};
