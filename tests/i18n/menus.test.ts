// Command menus in every language: Telegram setMyCommands per language_code, Discord description_localizations
// (command names stay the same everywhere; Discord has no Arabic locale, so Arabic speakers there see English).
import { describe, expect, it } from 'vitest';
import { toApplicationCommands } from '../../adapters/discord/commands.js';
import { buildCommandMenus } from '../../adapters/telegram/commands.js';
import { allCommands } from '../../src/features/index.js';
import { commandMenu } from '../../src/app.js';
import { translate } from '../../src/i18n/index.js';

const menu = commandMenu(allCommands);

describe('command menus', () => {
  it('carry a description in each of the five languages', () => {
    for (const entry of menu) expect(Object.keys(entry.descriptions).sort()).toEqual(['ar', 'en', 'es', 'fr', 'uk']);
    const rules = menu.find((e) => e.name === 'rules')!;
    expect(rules.descriptions).toMatchObject({ ar: 'عرض قواعد المجموعة', uk: 'показати правила групи', es: 'ver las normas del grupo' });
  });

  it('Telegram: one setMyCommands per language_code and scope, English as the default', () => {
    const menus = buildCommandMenus(menu);
    expect(new Set(menus.map((m) => m.language ?? 'default'))).toEqual(new Set(['default', 'fr', 'es', 'ar', 'uk']));
    const arabicMembers = menus.find((m) => m.language === 'ar' && m.scope === 'default')!;
    expect(arabicMembers.commands).toContainEqual({ command: 'rules', description: 'عرض قواعد المجموعة' });
    const ukrainianAdmins = menus.find((m) => m.language === 'uk' && m.scope === 'all_chat_administrators')!;
    expect(ukrainianAdmins.commands).toContainEqual({ command: 'setrules', description: translate('uk', 'commands.setrules.description') });
  });

  it('Discord: descriptions localised for fr, es-ES, es-419 and uk, no Arabic locale, names unchanged', () => {
    const { body } = toApplicationCommands(menu);
    for (const command of body.filter((c) => c.type === 1)) {
      expect(Object.keys(command.description_localizations ?? {}).sort()).toEqual(['es-419', 'es-ES', 'fr', 'uk']);
      expect(command).not.toHaveProperty('name_localizations');
    }
    // A message menu entry is named in the person's language, as Discord shows it, and has no description.
    const report = body.find((c) => c.type === 3)!;
    expect(report).toMatchObject({ name: 'Report to moderators', description: '' });
    expect(report.name_localizations).toEqual({
      fr: translate('fr', 'commands.report.menu'),
      'es-ES': translate('es', 'commands.report.menu'),
      'es-419': translate('es', 'commands.report.menu'),
      uk: translate('uk', 'commands.report.menu'),
    });
    const lang = body.find((c) => c.name === 'lang')!;
    expect(lang.description).toBe(translate('en', 'commands.lang.description'));
    expect(lang.description_localizations).toMatchObject({
      uk: translate('uk', 'commands.lang.description'),
      'es-ES': translate('es', 'commands.lang.description'),
    });
    const option = lang.options![0]!;
    expect(option.description_localizations).toMatchObject({ uk: 'код', 'es-419': 'código' });
  });
});
