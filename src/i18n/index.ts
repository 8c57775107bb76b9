// Every user-visible sentence lives in a locale file as an ICU message, so plurals and placeholders follow each
// language's own rules. A group set to French answers in French.
//
// Layout: the shared sentences in src/i18n/locales/<language>/<area>.json (core, access), and each feature's beside
// its code in src/features/<name>/locales/<language>.json, so a feature folder holds everything it says. All files of
// a language are merged; a key defined twice is an error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Translate } from '../core/context.js';
import { isolateCommands, isolateValues, neutraliseValues } from './bidi.js';
import { formattersIn } from './dates.js';

export type Messages = Record<string, string>;

export const LOCALES_DIR = fileURLToPath(new URL('./locales', import.meta.url));
export const FEATURES_DIR = fileURLToPath(new URL('../features', import.meta.url));

/** The locale files of every feature folder that has some: `<features>/<name>/locales/<language>.json`. */
function featureLocaleFiles(featuresDir: string): { language: string; file: string }[] {
  if (!existsSync(featuresDir)) return [];
  return readdirSync(featuresDir)
    .sort()
    .map((name) => path.join(featuresDir, name, 'locales'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ language: f.slice(0, -'.json'.length), file: path.join(dir, f) })),
    );
}

export function loadLocales(dir: string = LOCALES_DIR, featuresDir: string = FEATURES_DIR): Record<string, Messages> {
  const files = [
    ...readdirSync(dir)
      .sort()
      .flatMap((language) =>
        readdirSync(path.join(dir, language))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => ({ language, file: path.join(dir, language, f) })),
      ),
    ...featureLocaleFiles(featuresDir),
  ];
  const locales: Record<string, Messages> = {};
  for (const { language, file } of files) {
    const messages = (locales[language] ??= {});
    const content = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    for (const [key, value] of Object.entries(content)) {
      if (key in messages) throw new Error(`locale ${language}: key "${key}" defined twice (${file})`);
      messages[key] = value;
    }
  }
  return locales;
}

export const LOCALES: Record<string, Messages> = loadLocales();

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

/** Languages written right to left: their replies get directional isolates (see bidi.ts). */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(language);
}

const cache = new Map<string, IntlMessageFormat>();

/**
 * Formats one message. Date arguments (`{at, time, short}`, `{day, date, long}`, skeletons too) are shown in
 * `options.timeZone` (the group's zone; UTC when absent), through formatters that add the zone to every date format.
 * String arguments never carry a bidirectional control past their own end (see bidi.ts). For a right-to-left
 * language, string arguments (names, commands, rules text) and the commands written in the
 * message itself are wrapped in Unicode directional isolates, so Latin text inside Arabic displays in order.
 */
export const translate: Translate = (language, key, params, options = {}) => {
  const lang = isSupportedLanguage(language) ? language : FALLBACK_LANGUAGE;
  const messages = LOCALES[lang]?.[key] !== undefined ? lang : FALLBACK_LANGUAGE;
  const source = LOCALES[messages]?.[key];
  if (source === undefined) return key;
  const timeZone = options.timeZone ?? 'UTC';
  const rtl = isRightToLeft(messages);
  const cacheKey = `${messages}\u0000${key}\u0000${timeZone}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(rtl ? isolateCommands(source) : source, messages, undefined, {
      ignoreTag: true,
      formatters: formattersIn(timeZone),
    });
    cache.set(cacheKey, format);
  }
  // Every argument is user text or built from it: its own bidirectional controls are balanced in every language.
  const values = params ? (rtl ? isolateValues(params) : neutraliseValues(params)) : params;
  return String(format.format(values as Record<string, string | number>));
};

/** A language's name in that language ("Français"), as /lang lists them. */
export function languageName(code: string): string {
  return translate(code, 'language.name');
}
