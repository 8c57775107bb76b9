// The greeting for a burst of newcomers, in one language: the admins' text (or the built-in one) with {name} and
// {group} filled in, then what helps a newcomer: the rules, a few FAQ topics, how to ask for help, and, with
// verification on, what to do before posting.
import type { Group, Translate } from '../../core/context.js';
import { matchLanguage } from '../../i18n/index.js';
import { neutraliseName } from '../../i18n/bidi.js';
import type { Newcomer } from './store.js';
import { welcomeSettings } from './settings.js';

/** How many FAQ topics a greeting names (the rest are one /faq away). */
export const GREETING_TOPICS = 5;
/** How many newcomers a greeting names before saying how many more joined. */
export const GREETING_NAMES = 20;

/**
 * The language of a burst's greeting: the newcomers' own when the platform told it for all of them and it is the same,
 * and the greeting exists in it (the built-in text, or the admins' text translated into it); otherwise the group's.
 */
export function greetingLanguage(group: Pick<Group, 'language' | 'settings'>, newcomers: Newcomer[]): string {
  const languages = new Set(newcomers.map((n) => matchLanguage(n.language)));
  const [only] = [...languages];
  if (languages.size !== 1 || !only || only === group.language) return group.language;
  const settings = welcomeSettings(group);
  if (settings.text !== undefined && settings.translations?.[only] === undefined) return group.language;
  return only;
}

/** "Nadia, Omar and 3 others": the names as the language lists them. */
export function namesOf(newcomers: Newcomer[], language: string, translate: Translate): string {
  const names = newcomers.slice(0, GREETING_NAMES).map((n) => neutraliseName(n.name) || '…');
  const more = newcomers.length - names.length;
  if (more > 0) names.push(translate(language, 'welcome.more_people', { count: more }));
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}

/** `{name}` and `{group}` in an admin's text, filled in; nothing else in it is read as a placeholder. */
export function fillPlaceholders(text: string, values: { name: string; group: string }): string {
  return text.replace(/\{(name|group)\}/g, (_, key: 'name' | 'group') => values[key]);
}

export interface GreetingParts {
  language: string;
  newcomers: Newcomer[];
  group: Pick<Group, 'title' | 'language' | 'settings' | 'rules' | 'timezone'>;
  /** FAQ questions to name, in the greeting's language where they have it. */
  topics: string[];
  /** Verification: a button to press (`button`) or a word to answer (`word`). */
  verify?: { word?: string; minutes: number };
}

export function greetingText(parts: GreetingParts, translate: Translate): string {
  const { language, group } = parts;
  const t = (key: string, params?: Record<string, unknown>) => translate(language, key, params, { timeZone: group.timezone });
  const names = namesOf(parts.newcomers, language, translate);
  const title = group.title ?? t('welcome.this_group');
  const settings = welcomeSettings(group);
  const custom = settings.off === true ? undefined : (settings.translations?.[language] ?? (language === group.language ? settings.text : undefined));
  const paragraphs: string[] = [];
  if (settings.off !== true || parts.verify) {
    paragraphs.push(custom !== undefined ? fillPlaceholders(custom, { name: names, group: title }) : t('welcome.default', { name: names, group: title }));
  }
  if (group.rules) paragraphs.push(t('welcome.rules', { rules: group.rules }));
  if (parts.topics.length > 0) paragraphs.push(t('welcome.topics', { topics: parts.topics.map((q) => `• ${q}`).join('\n') }));
  paragraphs.push(t('welcome.need'));
  if (parts.verify) {
    paragraphs.push(
      parts.verify.word !== undefined
        ? t('welcome.verify.word', { word: parts.verify.word, minutes: parts.verify.minutes })
        : t('welcome.verify.button', { minutes: parts.verify.minutes }),
    );
  }
  return paragraphs.join('\n\n');
}
