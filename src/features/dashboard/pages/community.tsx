// The community: for each of the session's groups, the community it belongs to with every member group (platform,
// active or gone, last activity), and the group's bridges with their health.
import { unqualify } from '../../../core/envelope.js';
import type { DashboardContext, PageDeps } from '../web/env.js';
import { dateTime, groupPath } from '../web/format.js';
import { render } from '../web/layout.js';

export async function communityPage(c: DashboardContext, deps: PageDeps): Promise<Response> {
  const { t, language, session } = c.var;
  const { services } = deps;
  const sections = await Promise.all(
    session.groups.map(async (id) => {
      const group = await services.groups.find(id);
      const community = group?.communityId ? await services.communities.find(group.communityId) : undefined;
      const members = community ? await services.communities.groupsOf(community.id) : [];
      const links = await services.bridge.linksOf(id);
      const activity = await services.dashboard.activity.lastOf([id, ...members.map((m) => m.id), ...links.map((l) => l.chatId)]);
      return { id, group, community, members, links, activity };
    }),
  );
  const when = (at: number | undefined, zone: string) => (at ? dateTime(at, language, zone) : t('never'));
  const body = (
    <div>
      {sections.map(({ id, group, community, members, links, activity }) => {
        const zone = group?.timezone ?? 'UTC';
        return (
          <section class="card" aria-labelledby={`g-${encodeURIComponent(id)}`}>
            <h2 id={`g-${encodeURIComponent(id)}`}>
              <a href={groupPath(id, 'settings')}>{group?.title ?? id}</a>{' '}
              <span class="muted">{t('platform', { platform: unqualify(id).platform })}</span>
            </h2>
            <p class="muted">{t('community.last_activity', { when: when(activity.get(id), zone) })}</p>
            <h3>{community ? t('community.name', { name: community.name }) : t('community.none')}</h3>
            {community ? (
              <div class="scroll">
                <table>
                  <thead>
                    <tr><th scope="col">{t('community.group')}</th><th scope="col">{t('community.platform')}</th><th scope="col">{t('community.state')}</th><th scope="col">{t('community.activity')}</th></tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr>
                        <td>{m.title ?? t('community.untitled')}</td>
                        <td>{t('platform', { platform: m.platform })}</td>
                        <td>{m.active ? t('community.active') : t('community.gone')}</td>
                        <td>{when(activity.get(m.id), zone)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <h3>{t('bridges.title')}</h3>
            {links.length === 0 ? (
              <p>{t('bridges.none')}</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr><th scope="col">{t('community.group')}</th><th scope="col">{t('community.platform')}</th><th scope="col">{t('bridges.health')}</th><th scope="col">{t('bridges.waiting')}</th></tr>
                  </thead>
                  <tbody>
                    {links.map((link) => (
                      <tr>
                        <td>{link.title ?? t('community.untitled')}</td>
                        <td>{t('platform', { platform: unqualify(link.chatId).platform })}</td>
                        <td class={link.failingSince ? 'state-failed' : 'state-delivered'}>
                          {link.failingSince
                            ? t('bridges.failing', { since: when(link.failingSince, zone), failures: link.failures })
                            : t('bridges.ok', { when: when(link.lastRelayedAt, zone) })}
                        </td>
                        <td>{link.queued}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
  return render(c, deps, { title: t('community.title'), body });
}
