// Each command's main reply in all five languages, end to end through the test adapter: `/lang <code>`, then the
// command. Expected texts come from the locale files, and each must differ from the English one (really translated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageName, supportedLanguages, translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk'];

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestApp();
});
afterAll(async () => {
  await bot.stop();
});

/** A translation, checked to be one (not the English fallback) for a language other than English. */
function expected(language: string, key: string, params?: Record<string, unknown>): string {
  const text = translate(language, key, params);
  if (language !== 'en') expect(text, `${language} ${key}`).not.toBe(translate('en', key, params));
  return text;
}

/** The translation with one argument left free (the current time), as a pattern. */
function pattern(language: string, key: string, params: Record<string, unknown>, free: string): RegExp {
  const text = expected(language, key, { ...params, [free]: '\u0000' });
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '.+')}$`, 's');
}

describe.each(LANGUAGES)('in %s', (language) => {
  const group = `lang-${language}`;
  const admin = () => bot.chat(group, 'ada', 'Ada').as('admin');
  const member = () => bot.chat(group, 'sam', 'Sam');
  // Each test also runs alone (-t): the group speaks `language` before any of them.
  beforeAll(async () => {
    await admin().send(`/lang ${language}`);
  });

  it('/lang switches the group and answers in the new language; /lang lists languages by their own names', async () => {
    const [set] = await admin().send(`/lang ${language}`);
    expect(set!.text).toBe(language === 'en' ? translate('en', 'lang.set') : expected(language, 'lang.set'));
    const available = supportedLanguages()
      .map((code) => `${code} (${languageName(code)})`)
      .join(', ');
    expect(available).toBe('ar (العربية), en (English), es (Español), fr (Français), uk (Українська)');
    const [shown] = await member().send('/lang');
    expect(shown!.text).toBe(expected(language, 'lang.show', { language: languageName(language), code: language, available }));
  });

  it('/rules, /setrules, /clearrules', async () => {
    expect((await member().send('/rules'))[0]!.text).toBe(expected(language, 'rules.none'));
    expect((await admin().send('/setrules Be kind. Say bonjour.'))[0]!.text).toBe(expected(language, 'rules.set'));
    expect((await member().send('/rules'))[0]!.text).toBe(expected(language, 'rules.show', { rules: 'Be kind. Say bonjour.' }));
    expect((await admin().send('/clearrules'))[0]!.text).toBe(expected(language, 'rules.cleared'));
  });

  it('/help lists and explains commands', async () => {
    const [list] = await member().send('/help');
    const lines = [`/rules — ${translate(language, 'commands.rules.description')}`];
    expect(list!.text.startsWith(expected(language, 'help.list_member', { commands: lines.join('\n') }).split('\n')[0]!)).toBe(true);
    expect(list!.text).toContain(expected(language, 'commands.rules.description'));
    const [one] = await admin().send('/help setrules');
    const usage = `/setrules <${expected(language, 'args.text')}>`;
    expect(one!.text).toBe(translate(language, 'help.command', { description: expected(language, 'commands.setrules.description'), usage }));
  });

  it('/timezone shows and sets the zone', async () => {
    expect((await admin().send('/timezone Europe/Kyiv'))[0]!.text).toBe(expected(language, 'timezone.set', { zone: 'Europe/Kyiv' }));
    const [shown] = await member().send('/timezone');
    expect(shown!.text).toMatch(pattern(language, 'timezone.show', { zone: 'Europe/Kyiv' }, 'time'));
  });

  it('/forgetme answers with a count in the language’s plural form', async () => {
    const [done] = await member().send('/forgetme');
    const forms = Array.from({ length: 50 }, (_, count) => translate(language, 'forgetme.done', { count }));
    expect(forms).toContain(done!.text);
    if (language !== 'en') expect(done!.text).not.toBe(translate('en', 'forgetme.done', { count: forms.indexOf(done!.text) }));
  });

  it('refusals, usage lines and unknown commands', async () => {
    expect((await member().send('/setrules No dogs'))[0]!.text).toBe(expected(language, 'errors.needs_admin', { command: '/setrules' }));
    const usage = `/setrules <${translate(language, 'args.text')}>`;
    expect((await admin().send('/setrules'))[0]!.text).toBe(expected(language, 'errors.usage', { usage }));
    expect((await member().send('/frobnicate'))[0]!.text).toBe(expected(language, 'errors.unknown_command', { command: 'frobnicate' }));
  });

  // Other features' commands, as a fresh group first sees them (skipped if a command is not registered).
  it.each([
    ['/quiet', 'quiet.none'],
    ['/flood', 'flood.none'],
    ['/faq', 'faq.empty'],
    ['/community', 'community.none'],
    ['/bridge', 'bridge.none'],
    ['/requests', 'request.list_none'],
    ['/alert Water cut on Monday', 'alerts.no_community'],
  ])('%s answers in this language', async (text, key) => {
    if (!bot.app.services.commands.get(text.slice(1).split(' ')[0]!)) return;
    const [reply] = await admin().send(text);
    expect(reply!.text).toBe(expected(language, key));
  });

  it('/help <command> gives every registered command’s description in this language', async () => {
    for (const command of bot.app.services.commands.all()) {
      const [reply] = await admin().send(`/help ${command.name}`);
      expect(reply!.text).toContain(expected(language, `commands.${command.name}.description`));
    }
  });
});
