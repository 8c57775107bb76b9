// The alert composer: a moderator writes an alert (an admin may make it urgent, past quiet hours) for every other
// group of the community, as /alert does; its receipts then fill in live, group by group.
import { randomBytes } from 'node:crypto';
import { translate } from '../../../i18n/index.js';
import { roleAtLeast } from '../../../core/roles.js';
import { fanOut } from '../../alerts/fanout.js';
import { parseNumber } from '../../../text/numbers.js';
import { receiptsOf, recentAlerts, type TargetReceipt } from '../receipts.js';
import type { DashboardContext, DashboardPage, PageDeps, T } from '../web/env.js';
import { dateTime, field, groupPath } from '../web/format.js';
import { Csrf, render } from '../web/layout.js';

/** The longest alert text: what one chat message can carry on the strictest platform, less the header. */
export const ALERT_MAX = 3500;

/** A target's state in words; each distinct state is translated once per answer (a thousand rows share a few). */
function stateLabels(t: T): (target: TargetReceipt) => string {
  const labels = new Map<string, string>();
  return (target) => {
    const key = `${target.state} ${target.until ?? ''}`;
    let label = labels.get(key);
    if (label === undefined) {
      if (target.state === 'held') label = target.until ? t('alerts.state.held_until', { until: target.until }) : t('alerts.state.held');
      else label = t(`alerts.state.${target.state}`);
      labels.set(key, label);
    }
    return label;
  };
}

/** A DOM id for a target's cell (group ids hold characters an id should not). */
function cellKey(id: string): string {
  return Buffer.from(id).toString('base64url');
}

