// Commands are plain objects, validated when loaded. Usage lines, refusals and the platforms' command menus are all
// generated from these declarations, so a command file holds only what is particular to it. Declared through
// defineCommand/defineSubcommand, a handler's `args` is typed from its `args` declaration: a required argument is a
// string, an optional one may be undefined, one with choices is one of them.
import type { Context } from './context.js';
import type { Role } from './roles.js';

export interface ArgSpec {
  name: string;
  /** `rest` takes the remainder of the line (free text); otherwise one word. */
  rest?: boolean;
  optional?: boolean;
  /** Fixed choices (shown in the usage line and as Discord choices). */
  choices?: readonly string[];
}

/** The arguments of a form whose declaration is not known precisely (the command stage, the menus). */
export type Args = Record<string, string | undefined>;

/** One argument's value: one of its choices if it has some, undefined unless it is surely required. */
type ArgValue<S extends ArgSpec> =
  | (S extends { choices: readonly (infer C extends string)[] } ? C : string)
  | (S extends { name: string; optional?: false | undefined } ? never : undefined);

/**
 * `[{ name: 'id' }, { name: 'lang', optional: true }]` → `{ id: string; lang: string | undefined }`; a declaration not
 * known precisely (`ArgSpec[]`) gives Args.
 */
export type ArgsOf<A extends readonly ArgSpec[]> = { [S in A[number] as S['name']]: ArgValue<S> };

export interface CommandForm<A extends readonly ArgSpec[] = readonly ArgSpec[]> {
  /** Who may run this form. */
  role: Role;
  args: A;
  run(ctx: Context, args: ArgsOf<A>): Promise<void>;
}

export interface Subcommand<A extends readonly ArgSpec[] = readonly ArgSpec[]> extends CommandForm<A> {
  name: string;
}

/**
 * Where a command works. A private chat with the bot is not a group: there only what concerns the person works
 * (`any`: /start, /help, /lang for that chat, /forgetme, their own requests); every other command is `group`.
 */
export const WHERE = ['group', 'any'] as const;
export type Where = (typeof WHERE)[number];

export interface Command<A extends readonly ArgSpec[] = readonly ArgSpec[]> extends CommandForm<A> {
  /** 1–32 of [a-z0-9_]: the strictest platform's rule (Telegram). */
  name: string;
  /** `group`: answered in a private chat by one sentence saying to use it in the group. */
  where: Where;
  /**
   * Who may run the command with arguments, when that differs from `role` (`/lang` shows for anyone, sets for admins).
   */
  roleWithArgs?: Role;
  /** `/faq add …`: the first argument picks one of these; anything else runs the command's own form. */
  subcommands?: Subcommand[];
  /**
   * Also offered on a message's own menu where the platform has one (Discord's "Apps" menu), labelled by the locale
   * key `commands.<name>.menu`: choosing it runs the command with no arguments, as a reply to that message.
   */
  messageMenu?: boolean;
}

/** Declares a command; its handler's `args` is typed from its `args` declaration. */
export function defineCommand<const A extends readonly ArgSpec[]>(command: Command<A>): Command<A> {
  return command;
}

/** Declares a sub-command (`/faq add`); its handler's `args` is typed from its `args` declaration. */
export function defineSubcommand<const A extends readonly ArgSpec[]>(subcommand: Subcommand<A>): Subcommand<A> {
  return subcommand;
}

const NAME = /^[a-z0-9_]{1,32}$/;

export class InvalidCommandError extends Error {}

/** Checks a declaration once at load time, so a bad one fails the start rather than a user's message. */
export function validateCommand(command: Command): Command {
  const problems: string[] = [];
  if (!NAME.test(command.name)) problems.push(`name "${command.name}" must be 1-32 of [a-z0-9_]`);
  // A declaration written in plain JavaScript (or cast) could leave it out: no default, so no command is let into
  // private chats by accident.
  if (!(WHERE as readonly unknown[]).includes(command.where)) problems.push(`where must be one of ${WHERE.join(', ')}`);
  const forms: { label: string; args: readonly ArgSpec[] }[] = [{ label: command.name, args: command.args }];
  for (const sub of command.subcommands ?? []) {
    if (!NAME.test(sub.name)) problems.push(`subcommand "${sub.name}" must be 1-32 of [a-z0-9_]`);
    forms.push({ label: `${command.name} ${sub.name}`, args: sub.args });
  }
  for (const form of forms) {
    form.args.forEach((arg, i) => {
      if (!NAME.test(arg.name)) problems.push(`${form.label}: argument "${arg.name}" must be 1-32 of [a-z0-9_]`);
      if (arg.rest && i !== form.args.length - 1) problems.push(`${form.label}: only the last argument may be rest`);
      const previous = form.args[i - 1];
      if (previous?.optional && !arg.optional) problems.push(`${form.label}: required "${arg.name}" after optional`);
    });
  }
  if (problems.length > 0) throw new InvalidCommandError(`command /${command.name}: ${problems.join('; ')}`);
  return command;
}

export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: Command[]) {
    for (const command of commands) {
      validateCommand(command);
      if (this.byName.has(command.name)) throw new InvalidCommandError(`command /${command.name} declared twice`);
      this.byName.set(command.name, command);
    }
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  all(): Command[] {
    return [...this.byName.values()];
  }
}

/** `/name@bot args` → name and the rest; undefined when the text is not a command. */
export function splitCommandText(text: string): { name: string; rest: string } | undefined {
  const match = /^[/!]([A-Za-z0-9_@.]+)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), rest: (match[2] ?? '').trim() };
}

/**
 * Binds words to a form's arguments. Returns undefined when the words do not fit (missing required argument, too many
 * words, a value outside the choices): the caller answers with the usage line.
 */
export function bindArgs(specs: readonly ArgSpec[], rest: string): Args | undefined {
  const args: Args = {};
  let remaining = rest.trim();
  for (const spec of specs) {
    if (remaining === '') {
      if (!spec.optional) return undefined;
      continue;
    }
    if (spec.rest) {
      args[spec.name] = remaining;
      remaining = '';
      continue;
    }
    const match = /^(\S+)\s*([\s\S]*)$/.exec(remaining)!;
    const word = match[1]!;
    if (spec.choices && !spec.choices.includes(word.toLowerCase())) return undefined;
    args[spec.name] = spec.choices ? word.toLowerCase() : word;
    remaining = match[2]!;
  }
  return remaining === '' ? args : undefined;
}

/** The usage line of one form, generated from its declaration: `/faq add <question> [lang]`. */
export function usageLine(
  t: (key: string) => string,
  command: Command,
  form: CommandForm,
  subcommand?: string,
): string {
  const parts = [`/${command.name}`];
  if (subcommand) parts.push(subcommand);
  for (const arg of form.args) {
    const label = arg.choices ? arg.choices.join('|') : t(`args.${arg.name}`);
    parts.push(arg.optional ? `[${label}]` : `<${label}>`);
  }
  return parts.join(' ');
}

/** Every form of a command with its sub-command name, in declaration order. */
export function formsOf(command: Command): { form: CommandForm; subcommand?: string }[] {
  return [{ form: command }, ...(command.subcommands ?? []).map((sub) => ({ form: sub, subcommand: sub.name }))];
}
