// Slash command registration: Quartier's command menu → Discord application commands (bulk overwrite), and the
// "shapes" normalize.ts needs to turn an invocation back into `/name sub arg…` text.
//
// Discord makes a command with sub-commands unusable on its own (`/faq` alone cannot be sent once `/faq add`
// exists). Quartier has bare forms (`/faq`, `/faq <question>`, `/quiet 22:00-07:00`), so an entry with
// sub-commands also gets one extra sub-command carrying the entry's own arguments: named after its first argument
// (`/faq question:…`), or `show` when it has none. normalize drops that name again, so the pipeline sees `/faq …`.
import type { CommandMenuEntry } from '../../src/core/adapter.js';
import type { Role } from '../../src/core/roles.js';

export interface CommandShape {
  /** A message menu entry's shape (keyed `menu:<label>`): the command it runs as a reply to the chosen message. */
  menuFor?: string;
  /** The entry's own arguments, in declaration order. */
  args: string[];
  /** Arguments of each sub-command, in declaration order. */
  subcommands: Record<string, string[]>;
  /** The extra sub-command standing for the bare form, whose name is not part of the command text. */
  bareSub?: string;
}

export type CommandShapes = ReadonlyMap<string, CommandShape>;

/** Discord permission bits (https://discord.com/developers/docs/topics/permissions). */
export const MANAGE_GUILD = 1n << 5n;
export const MANAGE_MESSAGES = 1n << 13n;

const OPTION_STRING = 3;
const OPTION_SUB_COMMAND = 1;

/** Our language codes → Discord locales (https://discord.com/developers/docs/reference#locales). */
const LOCALES: Record<string, string> = {
  fr: 'fr', de: 'de', it: 'it', nl: 'nl', pl: 'pl', da: 'da', fi: 'fi', hr: 'hr', hu: 'hu', lt: 'lt', ro: 'ro', cs: 'cs',
  el: 'el', bg: 'bg', ru: 'ru', uk: 'uk', hi: 'hi', th: 'th', ja: 'ja', ko: 'ko', tr: 'tr', vi: 'vi', id: 'id', no: 'no',
  nb: 'no', es: 'es-ES', pt: 'pt-BR', sv: 'sv-SE', zh: 'zh-CN',
};
/** Discord splits some languages in two locales; the same text serves both (Latin American Spanish is es-419). */
const MORE_LOCALES: Record<string, string[]> = { es: ['es-419'] };

/** Discord's application command types: a slash command, and an entry of a message's Apps menu. */
const CHAT_INPUT = 1;
const MESSAGE = 3;

/** How normalize.ts finds the command a message menu entry runs, by the entry's (English) name. */
export const menuKey = (label: string) => `menu:${label}`;

export interface ApplicationCommandBody {
  name: string;
  name_localizations?: Record<string, string>;
  type: typeof CHAT_INPUT | typeof MESSAGE;
  description: string;
  description_localizations?: Record<string, string>;
  default_member_permissions: string | null;
  options?: OptionBody[];
}

interface OptionBody {
  type: number;
  name: string;
  description: string;
  description_localizations?: Record<string, string>;
  required?: boolean;
  choices?: { name: string; value: string }[];
  options?: OptionBody[];
}

type Arg = CommandMenuEntry['args'][number];

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}

function describe(descriptions: Record<string, string>, fallback: string): Pick<OptionBody, 'description' | 'description_localizations'> {
  const description = clip(descriptions.en ?? Object.values(descriptions)[0] ?? fallback, 100) || fallback;
  const localizations: Record<string, string> = {};
  for (const [language, text] of Object.entries(descriptions)) {
    const locale = LOCALES[language.toLowerCase()];
    if (locale && text.trim()) localizations[locale] = clip(text, 100);
    for (const more of MORE_LOCALES[language.toLowerCase()] ?? []) if (text.trim()) localizations[more] = clip(text, 100);
  }
  return Object.keys(localizations).length > 0 ? { description, description_localizations: localizations } : { description };
}

function argOptions(args: Arg[]): OptionBody[] {
  const options = args.map((arg) => ({
    type: OPTION_STRING,
    name: arg.name.toLowerCase(),
    ...describe(arg.descriptions, arg.name),
    required: arg.required,
    ...(arg.choices?.length ? { choices: arg.choices.slice(0, 25).map((c) => ({ name: clip(c, 100), value: c })) } : {}),
  }));
  // Discord wants required options first; the declared order is kept in the shape for rebuilding text.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)].slice(0, 25);
}

