// Every user-visible sentence lives in a locale file (src/i18n/locales/<code>.json) as an ICU message, so plurals
// and placeholders follow each language's own rules. A group set to French answers in French.
import { IntlMessageFormat } from 'intl-messageformat';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import type { Translate } from '../core/context.js';

export type Messages = Record<string, string>;

export const LOCALES: Record<string, Messages> = { en, fr };

/** Fallback language for a key missing from a locale (the missing-key test keeps this from happening). */
export const FALLBACK_LANGUAGE = 'en';

export function isSupportedLanguage(code: string): boolean {
  return Object.hasOwn(LOCALES, code);
}

export function supportedLanguages(): string[] {
  return Object.keys(LOCALES);
}

/** Picks the supported language for a platform hint like `fr-FR` or `pt_BR`, if any. */
export function matchLanguage(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  const code = hint.toLowerCase().split(/[-_]/)[0]!;
  return isSupportedLanguage(code) ? code : undefined;
}

const cache = new Map<string, IntlMessageFormat>();

export const translate: Translate = (language, key, params) => {
  const lang = isSupportedLanguage(language) ? language : FALLBACK_LANGUAGE;
  const source = LOCALES[lang]?.[key] ?? LOCALES[FALLBACK_LANGUAGE]?.[key];
  if (source === undefined) return key;
  const cacheKey = `${lang}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, lang, undefined, { ignoreTag: true });
    cache.set(cacheKey, format);
  }
  return String(format.format(params as Record<string, string | number>));
};

/** A language's name in that language ("Français"), as /lang lists them. */
export function languageName(code: string): string {
  return translate(code, 'language.name');
}
