// The audit: the group's latest changes, who made them (by name, never a raw id) and when, in the group's zone.
// Admins, as /audit.
import type { DashboardPage } from '../web/env.js';
import { dateTime } from '../web/format.js';
import { render } from '../web/layout.js';

const SHOWN = 50;
const VALUE_CHARS = 80;

/** A stored value in a few characters: quiet hours as a range, a flood limit as n/s, text shortened. */
export function brief(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.start === 'string' && typeof v.end === 'string') {
      const days = Array.isArray(v.days) ? ` [${v.days.join(',')}]` : '';
      return `${v.start}-${v.end} ${String(v.timeZone ?? '')}${days}`.trim();
    }
    if (typeof v.messages === 'number' && typeof v.seconds === 'number') return `${v.messages}/${v.seconds}s`;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

export const auditPage: DashboardPage = {
  name: 'audit',
  label: 'audit.menu',
  role: 'admin',
  routes(app, deps) {
    app.get('/', async (c) => {
      const { t, group, language } = c.var;
      const entries = await deps.services.audit.latest(group.id, SHOWN);
      const names = await deps.services.people.names(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])));
      const body =
        entries.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <div class="scroll">
            <table id="audit" class="stack">
              <thead>
                <tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.change')}</th></tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const before = (entry.before ?? {}) as Record<string, unknown>;
                  const after = (entry.after ?? {}) as Record<string, unknown>;
                  return (
                    <tr>
                      <td data-label={t('audit.when')}>{dateTime(entry.at, language, group.timezone)}</td>
                      <td data-label={t('audit.who')}>{(entry.actorId ? names.get(entry.actorId) : undefined) ?? t('audit.someone')}</td>
                      <td data-label={t('audit.what')}>{entry.action}</td>
                      <td data-label={t('audit.change')}>
                        {Object.keys(after).map((key) => (
                          <div>{t('audit.value', { key, before: brief(before[key]), after: brief(after[key]) })}</div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      return render(c, deps, { title: t('audit.title'), body, page: 'audit' });
    });
  },
};