const ROLE_PERMISSIONS: Record<Role, string | null> = {
  member: null,
  moderator: String(MANAGE_MESSAGES),
  admin: String(MANAGE_GUILD),
};

/** The least role any form of the command needs decides who sees it in Discord's menu; the pipeline checks the rest. */
function leastRole(entry: CommandMenuEntry): Role {
  const roles: Role[] = [entry.role, ...entry.subcommands.map((s) => s.role)];
  if (roles.includes('member')) return 'member';
  if (roles.includes('moderator')) return 'moderator';
  return 'admin';
}

/** A message menu entry: Discord shows its name (up to 32 characters, any case) and takes no description. */
function messageMenuCommand(labels: Record<string, string>, fallback: string, permissions: string | null): ApplicationCommandBody {
  const name = clip(labels.en ?? Object.values(labels)[0] ?? fallback, 32) || fallback;
  const localizations: Record<string, string> = {};
  for (const [language, text] of Object.entries(labels)) {
    for (const locale of [LOCALES[language.toLowerCase()], ...(MORE_LOCALES[language.toLowerCase()] ?? [])]) {
      if (locale && text.trim()) localizations[locale] = clip(text, 32);
    }
  }
  return { name, type: MESSAGE, description: '', default_member_permissions: permissions, ...(Object.keys(localizations).length ? { name_localizations: localizations } : {}) };
}

export function bareSubName(entry: Pick<CommandMenuEntry, 'args' | 'subcommands'>): string {
  const base = entry.args[0]?.name.toLowerCase() ?? 'show';
  let name = base;
  while (entry.subcommands.some((s) => s.name === name)) name = `${name}_`;
  return name;
}

export function toApplicationCommands(entries: CommandMenuEntry[]): { body: ApplicationCommandBody[]; shapes: Map<string, CommandShape> } {
  const body: ApplicationCommandBody[] = [];
  const shapes = new Map<string, CommandShape>();
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    const shape: CommandShape = { args: entry.args.map((a) => a.name.toLowerCase()), subcommands: {} };
    const command: ApplicationCommandBody = { name, type: CHAT_INPUT, ...describe(entry.descriptions, name), default_member_permissions: ROLE_PERMISSIONS[leastRole(entry)] };
    if (entry.subcommands.length === 0) {
      if (entry.args.length > 0) command.options = argOptions(entry.args);
    } else {
      const subs: OptionBody[] = entry.subcommands.map((sub) => {
        shape.subcommands[sub.name.toLowerCase()] = sub.args.map((a) => a.name.toLowerCase());
        return { type: OPTION_SUB_COMMAND, name: sub.name.toLowerCase(), ...describe(sub.descriptions, sub.name), options: argOptions(sub.args) };
      });
      shape.bareSub = bareSubName(entry);
      subs.unshift({ type: OPTION_SUB_COMMAND, name: shape.bareSub, ...describe(entry.descriptions, name), options: argOptions(entry.args) });
      command.options = subs.slice(0, 25);
    }
    body.push(command);
    shapes.set(name, shape);
    if (entry.messageMenu) {
      const menu = messageMenuCommand(entry.messageMenu, name, command.default_member_permissions);
      body.push(menu);
      shapes.set(menuKey(menu.name), { menuFor: name, args: [], subcommands: {} });
    }
  }
  return { body, shapes };
}

/**
 * Shapes recovered from what Discord holds (GET /applications/{id}/commands), for a process that did not register
 * the commands itself. The bare-form sub-command is recognised by the naming rule above.
 */
export function shapesFromRegistered(commands: ApplicationCommandBody[]): Map<string, CommandShape> {
  const shapes = new Map<string, CommandShape>();
  for (const command of commands) {
    // A message menu entry names no command of ours in what Discord keeps: until this process registers the commands
    // itself, choosing one is ignored.
    if (command.type === MESSAGE) continue;
    const options = command.options ?? [];
    const subs = options.filter((o) => o.type === OPTION_SUB_COMMAND);
    if (subs.length === 0) {
      shapes.set(command.name, { args: options.map((o) => o.name), subcommands: {} });
      continue;
    }
    const shape: CommandShape = { args: [], subcommands: {} };
    for (const sub of subs) {
      const args = (sub.options ?? []).map((o) => o.name);
      const isBare = !shape.bareSub && ((args.length === 0 && sub.name === 'show') || (args.length > 0 && sub.name.replace(/_+$/, '') === args[0]));
      if (isBare) {
        shape.bareSub = sub.name;
        shape.args = args;
      } else shape.subcommands[sub.name] = args;
    }
    shapes.set(command.name, shape);
  }
  return shapes;
}