async function composer(c: DashboardContext, deps: PageDeps, problem?: string, status: 200 | 400 | 403 | 409 = 200): Promise<Response> {
  const { t, group, role, language } = c.var;
  const community = group.communityId ? await deps.services.communities.find(group.communityId) : undefined;
  const recent = await recentAlerts(deps.services, group.id);
  const body = (
    <div>
      {problem ? <p class="problem" role="alert">{problem}</p> : null}
      {!community ? (
        <p class="notice">{t('alerts.no_community')}</p>
      ) : (
        <form method="post" action={groupPath(group.id, 'alerts')} class="card">
          <Csrf c={c} />
          <input type="hidden" name="nonce" value={randomBytes(18).toString('base64url')} />
          <label for="alert-text">{t('alerts.text', { community: community.name })}</label>
          <textarea id="alert-text" name="text" dir="auto" required maxlength={ALERT_MAX}></textarea>
          {roleAtLeast(role, 'admin') ? (
            <label class="inline"><input type="checkbox" name="urgent" value="on" /> {t('alerts.urgent')}</label>
          ) : null}
          <p><button type="submit" id="send-alert">{t('alerts.send')}</button></p>
        </form>
      )}
      <h2>{t('alerts.recent')}</h2>
      {recent.length === 0 ? (
        <p>{t('alerts.none')}</p>
      ) : (
        <ul>
          {recent.map((a) => (
            <li>
              <a href={groupPath(group.id, 'alerts', `/${a.id}`)}>#{a.id}</a> {dateTime(a.createdAt, language, group.timezone)} · <bdi>{a.text.slice(0, 80)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return render(c, deps, { title: t('alerts.title'), body, page: 'alerts', status });
}

/** The alert, when it was sent in this group's community (as /alert status allows). */
async function alertOf(c: DashboardContext, deps: PageDeps) {
  const id = parseNumber(c.req.param('id') ?? '');
  const alert = id === undefined ? undefined : await deps.services.alerts.find(id);
  if (!alert || alert.status !== 'sent' || alert.communityId !== c.var.group.communityId) return undefined;
  return alert;
}

export const alertsPage: DashboardPage = {
  name: 'alerts',
  label: 'alerts.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => composer(c, deps));

    app.post('/', async (c) => {
      const { t, group, session } = c.var;
      const text = field(c.var.form, 'text').trim();
      const urgent = field(c.var.form, 'urgent') === 'on';
      const nonce = field(c.var.form, 'nonce');
      if (!(await deps.mayChange(c, urgent ? 'admin' : 'moderator'))) return composer(c, deps, t('refused.role'), 403);
      if (text === '' || text.length > ALERT_MAX || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return composer(c, deps, t('alerts.error'), 400);
      const community = await deps.services.communities.communityOf(group.id);
      if (!community) return composer(c, deps, t('alerts.no_community'), 400);
      // The form's nonce names this alert: sending the same form twice (a double tap, a retry) finds it again.
      const envelopeId = `dashboard:${group.id}:${nonce}`;
      const now = deps.now();
      const existing = await deps.services.alerts.byEnvelope(envelopeId);
      const outcome = existing
        ? { kind: 'sent' as const, alert: existing }
        : await deps.services.alerts.publish({ communityId: community.id, sourceGroup: group.id, authorId: session.person, text, urgent, envelopeId, now });
      if (outcome.kind === 'duplicate') return composer(c, deps, t('alerts.duplicate', { id: outcome.alert.id }), 409);
      if (!existing) await deps.services.audit.record(group.id, session.person, urgent ? 'dashboard:alert urgent' : 'dashboard:alert', {}, { id: outcome.alert.id });
      await fanOut({
        alert: outcome.alert,
        source: { title: group.title ?? group.id, platform: group.platform },
        groups: await deps.services.communities.groupsOf(community.id),
        outbox: deps.outbox,
        translate,
      });
      return c.redirect(groupPath(group.id, 'alerts', `/${outcome.alert.id}`), 303);
    });

    app.get('/:id/receipts', async (c) => {
      const alert = await alertOf(c, deps);
      if (!alert) return c.json({ error: 'not found' }, 404);
      const receipts = await receiptsOf(deps.services, alert, deps.now());
      const t = c.var.t;
      const stateLabel = stateLabels(t);
      return c.json({
        settled: receipts.settled,
        counts: receipts.counts,
        summary: t('alerts.summary', { ...receipts.counts, total: alert.targets.length }),
        targets: receipts.targets.map((target) => ({ key: cellKey(target.id), state: target.state, label: stateLabel(target) })),
      });
    });

    app.get('/:id', async (c) => {
      const { t, group } = c.var;
      const alert = await alertOf(c, deps);
      if (!alert) return composer(c, deps, t('alerts.not_found'), 400);
      const receipts = await receiptsOf(deps.services, alert, deps.now());
      // Translated once per page, not once per row: a community may have a thousand groups.
      const untitled = t('community.untitled');
      const stateLabel = stateLabels(t);
      const platforms = new Map<string, string>();
      const platformName = (platform: string) => platforms.get(platform) ?? platforms.set(platform, t('platform', { platform })).get(platform)!;
      const body = (
        <div>
          <blockquote class="card" dir="auto">{alert.text}</blockquote>
          <p aria-live="polite" data-live>{t('alerts.summary', { ...receipts.counts, total: alert.targets.length })}</p>
          <div class="scroll">
            <table data-receipts={groupPath(group.id, 'alerts', `/${alert.id}/receipts`)}>
              <thead>
                <tr><th scope="col">{t('community.group')}</th><th scope="col">{t('community.platform')}</th><th scope="col">{t('alerts.state')}</th></tr>
              </thead>
              <tbody>
                {receipts.targets.map((target) => (
                  <tr>
                    <td><bdi>{target.title ?? untitled}</bdi></td>
                    <td>{platformName(target.platform)}</td>
                    <td id={`state-${cellKey(target.id)}`} class={`state-${target.state}`}>{stateLabel(target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p><a href={groupPath(group.id, 'alerts', `/${alert.id}`)}>{t('alerts.refresh')}</a> · <a href={groupPath(group.id, 'alerts')}>{t('alerts.back')}</a></p>
        </div>
      );
      return render(c, deps, { title: t('alerts.receipts_title', { id: alert.id }), body, page: 'alerts' });
    });
  },
};
