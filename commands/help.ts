import { defineCommand, formsOf, usageLine, type Command } from '../src/core/command.js';
import { roleAtLeast } from '../src/core/roles.js';

/** `/help`: the commands this person may use here; `/help <command>`: that command's usage lines. */
export const help = defineCommand({
  name: 'help',
  where: 'any',
  role: 'member',
  args: [{ name: 'command', optional: true }],
  async run(ctx, args) {
    const role = await ctx.role();
    // In a private chat only what works there is listed (a private chat is not a group).
    const here = (command: Command) => ctx.envelope.chat.type !== 'private' || command.where === 'any';
    const registry = ctx.services.commands;
    const t = (key: string) => ctx.t(key);
    if (args.command) {
      const command = registry.get(args.command.replace(/^[/!]/, '').toLowerCase());
      if (!command) {
        await ctx.reply(ctx.t('help.unknown', { command: args.command }));
        return;
      }
      const usable = formsOf(command).filter(({ form }) => roleAtLeast(role, form.role));
      const lines = usable.map(({ form, subcommand }) => usageLine(t, command, form, subcommand));
      await ctx.reply(ctx.t('help.command', { description: ctx.t(`commands.${command.name}.description`), usage: lines.join('\n') }));
      return;
    }
    const lines = registry
      .all()
      .filter((command) => here(command) && formsOf(command).some(({ form }) => roleAtLeast(role, form.role)))
      .map((command) => `/${command.name} — ${ctx.t(`commands.${command.name}.description`)}`);
    await ctx.reply(ctx.t(`help.list_${role}`, { commands: lines.join('\n') }));
  },
});
