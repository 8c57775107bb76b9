// Recognises a command, checks who may run it, binds its arguments and runs it. A handled command ends the chain:
// commands are neither FAQ questions nor relayed over bridges.
import { bindArgs, formsOf, splitCommandText, type Command, type CommandForm } from '../core/command.js';
import type { Stage } from '../core/composer.js';
import type { Context } from '../core/context.js';
import { roleAtLeast } from '../core/roles.js';
import { CommandRateLimiter, type CommandRateLimit } from './rate-limit.js';

export interface CommandStageEvents {
  /** `name` is a registered command's name, or UNKNOWN_COMMAND_LABEL: never what someone typed. */
  command(name: string, outcome: 'ok' | 'usage' | 'refused' | 'unknown' | 'error' | 'limited'): void;
}

/** The one label unknown commands are counted under, so typed names never create metric series. */
export const UNKNOWN_COMMAND_LABEL = '(unknown)';

/** Command names are at most 32 characters (Telegram's limit); a longer unknown name is cut in the reply. */
const SHOWN_NAME_LENGTH = 32;

function shownName(name: string): string {
  return name.length > SHOWN_NAME_LENGTH ? `${name.slice(0, SHOWN_NAME_LENGTH)}…` : name;
}

/** Chooses the form the words address: a sub-command by its name, else the command's own form. */
function pickForm(command: Command, rest: string): { form: CommandForm; subcommand?: string; rest: string } {
  const first = rest.split(/\s+/, 1)[0] ?? '';
  const sub = command.subcommands?.find((s) => s.name === first.toLowerCase());
  if (sub) return { form: sub, subcommand: sub.name, rest: rest.slice(first.length).trim() };
  return { form: command, rest };
}

export function commandStage(events?: CommandStageEvents, options: { rateLimit?: CommandRateLimit } = {}): Stage<Context> {
  let limiter: CommandRateLimiter | undefined;
  return {
    name: 'commands',
    async run(ctx, next) {
      const { envelope } = ctx;
      if (envelope.kind !== 'message') return next();
      const parsed = splitCommandText(envelope.text);
      // `/cmd@OtherBot`: the adapter rewrote our own address away, so an '@' left means another bot's command.
      if (!parsed || parsed.name.includes('@')) return next();
      // Bots are not members: a relay bot posting `!setrules` carries someone else's words with its own rights.
      if (envelope.sender.isBot) return next();

      const command = ctx.services.commands.get(parsed.name);
      // Unknown commands not addressed to the bot belong to another bot, or to nobody.
      if (!command && !envelope.addressedToBot) return next();

      limiter ??= new CommandRateLimiter(ctx.services.redis, ctx.services.prefix, options.rateLimit);
      const verdict = await limiter.take(envelope.chat.id, envelope.sender.id, ctx.clock.now());
      if (verdict !== 'allowed') {
        events?.command(command?.name ?? UNKNOWN_COMMAND_LABEL, 'limited');
        if (verdict === 'warn') await ctx.replyEphemeral('errors.slow_down');
        return;
      }

      if (!command) {
        events?.command(UNKNOWN_COMMAND_LABEL, 'unknown');
        await ctx.replyEphemeral('errors.unknown_command', { command: shownName(parsed.name) });
        return;
      }

      const { form, subcommand, rest } = pickForm(command, parsed.rest);
      const inPrivate = envelope.chat.type === 'private';
      if (inPrivate && command.where !== 'any') {
        events?.command(command.name, 'refused');
        await ctx.replyEphemeral('errors.group_only', { command: `/${command.name}` });
        return;
      }
      const needed = !subcommand && command.roleWithArgs && rest !== '' ? command.roleWithArgs : form.role;
      // A private chat belongs to the person: its own settings (its language) are theirs to set. Power over anyone
      // else's things is asked of ctx.role(), which is 'member' there. What any member may run asks the platform
      // nothing.
      if (!inPrivate && needed !== 'member' && !roleAtLeast(await ctx.role(), needed)) {
        events?.command(command.name, 'refused');
        await ctx.replyEphemeral(`errors.needs_${needed}`, { command: `/${command.name}` });
        return;
      }
      ctx.command = { command, form, subcommand };
      const args = bindArgs(form.args, rest);
      if (!args) {
        events?.command(command.name, 'usage');
        await ctx.usage();
        return;
      }
      try {
        await form.run(ctx, args);
        // Moderators' and admins' commands change settings, which the audit shows with the person's name: the name
        // is kept (in `people`, which /forgetme erases), never shown as a raw platform id.
        if (needed !== 'member') await ctx.services.people.remember(envelope.sender);
        events?.command(command.name, 'ok');
      } catch (error) {
        events?.command(command.name, 'error');
        ctx.log.error({ err: error, command: command.name, chat: envelope.chat.id }, 'command failed');
        await ctx.replyEphemeral('errors.internal');
      }
    },
  };
}

export { formsOf };
