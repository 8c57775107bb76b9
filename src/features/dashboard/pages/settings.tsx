// A group's settings: language, time zone, quiet hours (drawn over the week), what happens to members' messages
// during them, the flood limit and the rules. Moderators see them; admins change them, as with the commands.
import { roleAtLeast } from '../../../core/roles.js';
import { languageName, supportedLanguages } from '../../../i18n/index.js';
import { AUTO_ANSWER_SETTING } from '../../faq/service.js';
import { weekdayNames } from '../../quiet-and-flood/describe.js';
import { QUIET_MODES } from '../../quiet-and-flood/quiet-hours.js';
import { rulesSettings } from '../../quiet-and-flood/settings.js';
import { applySettings, readSettingsForm, RULES_MAX, type SettingsError } from '../settings-form.js';
import type { DashboardContext, DashboardPage, PageDeps } from '../web/env.js';
import { field, fields } from '../web/format.js';
import { Csrf, render } from '../web/layout.js';
import { Week } from './week.js';

const DAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

function settingsView(
  c: DashboardContext,
  deps: PageDeps,
  options: { errors?: Map<string, SettingsError>; saved?: number; refused?: boolean; status?: 200 | 400 | 403; submitted?: Record<string, string | string[]> },
) {
  const { t, group, language, role } = c.var;
  const s = rulesSettings(group);
  // A refused form shows what was typed, so it can be corrected rather than typed again.
  const form = options.submitted;
  const text = (name: string, stored: string) => (form ? field(form, name) : stored);
  const checked = (name: string, stored: boolean) => (form ? field(form, name) === 'on' : stored);
  const days = form ? fields(form, 'quiet_days').map(Number) : (s.quietHours?.days ?? [0, 1, 2, 3, 4, 5, 6]);
  const canChange = roleAtLeast(role, 'admin');
  const error = (name: string) => {
    const key = options.errors?.get(name);
    return key ? <p class="error" id={`${name}-error`} role="alert">{t(`settings.error.${key}`)}</p> : null;
  };
  const described = (name: string) => (options.errors?.has(name) ? `${name}-error` : undefined);
  const body = (
    <div>
      {options.saved !== undefined ? <p class="notice" role="status">{t('settings.saved', { count: options.saved })}</p> : null}
      {options.refused ? <p class="problem" role="alert">{t('refused.role')}</p> : null}
      {!canChange ? <p class="notice">{t('settings.admins_only')}</p> : null}
      <form method="post" action={c.req.path}>
        <Csrf c={c} />
        <fieldset disabled={!canChange}>
          <legend>{t('settings.group')}</legend>
          <label for="language">{t('settings.language')}</label>
          <select id="language" name="language" aria-describedby={described('language')}>
            {supportedLanguages().map((code) => <option value={code} selected={code === text('language', group.language)}>{languageName(code)}</option>)}
          </select>
          {error('language')}
          <label for="timezone">{t('settings.timezone')}</label>
          <input id="timezone" name="timezone" type="text" value={text('timezone', group.timezone)} autocomplete="off" spellcheck={false} aria-describedby={described('timezone')} />
          {error('timezone')}
          <label class="inline"><input type="checkbox" name="faq_auto" value="on" checked={checked('faq_auto', group.settings[AUTO_ANSWER_SETTING] === true)} /> {t('settings.faq_auto')}</label>
          <label for="rules">{t('settings.rules')}</label>
          <textarea id="rules" name="rules" dir="auto" maxlength={RULES_MAX} aria-describedby={described('rules')}>{text('rules', group.rules ?? '')}</textarea>
          {error('rules')}
        </fieldset>
        <fieldset disabled={!canChange}>
          <legend>{t('settings.quiet')}</legend>
          <Week hours={s.quietHours} language={language} label={t('settings.week_label')} />
          <label class="inline"><input type="checkbox" name="quiet_on" value="on" checked={checked('quiet_on', Boolean(s.quietHours))} /> {t('settings.quiet_on')}</label>
          <div class="row">
            <div>
              <label for="quiet_start">{t('settings.quiet_start')}</label>
              <input id="quiet_start" name="quiet_start" type="time" value={text('quiet_start', s.quietHours?.start ?? '22:00')} aria-describedby={described('quiet')} />
            </div>
            <div>
              <label for="quiet_end">{t('settings.quiet_end')}</label>
              <input id="quiet_end" name="quiet_end" type="time" value={text('quiet_end', s.quietHours?.end ?? '07:00')} aria-describedby={described('quiet')} />
            </div>
          </div>
          <fieldset>
            <legend>{t('settings.quiet_days')}</legend>
            {DAYS_MONDAY_FIRST.map((day) => (
              <label class="inline">
                <input type="checkbox" name="quiet_days" value={String(day)} checked={days.includes(day)} /> {weekdayNames(language, [day])}
              </label>
            ))}
          </fieldset>
          {error('quiet')}
          <label for="quiet_mode">{t('settings.quiet_mode')}</label>
          <select id="quiet_mode" name="quiet_mode">
            {QUIET_MODES.map((mode) => <option value={mode} selected={mode === text('quiet_mode', s.quietMode)}>{t(`settings.mode.${mode}`)}</option>)}
          </select>
          {error('quiet_mode')}
          <label class="inline"><input type="checkbox" name="quiet_announce" value="on" checked={checked('quiet_announce', s.quietAnnounce)} /> {t('settings.quiet_announce')}</label>
        </fieldset>
        <fieldset disabled={!canChange}>
          <legend>{t('settings.flood')}</legend>
          <label class="inline"><input type="checkbox" name="flood_on" value="on" checked={checked('flood_on', Boolean(s.flood))} /> {t('settings.flood_on')}</label>
          <div class="row">
            <div>
              <label for="flood_messages">{t('settings.flood_messages')}</label>
              <input id="flood_messages" name="flood_messages" type="number" min="1" max="1000" inputmode="numeric" value={text('flood_messages', String(s.flood?.messages ?? 10))} aria-describedby={described('flood')} />
            </div>
            <div>
              <label for="flood_seconds">{t('settings.flood_seconds')}</label>
              <input id="flood_seconds" name="flood_seconds" type="number" min="1" max="3600" inputmode="numeric" value={text('flood_seconds', String(s.flood?.seconds ?? 30))} aria-describedby={described('flood')} />
            </div>
          </div>
          {error('flood')}
        </fieldset>
        {canChange ? <button type="submit" id="save">{t('settings.save')}</button> : null}
      </form>
    </div>
  );
  return render(c, deps, { title: t('settings.title', { group: group.title ?? group.id }), body, page: 'settings', status: options.status });
}

export const settingsPage: DashboardPage = {
  name: 'settings',
  label: 'settings.menu',
  role: 'moderator',
  routes(app, deps) {
    app.get('/', (c) => settingsView(c, deps, {}));
    app.post('/', async (c) => {
      if (!(await deps.mayChange(c, 'admin'))) return settingsView(c, deps, { refused: true, status: 403 });
      // Read again after the role check: the form is compared with what is stored now.
      const group = (await deps.services.groups.find(c.var.group.id))!;
      c.set('group', group);
      const reading = readSettingsForm(c.var.form, group);
      if (!reading.ok) return settingsView(c, deps, { errors: reading.errors, status: 400, submitted: c.var.form });
      const changed = await applySettings(deps.services, group.id, c.var.session.person, reading.changes);
      if (changed) c.set('group', changed);
      return settingsView(c, deps, { saved: reading.changes.length });
    });
  },
};
