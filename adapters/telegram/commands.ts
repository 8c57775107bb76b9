// The command menu Telegram shows when a user types "/": setMyCommands per language, members' commands for
// everyone, every command for chat administrators (Telegram's own notion, which covers our moderators and admins).
import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { CommandMenuEntry } from '../../src/core/adapter.js';

const DEFAULT_LANGUAGE = 'en';
const MAX_COMMANDS = 100;
const MAX_DESCRIPTION = 256;

function describe(entry: CommandMenuEntry, language: string): string {
  const text =
    entry.descriptions[language] ??
    Object.entries(entry.descriptions).find(([code]) => code.slice(0, 2).toLowerCase() === language)?.[1] ??
    entry.descriptions[DEFAULT_LANGUAGE] ?? Object.values(entry.descriptions)[0] ?? entry.name;
  const oneLine = text.replace(/\s+/g, ' ').trim() || entry.name;
  return oneLine.length > MAX_DESCRIPTION ? `${oneLine.slice(0, MAX_DESCRIPTION - 1)}…` : oneLine;
}

/** The calls to make, exposed for tests: one per (scope, language). */
export function buildCommandMenus(entries: CommandMenuEntry[]): { scope: 'default' | 'all_chat_administrators'; language?: string; commands: BotCommand[] }[] {
  const valid = entries.filter((e) => /^[a-z0-9_]{1,32}$/.test(e.name)).slice(0, MAX_COMMANDS);
  // Telegram takes two-letter ISO 639-1 codes; 'pt-BR' becomes 'pt'.
  const languages = new Set<string>([DEFAULT_LANGUAGE]);
  for (const e of valid) {
    for (const code of Object.keys(e.descriptions)) {
      const two = code.slice(0, 2).toLowerCase();
      if (/^[a-z]{2}$/.test(two)) languages.add(two);
    }
  }
  const menus: ReturnType<typeof buildCommandMenus> = [];
  for (const language of languages) {
    const code = language === DEFAULT_LANGUAGE ? undefined : language;
    const all = valid.map((e) => ({ command: e.name, description: describe(e, language) }));
    const forMembers = valid.filter((e) => e.role === 'member').map((e) => ({ command: e.name, description: describe(e, language) }));
    menus.push({ scope: 'default', language: code, commands: forMembers });
    menus.push({ scope: 'all_chat_administrators', language: code, commands: all });
  }
  return menus;
}

export async function registerTelegramCommands(api: Api, entries: CommandMenuEntry[]): Promise<void> {
  for (const menu of buildCommandMenus(entries)) {
    await api.setMyCommands(menu.commands, {
      scope: menu.scope === 'default' ? { type: 'default' } : { type: 'all_chat_administrators' },
      // grammY types language_code as a closed list of codes; any two-letter code is valid for Telegram.
      ...(menu.language ? { language_code: menu.language as LanguageCode } : {}),
    });
  }
}
