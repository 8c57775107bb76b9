// Every key in every locale, valid ICU, the same arguments in every language, plurals covering each language's
// forms — over the whole tree, whichever feature's area files are in it. And the check itself must catch each fault.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocales } from '../../src/i18n/check.js';
import { LOCALES_DIR, loadLocales, supportedLanguages } from '../../src/i18n/index.js';

describe('the locale files', () => {
  it('speak the five languages', () => {
    expect(supportedLanguages()).toEqual(['ar', 'en', 'es', 'fr', 'uk']);
  });

  it('have every key in every language, the same arguments everywhere, and complete plurals', () => {
    expect(checkLocales(loadLocales())).toEqual([]);
  });
});

describe('the locale check', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A copy of the real locale tree with one file edited. */
  function copyWith(language: string, file: string, edit: (messages: Record<string, string>) => void): string {
    dir = mkdtempSync(path.join(tmpdir(), 'quartier-locales-'));
    cpSync(LOCALES_DIR, dir, { recursive: true });
    const target = path.join(dir, language, file);
    const messages = JSON.parse(readFileSync(target, 'utf8')) as Record<string, string>;
    edit(messages);
    writeFileSync(target, JSON.stringify(messages, null, 2));
    return dir;
  }

  it('fails when a key is removed from one locale', () => {
    const copy = copyWith('uk', 'core.json', (m) => delete m['rules.none']);
    expect(checkLocales(loadLocales(copy))).toContain('uk: missing key "rules.none"');
  });

  it('fails when a placeholder is renamed in one language', () => {
    const copy = copyWith('es', 'core.json', (m) => (m['rules.show'] = 'Las normas de este grupo:\n{reglas}'));
    expect(checkLocales(loadLocales(copy))).toContain('es: "rules.show" uses {reglas}, en uses {rules}');
  });

  it('fails when an Arabic plural lacks a form Arabic has', () => {
    const copy = copyWith('ar', 'core.json', (m) => (m['forgetme.done'] = '{count, plural, one {سجل واحد} other {# سجل}}'));
    expect(checkLocales(loadLocales(copy))).toContain('ar: "forgetme.done" plural {count} lacks zero, two, few, many');
  });

  it('fails on a message that is not valid ICU', () => {
    const copy = copyWith('fr', 'core.json', (m) => (m['rules.cleared'] = 'Le règlement {est supprimé.'));
    expect(checkLocales(loadLocales(copy)).some((p) => p.startsWith('fr: "rules.cleared" is not valid ICU'))).toBe(true);
  });
});
