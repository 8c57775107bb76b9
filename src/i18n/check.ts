// The locale check the test suite runs over the whole tree: every key in every language, valid ICU, the same
// arguments in every language, and plurals that cover every form the language has. Kept in src/ so a translator can
// run it too: `npx tsx -e "import('./src/i18n/check.ts').then(m => console.log(m.checkLocales(m.loadLocales())))"`.
import { IntlMessageFormat } from 'intl-messageformat';
import { FALLBACK_LANGUAGE, type Messages } from './index.js';

export { loadLocales } from './index.js';

// The few parts of the ICU syntax tree we look at (types of @formatjs/icu-messageformat-parser: 1 argument,
// 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag).
interface Element {
  type: number;
  value?: string;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

interface Plural {
  name: string;
  type: 'cardinal' | 'ordinal';
  selectors: string[];
}

function walk(elements: Element[], args: Set<string>, plurals: Plural[]): void {
  for (const element of elements) {
    if (element.type >= 1 && element.type <= 6 && element.value !== undefined) args.add(element.value);
    if (element.type === 6 && element.options) {
      plurals.push({ name: element.value!, type: element.pluralType ?? 'cardinal', selectors: Object.keys(element.options) });
    }
    for (const option of Object.values(element.options ?? {})) walk(option.value, args, plurals);
    if (element.children) walk(element.children, args, plurals);
  }
}

/** The argument names a message uses, and its plurals; throws on invalid ICU syntax. */
export function analyse(source: string, language: string): { args: Set<string>; plurals: Plural[] } {
  const ast = new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).getAst() as unknown as Element[];
  const args = new Set<string>();
  const plurals: Plural[] = [];
  walk(ast, args, plurals);
  return { args, plurals };
}

/**
 * The plural forms a message in `language` must spell out: every category some whole number from 0 to 999 falls
 * in (Arabic: zero, one, two, few, many, other; Ukrainian: one, few, many; French: one, other — its `many` starts at
 * a million). A category whose numbers all have an exact `=n` branch is covered too.
 */
export function missingPluralForms(language: string, plural: Plural): string[] {
  const rules = new Intl.PluralRules(language, { type: plural.type });
  const numbersOf = new Map<string, number[]>();
  for (let n = 0; n < 1000; n++) {
    const category = rules.select(n);
    numbersOf.set(category, [...(numbersOf.get(category) ?? []), n]);
  }
  const missing: string[] = [];
  for (const [category, numbers] of numbersOf) {
    if (plural.selectors.includes(category)) continue;
    if (numbers.every((n) => plural.selectors.includes(`=${n}`))) continue;
    missing.push(category);
  }
  return missing;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (s: Set<string>) => `{${[...s].sort().join(', ')}}`;

/** Every problem found, one line each; empty when the locales are complete and consistent. */
export function checkLocales(locales: Record<string, Messages>, reference: string = FALLBACK_LANGUAGE): string[] {
  const problems: string[] = [];
  const languages = Object.keys(locales).sort();
  const keys = new Set(languages.flatMap((language) => Object.keys(locales[language]!)));
  for (const key of [...keys].sort()) {
    const argsByLanguage = new Map<string, Set<string>>();
    for (const language of languages) {
      const source = locales[language]![key];
      if (source === undefined) {
        problems.push(`${language}: missing key "${key}"`);
        continue;
      }
      if (typeof source !== 'string' || source.trim() === '') {
        problems.push(`${language}: "${key}" is empty or not a string`);
        continue;
      }
      try {
        const { args, plurals } = analyse(source, language);
        argsByLanguage.set(language, args);
        for (const plural of plurals) {
          const missing = missingPluralForms(language, plural);
          if (missing.length > 0) problems.push(`${language}: "${key}" plural {${plural.name}} lacks ${missing.join(', ')}`);
        }
      } catch (error) {
        problems.push(`${language}: "${key}" is not valid ICU: ${(error as Error).message}`);
      }
    }
    const expected = argsByLanguage.get(reference) ?? argsByLanguage.values().next().value;
    if (!expected) continue;
    for (const [language, args] of argsByLanguage) {
      if (!sameSet(args, expected)) problems.push(`${language}: "${key}" uses ${list(args)}, ${reference} uses ${list(expected)}`);
    }
  }
  return problems;
}
