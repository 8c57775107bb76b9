// The group settings form: read with the parsers and rules the commands use (/lang, /timezone, /quiet, /flood,
// /setrules, /faq auto), so the dashboard accepts exactly what the chat accepts. Nothing is changed unless every field reads;
// each field that differs from the stored value becomes one audited change named after its command.
import type { Group, Services } from '../../core/context.js';
import type { QualifiedId } from '../../core/envelope.js';
import type { GroupChange } from '../../db/groups.js';
import { isSupportedLanguage } from '../../i18n/index.js';
import { AUTO_ANSWER_SETTING } from '../faq/service.js';
import { canonicalTimeZone } from '../../i18n/time-zones.js';
import { parseDuration } from '../quiet-and-flood/args.js';
import { parseQuietArgs, QUIET_MODES, type QuietHours, type QuietMode } from '../quiet-and-flood/quiet-hours.js';
import { floodLimitSchema, rulesSettings, SETTING } from '../quiet-and-flood/settings.js';
import { field, fields } from './web/format.js';

/** The longest rules text: what one chat message can carry on the strictest platform (Telegram, 4096). */
export const RULES_MAX = 4096;

/** Day numbers (0 = Sunday) as /quiet's day words. */
const DAY_WORDS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface PlannedChange {
  /** The audit action: the command's own, marked as made on the dashboard. */
  action: string;
  change: GroupChange;
  /** What the command does after the same change. */
  then?: 'schedule-announcement' | 'release-held' | 'forget-delete-refusal';
}

export type SettingsError = 'language' | 'timezone' | `quiet.${string}` | 'quiet_mode' | 'flood' | 'rules';
export type FormReading = { ok: true; changes: PlannedChange[] } | { ok: false; errors: Map<string, SettingsError> };

/** `5` → 5; `30`, `30s`, `1m` → seconds, as /flood reads its seconds. */
function seconds(text: string): number {
  if (/^\d+$/.test(text.trim())) return Number(text);
  const ms = parseDuration(text);
  return ms !== null && ms % 1000 === 0 ? ms / 1000 : NaN;
}

function sameQuiet(a: QuietHours | undefined, b: QuietHours | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function dashboardAction(command: string): string {
  return `dashboard:${command}`;
}

export function readSettingsForm(form: Record<string, string | string[]>, group: Group): FormReading {
  const errors = new Map<string, SettingsError>();
  const changes: PlannedChange[] = [];
  const current = rulesSettings(group);

  const language = field(form, 'language');
  if (!isSupportedLanguage(language)) errors.set('language', 'language');
  else if (language !== group.language) changes.push({ action: dashboardAction('lang'), change: { language, settings: { languageChosen: true } } });

  // /timezone: Area/City zones (and UTC) only; abbreviations like CET are ambiguous across the year.
  const zoneText = field(form, 'timezone').trim();
  const zone = canonicalTimeZone(zoneText);
  if (!zone || !(zone.includes('/') || zone === 'UTC')) errors.set('timezone', 'timezone');
  else if (zone !== group.timezone) changes.push({ action: dashboardAction('timezone'), change: { timezone: zone } });

  const rules = field(form, 'rules').replace(/\r\n/g, '\n').trim();
  if (rules.length > RULES_MAX) errors.set('rules', 'rules');
  else if (rules === '' && group.rules) changes.push({ action: dashboardAction('clearrules'), change: { rules: null } });
  else if (rules !== '' && rules !== group.rules) changes.push({ action: dashboardAction('setrules'), change: { rules } });

  if (field(form, 'quiet_on') === 'on') {
    const days = fields(form, 'quiet_days').map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
    // The quiet hours follow the group's zone as it will be after this form (a zone of their own is kept otherwise).
    const quietZone = zone && zone !== group.timezone ? zone : (current.quietHours?.timeZone ?? group.timezone);
    const words = [`${field(form, 'quiet_start')}-${field(form, 'quiet_end')}`];
    if (days.length === 0) errors.set('quiet', 'quiet.days');
    else if (days.length < 7) words.push(days.map((d) => DAY_WORDS[d]).join(','));
    const parsed = parseQuietArgs(words, quietZone);
    if (!parsed.ok) {
      if (!errors.has('quiet')) errors.set('quiet', `quiet.${parsed.error}`);
    } else if (!sameQuiet(parsed.value, current.quietHours)) {
      changes.push({ action: dashboardAction('quiet'), change: { settings: { [SETTING.quietHours]: parsed.value } }, then: 'schedule-announcement' });
    }
  } else if (current.quietHours) {
    changes.push({ action: dashboardAction('quiet off'), change: { settings: { [SETTING.quietHours]: undefined } }, then: 'release-held' });
  }

  const mode = field(form, 'quiet_mode') as QuietMode;
  if (!QUIET_MODES.includes(mode)) errors.set('quiet_mode', 'quiet_mode');
  else if (mode !== current.quietMode) changes.push({ action: dashboardAction('quiet mode'), change: { settings: { [SETTING.quietMode]: mode } }, then: 'forget-delete-refusal' });

  const announce = field(form, 'quiet_announce') === 'on';
  if (announce !== current.quietAnnounce) {
    changes.push({ action: dashboardAction('quiet announce'), change: { settings: { [SETTING.quietAnnounce]: announce } }, then: 'schedule-announcement' });
  }

  if (field(form, 'flood_on') === 'on') {
    const limit = floodLimitSchema.safeParse({
      messages: /^\d+$/.test(field(form, 'flood_messages').trim()) ? Number(field(form, 'flood_messages')) : NaN,
      seconds: seconds(field(form, 'flood_seconds')),
    });
    if (!limit.success) errors.set('flood', 'flood');
    else if (JSON.stringify(limit.data) !== JSON.stringify(current.flood ?? null)) {
      changes.push({ action: dashboardAction('flood'), change: { settings: { [SETTING.flood]: limit.data } } });
    }
  } else if (current.flood) {
    changes.push({ action: dashboardAction('flood off'), change: { settings: { [SETTING.flood]: undefined } } });
  }

  // /faq auto on|off.
  const faqAuto = field(form, 'faq_auto') === 'on';
  if (faqAuto !== (group.settings[AUTO_ANSWER_SETTING] === true)) {
    changes.push({ action: dashboardAction('faq_auto'), change: { settings: { [AUTO_ANSWER_SETTING]: faqAuto } } });
  }

  return errors.size > 0 ? { ok: false, errors } : { ok: true, changes };
}

/** Applies the changes in order, each audited in its own transaction, then what the command does after it. */
export async function applySettings(services: Services, groupId: QualifiedId, actor: QualifiedId, changes: PlannedChange[]): Promise<Group | undefined> {
  let group: Group | undefined;
  for (const planned of changes) {
    group = await services.groups.change(groupId, actor, planned.action, planned.change);
    if (planned.then === 'schedule-announcement') await services.rules.scheduleAnnouncement(group);
    if (planned.then === 'release-held') await services.rules.held.release(groupId);
    if (planned.then === 'forget-delete-refusal') await services.rules.forgetDeleteRefusal(groupId);
  }
  return group;
}
